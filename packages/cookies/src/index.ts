/**
 * Find a site's cookies in cookie files and in the user's installed browsers (Firefox and
 * Chromium families on Linux, macOS and Windows), with RFC 6265 domain matching, byte-exact
 * values and no value in any log, error or `inspect` output.
 *
 * @example
 * ```ts
 * import { getCookies, toCookieHeader } from "@g4f/cookies";
 * const cookies = await getCookies("open-assistant.io");
 * const header = toCookieHeader(cookies);
 * ```
 *
 * @packageDocumentation
 */

export {
  type BrowserCookiesResult,
  type ReadBrowserCookiesOptions,
  readBrowserCookies,
} from "./browsers/read-browser-cookies.js";
export {
  type BrowserDbResult,
  type ReadChromiumCookiesOptions,
  readChromiumCookies,
} from "./browsers/read-chromium-cookies.js";
export { type ReadFirefoxCookiesOptions, readFirefoxCookies } from "./browsers/read-firefox-cookies.js";
export { clearCookieCache } from "./clear-cookie-cache.js";
export { type CookieRecordFields, createCookieRecord, maskValue } from "./cookie-record.js";
export { type ChromiumScheme, chromiumScheme } from "./crypto/chromium-scheme.js";
export { type DecryptChromiumValueOptions, decryptChromiumValue } from "./crypto/decrypt-chromium-value.js";
export { deriveChromiumKey } from "./crypto/derive-chromium-key.js";
export * from "./errors/index.js";
export {
  type CookieFileResult,
  type ReadCookieFileOptions,
  readCookieFile,
} from "./files/read-cookie-file.js";
export { getCookieList } from "./get-cookie-list.js";
export { getCookies } from "./get-cookies.js";
export { type CookiesDirOptions, getCookiesDir } from "./lookup/get-cookies-dir.js";
export { setCookies } from "./lookup/set-cookies.js";
export * from "./match/index.js";
export { redact } from "./redact.js";
export { applyWal } from "./sqlite/apply-wal.js";
export { openDb, type SqliteDb, type SqlValue } from "./sqlite/open-db.js";
export { type LiveDbImage, type ReadLiveDbOptions, readLiveDb } from "./sqlite/read-live-db.js";
export { type ToCookieHeaderOptions, toCookieHeader } from "./to-cookie-header.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
