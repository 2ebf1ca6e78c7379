/**
 * Provider contract, formatPrompt, registry, typed errors, HTTP client and SSE reader for g4f-ts.
 *
 * @packageDocumentation
 */

export { type ChatResult, chat } from "./chat/chat.js";
export type { ProviderRef } from "./chat/resolve-provider-ref.js";
export { type ChatOptions, type ChatStream, streamChat } from "./chat/stream-chat.js";
export { AbortError } from "./errors/abort-error.js";
export {
  AllProvidersFailedError,
  type AllProvidersFailedErrorJSON,
  type AllProvidersFailedErrorOptions,
  type ProviderAttempt,
  type ProviderAttemptJSON,
} from "./errors/all-providers-failed-error.js";
export {
  G4FError,
  type G4FErrorBaseOptions,
  type G4FErrorCode,
  type G4FErrorJSON,
  type G4FErrorOptions,
} from "./errors/g4f-error.js";
export { InvalidRequestError, type InvalidRequestErrorOptions } from "./errors/invalid-request-error.js";
export { InvalidResponseError, type InvalidResponseErrorOptions } from "./errors/invalid-response-error.js";
export { MissingAuthError } from "./errors/missing-auth-error.js";
export { MissingRequirementsError } from "./errors/missing-requirements-error.js";
export {
  ModelNotSupportedError,
  type ModelNotSupportedErrorOptions,
} from "./errors/model-not-supported-error.js";
export { NetworkError } from "./errors/network-error.js";
export {
  ProviderNotFoundError,
  type ProviderNotFoundErrorOptions,
} from "./errors/provider-not-found-error.js";
export { ProviderNotWorkingError } from "./errors/provider-not-working-error.js";
export { RateLimitError, type RateLimitErrorOptions } from "./errors/rate-limit-error.js";
export { ResponseStatusError, type ResponseStatusErrorOptions } from "./errors/response-status-error.js";
export { StreamError } from "./errors/stream-error.js";
export { TimeoutError, type TimeoutErrorOptions, type TimeoutKind } from "./errors/timeout-error.js";
export { createFallbackProvider, type FallbackOptions } from "./fallback/create-fallback-provider.js";
export { createHttpClient } from "./http/create-http-client.js";
export { closeHttpConnections } from "./http/dispatcher-cache.js";
export type {
  ByteStream,
  HttpClient,
  HttpClientOptions,
  HttpErrorContext,
  HttpRequestInit,
  RetryOptions,
  StreamedResponse,
} from "./http/http-types.js";
export { mapStatusToError, type StatusErrorContext } from "./http/map-status-to-error.js";
export { parseRetryAfter } from "./http/parse-retry-after.js";
export { redactSecrets } from "./internal/redact-secrets.js";
export { type FormatPromptOptions, formatPrompt } from "./prompt/format-prompt.js";
export { validateMessages } from "./prompt/validate-messages.js";
export { AsyncGeneratorProvider } from "./provider/async-generator-provider.js";
export { getParameters } from "./provider/get-parameters.js";
export { getProviderName } from "./provider/get-provider-name.js";
export { normalizeTimeouts } from "./provider/normalize-timeouts.js";
export type { ProviderClass, SpecificationVersion } from "./provider/provider-class.js";
export { resolveModel } from "./provider/resolve-model.js";
export { getProvider, type ProviderFor, type RegisteredProviders } from "./registry/get-provider.js";
export {
  listProviderNames,
  listProviders,
  type ProviderFilter,
  type ProviderInfo,
} from "./registry/list-providers.js";
export {
  type RegisterProviderOptions,
  registerProvider,
  unregisterProvider,
} from "./registry/register-provider.js";
export type { ProviderLoader, ProviderLoaderResult, ProviderModule } from "./registry/registry-store.js";
export { type ResolvedProvider, resolveProvider } from "./registry/resolve-provider.js";
export { parseEventJson } from "./sse/parse-event-json.js";
export { readEventBatches } from "./sse/read-event-batches.js";
export { readEventStream } from "./sse/read-event-stream.js";
export type {
  EventStreamBody,
  ReadEventBatchesOptions,
  ReadEventStreamOptions,
  ServerSentEvent,
} from "./sse/server-sent-event.js";
export type { ContentPart, Message, Messages, OtherPart, Role, TextPart } from "./types/message.js";
export type { ParameterSpec } from "./types/parameter-spec.js";
export type { DebugEvent, ProviderOptions, TimeoutOptions } from "./types/provider-options.js";
export type {
  AsyncResult,
  FinishPart,
  FinishReason,
  ProgressPart,
  ProviderInfoPart,
  ResponsePart,
  UsagePart,
} from "./types/response-part.js";
export { VERSION } from "./version.js";
