import { listModelIds, type ModelListing } from "./list-model-ids.js";
import type { CatalogEntry } from "./load-catalog.js";
import { unknownModelError } from "./not-found-errors.js";

// Providers carry no creation date; a fixed one keeps the list stable between calls.
const created = Math.floor(Date.now() / 1000);

function toModelObject(listing: ModelListing): Record<string, unknown> {
  return {
    id: listing.id,
    object: "model",
    created,
    owned_by: listing.provider,
    provider: listing.provider,
    model: listing.model,
  };
}

/**
 * `GET /v1/models`: every model of every usable provider in OpenAI's list shape.
 * @param catalog - the exposed providers.
 * @returns `{ object: "list", data: [{ id, object: "model", created, owned_by }] }` (plus g4f's `provider`, `model`).
 * @internal
 */
export function listModels(catalog: readonly CatalogEntry[]): Record<string, unknown> {
  return { object: "list", data: listModelIds(catalog).map(toModelObject) };
}

/**
 * `GET /v1/models/{id}`: one model.
 * @param catalog - the exposed providers.
 * @param id - a model id from the list (`Provider:model` or a plain id).
 * @returns the model object.
 * @throws {@link ApiRequestError} 404 with close matches for an unknown id.
 * @internal
 */
export function getModel(catalog: readonly CatalogEntry[], id: string): Record<string, unknown> {
  const listings = listModelIds(catalog);
  const wanted = id.toLowerCase();
  const found =
    listings.find((listing) => listing.id === id) ??
    listings.find((listing) => listing.id.toLowerCase() === wanted);
  if (found !== undefined) return toModelObject(found);
  throw unknownModelError(
    id,
    listings.map((listing) => listing.id),
  );
}
