import { defaultBrowserOrder } from "./browsers/browser-table.js";
import { dropUnsendable } from "./drop-unsendable.js";
import { callerRecords, matchCallerRecords } from "./lookup/caller-cookies.js";
import { cachedLookup, type StoreLookupResult } from "./lookup/cookie-cache.js";
import { lookupStores } from "./lookup/lookup-stores.js";
import { lookupCacheKey, resolveLookupOptions } from "./lookup/resolve-lookup-options.js";
import { storedCallerRecords } from "./lookup/set-cookies.js";
import { normalizeDomain } from "./match/normalize-domain.js";
import type { CookieListResult, CookieRecord, CookieWarning, GetCookieListOptions } from "./types.js";

/**
 * Finds a site's cookies with every attribute and the source of each. Sources, in order: the
 * caller's (`options.cookies`, then `setCookies`), the cookie files of the cookies folder, then
 * the installed browsers (`browsers` order, default profile first). The first source with a match
 * is the whole answer (never a mix of two browsers or profiles), unless `all` lists them all.
 * Expired cookies are dropped; values are byte strings. Skipped sources are warnings (returned and
 * passed to `onWarning`); a lookup never fails because a source did.
 *
 * @param domain - the site's host, e.g. `open-assistant.io` (RFC 6265 matching: its domain
 *   cookies and host-only cookies, never `evil-open-assistant.io`).
 * @param options - sources, matching, cache, `signal`, `onWarning`; see {@link GetCookieListOptions}.
 * @returns the cookies and the warnings.
 * @throws {@link InvalidDomainError} for an empty domain, a URL or a public suffix. The signal's
 *   reason when aborted.
 * @example
 * ```ts
 * const { cookies, warnings } = await getCookieList("open-assistant.io", { browsers: ["firefox"] });
 * for (const cookie of cookies) console.log(cookie.name, cookie.source); // values stay masked
 * ```
 */
export async function getCookieList(
  domain: string,
  options: GetCookieListOptions = {},
): Promise<CookieListResult> {
  const host = normalizeDomain(domain);
  const settings = resolveLookupOptions(options);
  const { signal, onWarning } = options;
  signal?.throwIfAborted();
  const warnings: CookieWarning[] = [];
  const report = (warning: CookieWarning): void => {
    warnings.push(warning);
    onWarning?.(warning);
  };
  for (const name of settings.unknownBrowsers) {
    report({
      code: "NOT_FOUND",
      source: String(name),
      message: `Unknown browser ${JSON.stringify(name)}; it is skipped. Known: ${defaultBrowserOrder.join(", ")}.`,
    });
  }
  const now = settings.now();
  const caller = callerLayer(options, host, settings.includeSubdomains, now, report);
  if (caller.length > 0 && !settings.all) return { cookies: caller, warnings };
  const compute = (lookupSignal: AbortSignal | undefined): Promise<StoreLookupResult> =>
    lookupStores(host, settings, lookupSignal);
  const stores = settings.cache
    ? await cachedLookup(lookupCacheKey(host, settings), settings.now, signal, compute)
    : await compute(signal);
  for (const warning of stores.warnings) report(warning);
  // A cached answer may hold cookies that expired since it was read. A loop, no per-cookie
  // callback: a cold lookup runs it before the JIT has optimized one.
  const fresh: CookieRecord[] = [];
  for (const cookie of stores.cookies)
    if (cookie.expires === undefined || cookie.expires > now) fresh.push(cookie);
  return { cookies: settings.all ? [...caller, ...fresh] : fresh, warnings };
}

function callerLayer(
  options: GetCookieListOptions,
  host: string,
  includeSubdomains: boolean,
  now: number,
  report: (warning: CookieWarning) => void,
): CookieRecord[] {
  const given = options.cookies === undefined ? [] : callerRecords(options.cookies, host);
  let matched = matchCallerRecords(given, host, includeSubdomains, now);
  if (matched.length === 0) matched = matchCallerRecords(storedCallerRecords(), host, includeSubdomains, now);
  return dropUnsendable(matched, "caller", report);
}
