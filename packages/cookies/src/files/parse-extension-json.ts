import type { CookieDraft, ParsedCookieFile } from "./cookie-draft.js";
import {
  cookieDomain,
  isObject,
  pathOf,
  sameSiteOf,
  secondsToMs,
  skippedIssues,
  type ToBytes,
} from "./parse-helpers.js";

/**
 * Cookies of a browser-extension export (Cookie-Editor, EditThisCookie, "Get cookies.txt" JSON):
 * an array of `{ domain, name, value, hostOnly?, path?, secure?, httpOnly?, sameSite?,
 * expirationDate? (s), session? }`. Without `hostOnly` a cookie is a domain cookie; a leading dot
 * always makes one. Entries without a string name, value and domain are skipped and counted.
 * @internal
 */
export function parseExtensionJson(entries: readonly unknown[], toBytes: ToBytes): ParsedCookieFile {
  const cookies: CookieDraft[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const domain = isObject(entry) ? cookieDomain(entry.domain) : undefined;
    if (
      !isObject(entry) ||
      domain === undefined ||
      typeof entry.name !== "string" ||
      typeof entry.value !== "string"
    ) {
      skipped++;
      continue;
    }
    const expires = entry.session === true ? undefined : secondsToMs(entry.expirationDate ?? entry.expires);
    const sameSite = sameSiteOf(entry.sameSite);
    cookies.push({
      name: toBytes(entry.name),
      value: toBytes(entry.value),
      domain: domain.domain,
      hostOnly: entry.hostOnly === true && !domain.dotted,
      path: pathOf(entry.path, toBytes),
      secure: entry.secure === true,
      httpOnly: entry.httpOnly === true,
      ...(sameSite === undefined ? {} : { sameSite }),
      ...(expires === undefined ? {} : { expires }),
    });
  }
  return {
    format: "extension-json",
    cookies,
    issues: skippedIssues(
      skipped,
      `${skipped} entr${skipped === 1 ? "y has" : "ies have"} no string name, value and domain; skipped.`,
    ),
  };
}
