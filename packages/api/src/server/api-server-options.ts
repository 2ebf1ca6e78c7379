import type { ProviderOptions, ProviderRef, TimeoutOptions } from "@g4f/core";

/** One line of the server's log, as given to {@link ApiServerOptions.onLog}. Never holds a secret. */
export interface ApiLogEntry {
  /** `"info"` for finished requests, `"warn"` for failures the client caused, `"error"` for upstream ones. */
  level: "info" | "warn" | "error";
  /** What happened, already redacted. */
  message: string;
  /** HTTP method. */
  method: string;
  /** Request path (no query string). */
  path: string;
  /** HTTP status sent (200 for a stream that later failed in-band). */
  status: number;
  /** Milliseconds from the request to the end of the response (or stream). */
  durationMs: number;
  /** Provider that served the request, when one was chosen. */
  provider?: string;
  /** Model that served the request, when one was chosen. */
  model?: string;
  /** The g4f error code of a failure (for example `"RATE_LIMITED"`). */
  errorCode?: string;
}

/** Options of {@link createApiServer}. Every field is optional. */
export interface ApiServerOptions {
  /**
   * Which providers to expose: registry names, classes or instances. Names are looked up in the
   * registry (case-insensitive, aliases); classes need not be registered.
   * @defaultValue every provider in the registry at request time
   */
  providers?: readonly ProviderRef[];
  /**
   * Default options per provider (registry name, any case): `baseUrl`, `cookies`, `proxy`,
   * `allowNotWorking`, default sampling values… Clients never see or override `baseUrl`, `proxy`,
   * `cookies` or any other non-sampling option.
   * @defaultValue `{}`
   */
  providerOptions?: Readonly<Record<string, ProviderOptions>>;
  /**
   * API key(s) clients must send as `Authorization: Bearer <key>`. Compared in constant time.
   * @defaultValue none: no authentication
   */
  apiKey?: string | readonly string[];
  /**
   * CORS: `true` allows every origin, a list allows those origins, `false` sends no CORS headers.
   * @defaultValue false
   */
  cors?: boolean | readonly string[];
  /**
   * Largest accepted request body in bytes; larger bodies get 413.
   * @defaultValue 1_048_576 (1 MiB)
   */
  bodyLimit?: number;
  /**
   * Time limits for each provider call (ms, or per phase); a fired limit gives 504 (or an in-band
   * error once streaming has started).
   * @defaultValue `{ total: 600_000 }`
   */
  requestTimeout?: number | TimeoutOptions;
  /** Receives one entry per finished request and per failure; never a secret. */
  onLog?: (entry: ApiLogEntry) => void;
}

/** Options of {@link ApiApp.close}. */
export interface CloseOptions {
  /**
   * How long running requests and streams may go on before they are aborted.
   * @defaultValue 10_000
   */
  graceMs?: number;
}

/** The in-process server returned by {@link createApiServer}. */
export interface ApiApp {
  /**
   * Answers one request (no socket needed): the whole API as a fetch handler.
   * @param request - a WHATWG request; its `signal` aborting stops the provider's work.
   * @returns the response; streams are `text/event-stream` bodies.
   */
  fetch(request: Request): Promise<Response>;
  /**
   * Resolves once the configured providers are loaded.
   * @returns a promise that rejects with `ProviderNotFoundError` for a configured name that is not registered.
   */
  ready(): Promise<void>;
  /** Requests (including open streams) currently in flight. */
  readonly activeRequests: number;
  /**
   * Stops taking requests (new ones get 503), lets running ones finish until `graceMs`, then aborts them.
   * @param options - the grace period.
   * @returns a promise that settles when nothing is in flight any more.
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Options of {@link startApiServer}: the app's options plus where to listen. */
export interface StartApiServerOptions extends ApiServerOptions {
  /**
   * Interface to bind. Loopback unless you say otherwise; `0.0.0.0` exposes the server to the network.
   * @defaultValue "127.0.0.1"
   */
  host?: string;
  /**
   * Port to listen on; `0` picks a free one.
   * @defaultValue 1337
   */
  port?: number;
}

/** A listening API server, from {@link startApiServer}. */
export interface RunningApiServer {
  /** Base URL, for example `http://127.0.0.1:1337` (OpenAI clients use `${url}/v1`). */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The in-process app behind the socket. */
  app: ApiApp;
  /**
   * Graceful shutdown: stops accepting connections, lets running streams finish until `graceMs`,
   * then aborts them and drops every connection.
   * @param options - the grace period.
   * @returns a promise that settles when the socket is closed.
   */
  close(options?: CloseOptions): Promise<void>;
}
