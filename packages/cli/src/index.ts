/**
 * The g4f command: chat with any provider, list providers and cookies, serve an OpenAI-compatible API, run the demo.
 *
 * @packageDocumentation
 */

export { VERSION } from "./version.js";
