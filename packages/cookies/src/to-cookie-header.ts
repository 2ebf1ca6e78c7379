import { isUnsendable, toByteString } from "./byte-string.js";
import { isIpAddress } from "./match/normalize-domain.js";
import type { CookieRecord } from "./types.js";

/** Options of {@link toCookieHeader}. */
export interface ToCookieHeaderOptions {
  /** Clock in ms since the epoch; with a URL, cookies expired by then are left out. @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * Builds a `Cookie` request header value, `name=value; name=value`. Values stay byte strings:
 * Node's `fetch` and `http` write header strings as latin1, so each byte reaches the wire as is.
 * Cookies whose name or value holds CR, LF or NUL are left out (never altered).
 *
 * With records and a URL, the cookies are chosen as a browser would (RFC 6265 §5.4): the
 * domain must match (host-only cookies the exact host), the path must match, `Secure` cookies go
 * only to `https:`/`wss:`, expired ones never; longer paths come first, then older cookies. Use
 * this for every request (and again after a redirect) so a cookie never reaches another host.
 *
 * @param cookies - a name → value map (from `getCookies`) or records (from `getCookieList`).
 * @param url - the request URL; only used with records.
 * @param options - `now` for expiry.
 * @returns the header value; `""` when no cookie applies.
 * @example
 * ```ts
 * const { cookies } = await getCookieList("open-assistant.io");
 * const header = toCookieHeader(cookies, "https://open-assistant.io/api/chat");
 * ```
 */
export function toCookieHeader(
  cookies: Readonly<Record<string, string>> | readonly CookieRecord[],
  url?: string | URL,
  options: ToCookieHeaderOptions = {},
): string {
  if (!Array.isArray(cookies)) {
    return Object.entries(cookies as Readonly<Record<string, string>>)
      .map(([name, value]) => [toByteString(name), toByteString(String(value))] as const)
      .filter(([name, value]) => name !== "" && !isUnsendable(name) && !isUnsendable(value))
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
  }
  let records = (cookies as readonly CookieRecord[]).filter(
    (cookie) => cookie.name !== "" && !isUnsendable(cookie.name) && !isUnsendable(cookie.value),
  );
  if (url !== undefined) {
    const target = typeof url === "string" ? new URL(url) : url;
    const now = (options.now ?? Date.now)();
    records = records.filter((cookie) => sendsTo(cookie, target, now));
  }
  return [...records]
    .map((cookie, index) => ({ cookie, index }))
    .sort(
      (a, b) =>
        b.cookie.path.length - a.cookie.path.length ||
        (a.cookie.creationTime ?? 0) - (b.cookie.creationTime ?? 0) ||
        a.index - b.index,
    )
    .map(({ cookie }) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

function sendsTo(cookie: CookieRecord, url: URL, now: number): boolean {
  if (cookie.expires !== undefined && cookie.expires <= now) return false;
  if (cookie.secure && url.protocol !== "https:" && url.protocol !== "wss:") return false;
  let host = url.hostname.toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.endsWith(".")) host = host.slice(0, -1);
  const domainOk =
    cookie.domain === host || (!cookie.hostOnly && !isIpAddress(host) && host.endsWith(`.${cookie.domain}`));
  return domainOk && pathMatches(cookie.path, url.pathname || "/");
}

// RFC 6265 §5.1.4: identical, or a prefix ending in "/", or a prefix followed by "/".
function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (cookiePath === requestPath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}
