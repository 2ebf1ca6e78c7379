/**
 * The OpenAssistant provider for g4f-ts.
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";
