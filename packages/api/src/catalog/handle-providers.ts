import { getParameters } from "@g4f/core";
import type { CatalogEntry } from "./load-catalog.js";
import { unknownProviderError } from "./not-found-errors.js";

function toProviderObject(entry: CatalogEntry): Record<string, unknown> {
  const provider = entry.providerClass;
  // Only the class's own statics: the operator's options (cookies, baseUrl…) are never shown.
  return {
    id: entry.name,
    object: "provider",
    label: provider.label,
    url: provider.url,
    working: provider.working,
    usable: entry.usable,
    needs_auth: provider.needsAuth,
    supports_stream: provider.supportsStream,
    supports_message_history: provider.supportsMessageHistory,
    supports_system_message: provider.supportsSystemMessage,
    model: provider.model,
    models: entry.models,
    model_aliases: provider.modelAliases ?? {},
    parameters: getParameters(provider),
  };
}

/**
 * `GET /v1/providers`: every exposed provider with its flags, models and parameters.
 * @param catalog - the exposed providers.
 * @returns `{ object: "list", data: [...] }`.
 * @internal
 */
export function listProvidersResponse(catalog: readonly CatalogEntry[]): Record<string, unknown> {
  return { object: "list", data: catalog.map(toProviderObject) };
}

/**
 * `GET /v1/providers/{name}`: one provider.
 * @param catalog - the exposed providers.
 * @param name - its registry name, any case.
 * @returns the provider object.
 * @throws {@link ApiRequestError} 404 with close matches.
 * @internal
 */
export function getProviderResponse(catalog: readonly CatalogEntry[], name: string): Record<string, unknown> {
  const entry = catalog.find((item) => item.name.toLowerCase() === name.toLowerCase());
  if (entry !== undefined) return toProviderObject(entry);
  throw unknownProviderError(
    name,
    catalog.map((item) => item.name),
  );
}
