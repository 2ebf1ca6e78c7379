import { inspect } from "node:util";
import { maskValue } from "./cookie-record.js";
import { getCookieList } from "./get-cookie-list.js";
import type { CookieRecord, GetCookiesOptions } from "./types.js";

/**
 * A site's cookies as g4f returns them: name → value, one value per name (the most specific
 * domain, then the longest path, then the newest). Same sources, precedence and options as
 * {@link getCookieList}. The object logs masked: `util.inspect` and `console.log` show
 * `[redacted, N bytes]` for each value (values are still plain properties for the caller to send).
 *
 * @param domain - the site's host, e.g. `open-assistant.io`.
 * @param options - sources, matching, cache, `signal`, `onWarning`; see {@link GetCookiesOptions}.
 * @returns name → value; values are byte strings (send them with {@link toCookieHeader}).
 * @throws {@link InvalidDomainError} for a bad domain; the signal's reason when aborted.
 * @example
 * ```ts
 * const cookies = await getCookies("open-assistant.io", { onWarning: (w) => console.warn(w.message) });
 * await fetch("https://open-assistant.io/api/chat", { headers: { cookie: toCookieHeader(cookies) } });
 * ```
 */
export async function getCookies(
  domain: string,
  options: GetCookiesOptions = {},
): Promise<Record<string, string>> {
  const { cookies } = await getCookieList(domain, { ...options, all: false });
  return maskedMap(pickOnePerName(cookies));
}

/**
 * One record per name: most specific domain, then longest path, then newest (later wins a tie).
 * @internal
 */
export function pickOnePerName(cookies: readonly CookieRecord[]): Map<string, CookieRecord> {
  const best = new Map<string, CookieRecord>();
  for (const cookie of cookies) {
    const current = best.get(cookie.name);
    if (current === undefined || ranksAbove(cookie, current)) best.set(cookie.name, cookie);
  }
  return best;
}

function ranksAbove(candidate: CookieRecord, current: CookieRecord): boolean {
  if (candidate.domain.length !== current.domain.length)
    return candidate.domain.length > current.domain.length;
  if (candidate.path.length !== current.path.length) return candidate.path.length > current.path.length;
  return (candidate.creationTime ?? 0) >= (current.creationTime ?? 0);
}

/**
 * A name → value object with a hidden `util.inspect` hook that masks the values.
 * @internal
 */
export function maskedMap(records: ReadonlyMap<string, CookieRecord>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, record] of records) result[name] = record.value;
  Object.defineProperty(result, inspect.custom, {
    enumerable: false,
    value: (): string => {
      const masked = Object.fromEntries(
        Object.entries(result).map(([name, value]) => [name, maskValue(value)]),
      );
      return `Cookies ${inspect(masked)}`;
    },
  });
  return result;
}
