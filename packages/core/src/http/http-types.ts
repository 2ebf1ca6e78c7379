import type { G4FError } from "../errors/g4f-error.js";
import type { DebugEvent, TimeoutOptions } from "../types/provider-options.js";

/** Retry settings for idempotent requests. */
export interface RetryOptions {
  /** Retries after the first attempt. @defaultValue 2 */
  retries?: number | undefined;
  /** First backoff delay in ms. @defaultValue 500 */
  minDelayMs?: number | undefined;
  /** Longest wait in ms; a `Retry-After` above it is not waited for. @defaultValue 10_000 */
  maxDelayMs?: number | undefined;
}

/** What a provider's `mapError` gets. */
export interface HttpErrorContext {
  /** HTTP status. */
  status: number;
  /** Start of the body (≤ 64 KiB), with known secrets redacted. */
  bodyText: string;
  /** Response headers. */
  headers: Headers;
  /** Which step of the flow this was. */
  step?: string;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Provider name, used in every error message. */
  provider: string;
  /** Origin (and optional path prefix) that request paths are relative to. */
  baseUrl: string;
  /** HTTP(S) or SOCKS5 proxy URL; `undefined` uses `G4F_PROXY`, `null` connects directly. */
  proxy?: string | null | undefined;
  /** User agent. @defaultValue `g4f-ts/<VERSION>` */
  userAgent?: string | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Cookies sent byte for byte as one `Cookie` header (values are latin1 byte strings). */
  cookies?: Record<string, string> | undefined;
  /** Aborts every request of this client. */
  signal?: AbortSignal | undefined;
  /** `request` (until headers, default 30 000), `firstChunk`/`betweenChunks` (body idle), `total` (per request). */
  timeouts?: TimeoutOptions | undefined;
  /** Retries for idempotent requests, with backoff and `Retry-After`; `false` disables. */
  retry?: RetryOptions | false | undefined;
  /** Receives redacted request/response/retry events; `G4F_DEBUG=1` logs them to stderr instead. */
  onDebug?: ((event: DebugEvent) => void) | undefined;
  /** Provider-specific status mapping; return `undefined` to fall back to {@link mapStatusToError}. */
  mapError?: ((context: HttpErrorContext) => G4FError | undefined) | undefined;
}

/** One request. */
export interface HttpRequestInit {
  /** Method. @defaultValue `"POST"` with `json`, else `"GET"` */
  method?: string | undefined;
  /** Query parameters, appended to the path. */
  query?: Record<string, string> | undefined;
  /** Body, sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Headers for this request (override the client's). */
  headers?: Record<string, string> | undefined;
  /** Aborts this request. */
  signal?: AbortSignal | undefined;
  /** Whether retrying is safe. @defaultValue true for GET, HEAD, OPTIONS, PUT, DELETE */
  idempotent?: boolean | undefined;
  /** Name of the step in the provider's flow, used in errors (`"create chat"`). */
  step?: string | undefined;
  /** Request timeout (until headers) for this request, in ms. */
  timeout?: number | undefined;
}

/** A response body as bytes: iterate it, or cancel it to close the connection. */
export interface ByteStream extends AsyncIterable<Uint8Array> {
  /**
   * Stops reading and releases the connection; harmless after the end.
   * @returns a promise that settles once the body is closed.
   */
  cancel(): Promise<void>;
}

/** What {@link HttpClient.stream} resolves with. */
export interface StreamedResponse {
  /** HTTP status (2xx: other statuses are thrown as typed errors). */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The body. */
  readonly body: ByteStream;
}

/** A configured HTTP client (see {@link createHttpClient}). */
export interface HttpClient {
  /**
   * Sends a request and resolves once the response headers arrive.
   * @param path - path relative to `baseUrl`, or an absolute URL.
   * @param init - method, query, JSON body, headers, signal.
   * @returns the 2xx response; its body is yours to read or cancel.
   * @throws {@link MissingAuthError} (401/403), {@link RateLimitError} (429), {@link ResponseStatusError}
   *   (other non-2xx), {@link NetworkError}, {@link TimeoutError}, {@link AbortError}.
   */
  request(path: string, init?: HttpRequestInit): Promise<Response>;
  /**
   * Sends a request and resolves once the headers arrive, with the body read straight from the
   * connection: no WHATWG `Response` and body stream, which cost about 50 KB of memory per open
   * stream and CPU per chunk. Meant for long streams such as server-sent events: pass `body` to
   * {@link readEventStream}. Read the body to its end or `cancel()` it.
   * @param path - path relative to `baseUrl`, or an absolute URL.
   * @param init - method, query, JSON body, headers, signal.
   * @returns status, headers and the body.
   * @throws the errors of `request`.
   */
  stream(path: string, init?: HttpRequestInit): Promise<StreamedResponse>;
  /**
   * Sends a request and reads the whole body as UTF-8 text (the way to send a request whose reply
   * you only need to wait for, such as a DELETE: the connection goes back to the pool).
   * @param path - path relative to `baseUrl`, or an absolute URL.
   * @param init - method, query, JSON body, headers, signal.
   * @returns the body text.
   * @throws the errors of `request`, and {@link StreamError} when the body breaks.
   */
  text(path: string, init?: HttpRequestInit): Promise<string>;
  /**
   * Sends a request and parses the JSON body.
   * @param path - path relative to `baseUrl`, or an absolute URL.
   * @param init - method, query, JSON body, headers, signal.
   * @returns the parsed body.
   * @throws the errors of `request`, and {@link InvalidResponseError} naming the step for a body that is not JSON.
   */
  json<T = unknown>(path: string, init?: HttpRequestInit): Promise<T>;
  /** The `Cookie` header this client sends, if any (a secret: never log it). */
  readonly cookieHeader: string | undefined;
}
