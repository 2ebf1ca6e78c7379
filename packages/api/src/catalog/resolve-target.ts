import { getProvider, resolveModel } from "@g4f/core";
import { listModelIds } from "./list-model-ids.js";
import type { CatalogEntry } from "./load-catalog.js";
import { unknownModelError, unknownProviderError } from "./not-found-errors.js";

/** The provider and model a chat request goes to. @internal */
export interface ChatTarget {
  /** The exposed provider. */
  entry: CatalogEntry;
  /** The model to pass to `stream()` (alias resolved). */
  model: string;
}

async function findEntry(catalog: readonly CatalogEntry[], name: string): Promise<CatalogEntry | undefined> {
  const wanted = name.toLowerCase();
  const byName = catalog.find((entry) => entry.name.toLowerCase() === wanted);
  if (byName !== undefined) return byName;
  // Registry aliases ("oa" for "OpenAssistant") resolve to a class we may expose under its name.
  const providerClass = await getProvider(name).catch(() => undefined);
  return catalog.find((entry) => entry.providerClass === providerClass);
}

function offers(entry: CatalogEntry, model: string): boolean {
  const aliases = entry.providerClass.modelAliases ?? {};
  return entry.models.includes(model) || Object.hasOwn(aliases, model);
}

function stripPrefix(model: string, name: string): string {
  return model.toLowerCase().startsWith(`${name.toLowerCase()}:`) ? model.slice(name.length + 1) : model;
}

/**
 * Finds the provider and model for a chat request: g4f's `provider` field, a `Provider:model` id,
 * a provider name (its default model), or a plain model id (the first usable provider offering it).
 *
 * @param catalog - the exposed providers.
 * @param model - the request's `model`.
 * @param provider - the request's `provider`, if any.
 * @returns the target.
 * @throws {@link ApiRequestError} 404 for an unknown provider or model (with close matches);
 *   `ModelNotSupportedError` for a model the chosen provider does not offer.
 * @internal
 */
export async function resolveTarget(
  catalog: readonly CatalogEntry[],
  model: string,
  provider: string | undefined,
): Promise<ChatTarget> {
  if (provider !== undefined && provider !== "") {
    const entry = await findEntry(catalog, provider);
    if (entry === undefined)
      throw unknownProviderError(
        provider,
        catalog.map((item) => item.name),
      );
    return { entry, model: resolveModel(entry.providerClass, stripPrefix(model, entry.name)) };
  }
  const separator = model.indexOf(":");
  if (separator > 0) {
    const entry = await findEntry(catalog, model.slice(0, separator));
    // Model names may contain ":" themselves ("llama3:8b"); only a known provider prefix splits.
    if (entry !== undefined)
      return { entry, model: resolveModel(entry.providerClass, model.slice(separator + 1)) };
  }
  const offering = catalog.filter((entry) => offers(entry, model));
  const chosen = offering.find((entry) => entry.usable) ?? offering[0];
  if (chosen !== undefined) return { entry: chosen, model: resolveModel(chosen.providerClass, model) };
  const named = catalog.find((entry) => entry.name.toLowerCase() === model.toLowerCase());
  if (named !== undefined) return { entry: named, model: resolveModel(named.providerClass, "") };
  throw unknownModelError(
    model,
    listModelIds(catalog).map((listing) => listing.id),
  );
}
