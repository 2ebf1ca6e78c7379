import { clearSecretCache } from "./browsers/secrets/secret-cache.js";
import { clearResultCache } from "./lookup/cookie-cache.js";

/**
 * Forgets every cached lookup result and every keyring password, Keychain password and Windows
 * key read so far; the next lookup reads its sources again. Cookies set with `setCookies` stay.
 *
 * @example
 * ```ts
 * clearCookieCache(); // after logging in again in the browser
 * ```
 */
export function clearCookieCache(): void {
  clearResultCache();
  clearSecretCache();
}
