import type { CatalogEntry } from "./load-catalog.js";

/** One model the server offers, before it is shaped for `/v1/models`. @internal */
export interface ModelListing {
  /** `Provider:model`, or the plain model id when only one provider offers it. */
  id: string;
  /** Registry name of the provider serving it. */
  provider: string;
  /** The provider's model name. */
  model: string;
}

/**
 * Every model of every usable provider: a `Provider:model` id for each, plus the plain model id
 * when exactly one usable provider offers that model.
 *
 * @param catalog - the exposed providers.
 * @returns listings, provider ids first, then plain ids, each in catalog order.
 * @internal
 */
export function listModelIds(catalog: readonly CatalogEntry[]): ModelListing[] {
  const usable = catalog.filter((entry) => entry.usable);
  const owners = new Map<string, CatalogEntry[]>();
  for (const entry of usable) {
    for (const model of entry.models) owners.set(model, [...(owners.get(model) ?? []), entry]);
  }
  const qualified = usable.flatMap((entry) =>
    entry.models.map((model) => ({ id: `${entry.name}:${model}`, provider: entry.name, model })),
  );
  const plain = [...owners]
    .filter(([, entries]) => entries.length === 1)
    .map(([model, entries]) => ({ id: model, provider: entries[0]!.name, model }));
  return [...qualified, ...plain];
}
