import type { FaultRule } from "../fault-types.js";
import { isNoReply } from "../http/replies.js";
import type { OpenAssistantServerOptions } from "../options.js";
import { ServerRuntime } from "../runtime/server-runtime.js";
import type { ServerState, WaitForIdleOptions } from "../server-state.js";
import { createRequestHandler, type RequestHandler } from "./handle-request.js";

/** The reference server without a socket: call `fetch` with web `Request`s, in process. */
export interface OpenAssistantApp {
  /**
   * Answers one request. A `reset` fault rejects with a `TypeError` (as `fetch` would); a `drop`
   * errors the event-stream body.
   */
  fetch(request: Request): Promise<Response>;
  /** The live bookkeeping. */
  state: ServerState;
  /** Adds a fault rule (validated) and returns its id. */
  addFault(rule: FaultRule): string;
  /** Removes a fault rule; unknown ids are ignored. */
  removeFault(id: string): void;
  /** Clears faults, records, chats and their generations. */
  reset(): void;
  /** Resolves when no request, stream or generation is in flight. */
  waitForIdle(options?: WaitForIdleOptions): Promise<void>;
  /** Stops every generation, stream and timer. */
  close(): void;
}

/** @internal The app with its node-facing handler, for `startOpenAssistantServer`. */
export interface AppInternals {
  app: OpenAssistantApp;
  runtime: ServerRuntime;
  handler: RequestHandler;
}

/** @internal */
export function buildApp(options: OpenAssistantServerOptions): AppInternals {
  const runtime = new ServerRuntime(options);
  const handler = createRequestHandler(runtime);
  const app: OpenAssistantApp = {
    async fetch(request) {
      const response = await handler(request, undefined);
      if (isNoReply(response))
        throw new TypeError("fetch failed: the Open Assistant server dropped the request (fault injection).");
      return response;
    },
    state: runtime.state,
    addFault: (rule) => runtime.faults.add(rule),
    removeFault: (id) => runtime.faults.remove(id),
    reset: () => runtime.reset(),
    waitForIdle: (waitOptions) => runtime.state.waitForIdle(waitOptions?.timeoutMs ?? 5000),
    close: () => runtime.shutdown(),
  };
  return { app, runtime, handler };
}

/**
 * Creates the reference server as an in-process app (no socket): `app.fetch(new Request(…))`.
 * @param options - the server's options.
 * @returns the app.
 * @throws {@link InvalidServerOptionError} when an option or fault rule is invalid.
 */
export function createOpenAssistantApp(options: OpenAssistantServerOptions = {}): OpenAssistantApp {
  return buildApp(options).app;
}
