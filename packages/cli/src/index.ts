/**
 * The g4f command: chat with any provider, list providers and cookies, serve an OpenAI-compatible API, run the demo.
 *
 * @packageDocumentation
 */

export type { CliInput, CliIO, CliOutput, CliSignal } from "./cli-io.js";
export { createProcessIO } from "./cli-io.js";
export { describeError, type ErrorReport } from "./errors/describe-error.js";
export { ExitCode } from "./errors/exit-codes.js";
export { UsageError, type UsageErrorOptions } from "./errors/usage-error.js";
export { runCli } from "./run-cli.js";
export { VERSION } from "./version.js";
