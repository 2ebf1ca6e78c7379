/**
 * The OpenAssistant provider for g4f-ts: a port of g4f's `OpenAssistant` that talks to an Open
 * Assistant web app (open-assistant.io, closed since 2023, or `@g4f/openassistant-server`).
 *
 * @packageDocumentation
 */

export type {
  AssistantMessageBody,
  PrompterMessageBody,
} from "./build-request-bodies.js";
export {
  buildAssistantMessageBody,
  buildPrompterContent,
  buildPrompterMessageBody,
} from "./build-request-bodies.js";
export { DELETE_TIMEOUT_MS } from "./delete-chat.js";
export {
  describeErrorBody,
  type ErrorMappingContext,
  mapOpenAssistantError,
} from "./map-open-assistant-error.js";
export { DEFAULT_MODEL, MODELS } from "./models.js";
export { OpenAssistant } from "./open-assistant.js";
export type { OpenAssistantOptions, OpenAssistantWarning } from "./open-assistant-options.js";
export { PARAMETERS } from "./parameters.js";
export { register } from "./register.js";
export { BASE_URL_ENV, DEFAULT_BASE_URL } from "./resolve-base-url.js";
export { DEFAULT_COOKIE_DOMAIN } from "./resolve-cookies.js";
export { USER_AGENT } from "./run-open-assistant.js";
export {
  buildSamplingParameters,
  DEFAULT_SAMPLING_PARAMETERS,
  type SamplingParameters,
} from "./sampling-parameters.js";
export { VERSION } from "./version.js";
