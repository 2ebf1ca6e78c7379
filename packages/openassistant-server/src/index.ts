/**
 * A reference server of the Open Assistant chat web API, for tests, demos and self-hosting.
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";
