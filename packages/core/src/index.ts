/**
 * Provider contract, formatPrompt, registry, typed errors, HTTP client and SSE reader for g4f-ts.
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";
