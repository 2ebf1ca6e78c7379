/**
 * An OpenAI-compatible HTTP server over every registered g4f-ts provider: `/v1/models`,
 * `/v1/providers` and `/v1/chat/completions` (streamed and not), errors in OpenAI's shape.
 *
 * @packageDocumentation
 */

export type { CompletionUsage, OpenAIFinishReason } from "./chat/completion-objects.js";
export { ApiRequestError, type ApiRequestErrorOptions } from "./errors/api-request-error.js";
export type { OpenAIErrorBody, OpenAIErrorObject } from "./errors/openai-error-body.js";
export type {
  ApiApp,
  ApiLogEntry,
  ApiServerOptions,
  CloseOptions,
  RunningApiServer,
  StartApiServerOptions,
} from "./server/api-server-options.js";
export { createApiServer } from "./server/create-api-server.js";
export { startApiServer } from "./server/start-api-server.js";
export { VERSION } from "./version.js";
