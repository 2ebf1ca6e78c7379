/**
 * Time limits in milliseconds. `0` or `undefined` means no limit, except `request`, which
 * defaults to 30 000 ms.
 */
export interface TimeoutOptions {
  /** Limit for the whole call. */
  total?: number;
  /** Limit until the first text chunk. */
  firstChunk?: number;
  /** Limit on idle time between chunks once text flows. */
  betweenChunks?: number;
  /**
   * Limit for each HTTP request until its response headers arrive.
   * @defaultValue 30_000
   */
  request?: number;
}

/** A redacted record of what happened on the wire, for debugging (`onDebug`, `G4F_DEBUG`). */
export interface DebugEvent {
  /** What kind of event this is. */
  type: "request" | "response" | "retry" | "error" | "info";
  /** Provider that caused the event. */
  provider?: string;
  /** HTTP method. */
  method?: string;
  /** Request URL (query values kept, no credentials). */
  url?: string;
  /** HTTP status of a response. */
  status?: number;
  /** Headers with secret values replaced by `[redacted]`. */
  headers?: Record<string, string>;
  /** A redacted excerpt of a body. */
  body?: string;
  /** A human-readable note. */
  message?: string;
  /** Milliseconds since the request started. */
  elapsedMs?: number;
}

/** Options every provider accepts; providers may read more keys (see their `parameters`). */
export interface ProviderOptions {
  /** HTTP(S) proxy URL; `undefined` uses `G4F_PROXY`, `null` forces a direct connection. */
  proxy?: string | null;
  /** Cookies, name to value; values are byte strings (latin1, one char per byte). */
  cookies?: Record<string, string>;
  /** Aborts the call; the error thrown is an `AbortError` whose `cause` is the signal's reason. */
  signal?: AbortSignal;
  /** A number is the total limit in ms; an object sets each limit. */
  timeout?: number | TimeoutOptions;
  /** Where the provider sends requests instead of its default host. */
  baseUrl?: string;
  /** Run a provider even when it is marked as not working. */
  allowNotWorking?: boolean;
  /** Receives redacted HTTP exchanges and notes. */
  onDebug?: (event: DebugEvent) => void;
  /** Provider-specific options (for example sampling parameters). */
  [extra: string]: unknown;
}
