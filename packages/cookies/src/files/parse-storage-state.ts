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
 * Cookies of a Playwright `storageState` file: `{ cookies: [{ name, value, domain, path,
 * expires (s, -1 = session), httpOnly, secure, sameSite }], origins }`. Playwright writes domain
 * cookies with a leading dot and host-only cookies without one.
 * @internal
 */
export function parseStorageState(entries: readonly unknown[], toBytes: ToBytes): ParsedCookieFile {
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
    const expires = secondsToMs(entry.expires);
    const sameSite = sameSiteOf(entry.sameSite);
    cookies.push({
      name: toBytes(entry.name),
      value: toBytes(entry.value),
      domain: domain.domain,
      hostOnly: !domain.dotted,
      path: pathOf(entry.path, toBytes),
      secure: entry.secure === true,
      httpOnly: entry.httpOnly === true,
      ...(sameSite === undefined ? {} : { sameSite }),
      ...(expires === undefined ? {} : { expires }),
    });
  }
  return {
    format: "storage-state",
    cookies,
    issues: skippedIssues(skipped, `${skipped} cookies lack a name, value or domain; skipped.`),
  };
}
