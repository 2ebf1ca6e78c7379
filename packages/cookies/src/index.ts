/**
 * Find a site's cookies in cookie files and in the user's installed browsers (Firefox and Chromium families).
 *
 * @packageDocumentation
 */

export { createCookieRecord, maskValue } from "./cookie-record.js";
export * from "./errors/index.js";
export * from "./match/index.js";
export type * from "./types.js";
export { VERSION } from "./version.js";
