/**
 * An OpenAI-compatible HTTP server over every registered g4f-ts provider.
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";
