import { ApiRequestError } from "../errors/api-request-error.js";
import { findSimilarIds } from "./find-similar-ids.js";

function didYouMean(wanted: string, known: Iterable<string>): string {
  const similar = findSimilarIds(wanted, known);
  return similar.length > 0 ? ` Did you mean ${similar.map((id) => `"${id}"`).join(", ")}?` : "";
}

/**
 * The 404 for a model id nobody here offers, with close matches.
 * @param model - the id asked for.
 * @param known - every listed model id.
 * @returns the error to throw.
 * @internal
 */
export function unknownModelError(model: string, known: Iterable<string>): ApiRequestError {
  return new ApiRequestError({
    status: 404,
    apiCode: "model_not_found",
    param: "model",
    message: `The model "${model}" is not offered by this server.${didYouMean(model, known)} GET /v1/models lists every model id.`,
  });
}

/**
 * The 404 for a provider that is not exposed, with close matches.
 * @param name - the name asked for.
 * @param known - every exposed provider name.
 * @returns the error to throw.
 * @internal
 */
export function unknownProviderError(name: string, known: Iterable<string>): ApiRequestError {
  return new ApiRequestError({
    status: 404,
    apiCode: "provider_not_found",
    param: "provider",
    message: `No provider named "${name}" is served here.${didYouMean(name, known)} GET /v1/providers lists them.`,
  });
}
