import { toByteString } from "../byte-string.js";
import { createCookieRecord } from "../cookie-record.js";
import { cookieDomain } from "../files/parse-helpers.js";
import { domainMatches } from "../match/domain-matches.js";
import type { CallerCookies, CookieInput, CookieRecord } from "../types.js";

/**
 * Makes records of a caller's cookies. A name → value map holds domain cookies of `domain` on
 * `/`; full inputs default to `domain` and keep their attributes. Names and values are made byte
 * strings (code units above 0xFF are UTF-8 encoded). Inputs with an unusable domain are dropped.
 * @internal
 */
export function callerRecords(cookies: CallerCookies, domain: string): CookieRecord[] {
  const source = { kind: "caller" } as const;
  if (!Array.isArray(cookies)) {
    return Object.entries(cookies as Readonly<Record<string, string>>)
      .filter(([, value]) => typeof value === "string")
      .map(([name, value]) =>
        createCookieRecord({
          name: toByteString(name),
          value: toByteString(value),
          domain,
          hostOnly: false,
          path: "/",
          secure: false,
          httpOnly: false,
          source,
        }),
      );
  }
  const records: CookieRecord[] = [];
  for (const input of cookies as readonly CookieInput[]) {
    if (typeof input?.name !== "string" || typeof input.value !== "string") continue;
    const parsed = input.domain === undefined ? { domain, dotted: false } : cookieDomain(input.domain);
    if (parsed === undefined) continue;
    records.push(
      createCookieRecord({
        name: toByteString(input.name),
        value: toByteString(input.value),
        domain: parsed.domain,
        hostOnly: input.hostOnly === true && !parsed.dotted,
        path: typeof input.path === "string" && input.path.startsWith("/") ? toByteString(input.path) : "/",
        secure: input.secure === true,
        httpOnly: input.httpOnly === true,
        ...(input.sameSite === undefined ? {} : { sameSite: input.sameSite }),
        ...(typeof input.expires === "number" ? { expires: input.expires } : {}),
        source,
      }),
    );
  }
  return records;
}

/**
 * The caller's records that belong to a host and have not expired.
 * @internal
 */
export function matchCallerRecords(
  records: readonly CookieRecord[],
  host: string,
  includeSubdomains: boolean,
  now: number,
): CookieRecord[] {
  return records.filter(
    (record) =>
      (record.expires === undefined || record.expires > now) &&
      domainMatches(record, host, { includeSubdomains }),
  );
}
