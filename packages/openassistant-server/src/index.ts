/**
 * A reference server of the Open Assistant chat web API, for tests, demos and self-hosting.
 *
 * @packageDocumentation
 */

export { createOpenAssistantApp, type OpenAssistantApp } from "./app/create-app.js";
export { IdleTimeoutError } from "./errors/idle-timeout-error.js";
export { InvalidServerOptionError } from "./errors/invalid-server-option-error.js";
export {
  OpenAssistantServerError,
  type OpenAssistantServerErrorCode,
  type OpenAssistantServerErrorOptions,
} from "./errors/open-assistant-server-error.js";
export type {
  AfterTokensFault,
  DelayFault,
  ErrorEventFault,
  FaultAction,
  FaultRule,
  FirstTokenDelayFault,
  MalformedFault,
  PingsFault,
  RespondFault,
  RouteName,
  SimpleFault,
} from "./fault-types.js";
export type {
  OpenAssistantServerOptions,
  RateLimitOptions,
  StartOpenAssistantServerOptions,
  UpstreamOptions,
} from "./options.js";
export type {
  ChatCreatedRecord,
  FiredFaultRecord,
  RequestRecord,
  ServerState,
  WaitForIdleOptions,
} from "./server-state.js";
export { type RunningOpenAssistantServer, startOpenAssistantServer } from "./start-server.js";
export { VERSION } from "./version.js";
