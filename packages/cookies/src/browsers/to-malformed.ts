import { CookieError } from "../errors/cookie-error.js";
import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";

/**
 * Keeps our typed errors; turns an engine error met mid-query (a corrupt page) into
 * `CookieStoreReadError` `malformed`.
 * @internal
 */
export function toMalformed(error: unknown, path: string): Error {
  if (CookieError.isInstance(error)) return error;
  return new CookieStoreReadError({ reason: "malformed", path, cause: error });
}
