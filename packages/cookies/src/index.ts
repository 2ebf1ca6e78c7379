/**
 * Find a site's cookies in cookie files and in the user's installed browsers (Firefox and Chromium families).
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";
