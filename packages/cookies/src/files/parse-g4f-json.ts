import type { CookieDraft, ParsedCookieFile } from "./cookie-draft.js";
import { cookieDomain, isObject, skippedIssues, type ToBytes } from "./parse-helpers.js";

/**
 * Cookies of g4f's own JSON: `{ "<domain>": { "<name>": "<value>" } }`. Every cookie is a domain
 * cookie on path `/` without expiry; non-string values are skipped and counted.
 * @internal
 */
export function parseG4fJson(object: Record<string, unknown>, toBytes: ToBytes): ParsedCookieFile {
  const cookies: CookieDraft[] = [];
  let skipped = 0;
  for (const [rawDomain, values] of Object.entries(object)) {
    const domain = cookieDomain(rawDomain);
    if (domain === undefined || !isObject(values)) {
      skipped++;
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      if (typeof value !== "string") {
        skipped++;
        continue;
      }
      cookies.push({
        name: toBytes(name),
        value: toBytes(value),
        domain: domain.domain,
        hostOnly: false,
        path: "/",
        secure: false,
        httpOnly: false,
      });
    }
  }
  return {
    format: "g4f-json",
    cookies,
    issues: skippedIssues(skipped, `${skipped} entries are not "domain": { name: value } strings; skipped.`),
  };
}
