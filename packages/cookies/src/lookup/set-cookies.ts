import { normalizeDomain } from "../match/normalize-domain.js";
import type { CallerCookies, CookieRecord } from "../types.js";
import { callerRecords } from "./caller-cookies.js";
import { clearResultCache } from "./cookie-cache.js";

const storeKey: unique symbol = Symbol.for("g4f.cookies.callerStore");
type Store = Map<string, CookieRecord[]>;

// On globalThis so two copies of the package in one process share what the caller set.
function store(): Store {
  const holder = globalThis as { [storeKey]?: Store };
  holder[storeKey] ??= new Map();
  return holder[storeKey];
}

/**
 * Sets the caller's cookies for a domain: later lookups that they match (`getCookies`,
 * `getCookieList`) return them before any file or browser, as g4f's `set_cookies` does. Calling it
 * without cookies, or with none, removes them. Cached lookups are dropped.
 *
 * @param domain - the site, e.g. `open-assistant.io`; name → value maps become its domain cookies.
 * @param cookies - a name → value map or full {@link CookieInput}s; omit to remove.
 * @throws {@link InvalidDomainError} for an empty domain or a public suffix.
 * @example
 * ```ts
 * setCookies("open-assistant.io", { "__Secure-next-auth.session-token": token });
 * await getCookies("open-assistant.io"); // the token, no browser read
 * setCookies("open-assistant.io"); // forget it
 * ```
 */
export function setCookies(domain: string, cookies?: CallerCookies): void {
  const host = normalizeDomain(domain);
  const records = cookies === undefined ? [] : callerRecords(cookies, host);
  if (records.length === 0) store().delete(host);
  else store().set(host, records);
  clearResultCache();
}

/** Every record set with {@link setCookies}. @internal */
export function storedCallerRecords(): CookieRecord[] {
  return [...store().values()].flat();
}
