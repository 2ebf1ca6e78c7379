import type { ApiLogEntry } from "./api-server-options.js";

/**
 * What the server knows about one request while serving it; `end()` logs it once and releases
 * its slot in the request tracker.
 * @internal
 */
export interface RequestScope {
  /** Provider chosen for the request. */
  provider?: string;
  /** Model chosen for the request. */
  model?: string;
  /** Set when the response is a stream that ends later: the stream calls `end()` itself. */
  deferred: boolean;
  /**
   * Logs the request and releases it (only the first call counts).
   * @param status - the HTTP status sent.
   * @param failure - the error code and redacted message of a failure, if any.
   */
  end(status: number, failure?: { errorCode: string; message: string; level: "warn" | "error" }): void;
}

/**
 * Starts the scope of one request.
 * @param method - HTTP method.
 * @param path - request path.
 * @param release - frees the request's slot in the tracker.
 * @param log - the operator's log hook, if any.
 * @returns the scope.
 * @internal
 */
export function createRequestScope(
  method: string,
  path: string,
  release: () => void,
  log: ((entry: ApiLogEntry) => void) | undefined,
): RequestScope {
  const started = performance.now();
  let ended = false;
  const scope: RequestScope = {
    deferred: false,
    end(status, failure) {
      if (ended) return;
      ended = true;
      release();
      if (log === undefined) return;
      const entry: ApiLogEntry = {
        level: failure?.level ?? "info",
        message: failure?.message ?? `${method} ${path} ${status}`,
        method,
        path,
        status,
        durationMs: Math.round(performance.now() - started),
      };
      if (scope.provider !== undefined) entry.provider = scope.provider;
      if (scope.model !== undefined) entry.model = scope.model;
      if (failure !== undefined) entry.errorCode = failure.errorCode;
      try {
        log(entry);
      } catch {
        // A failing log hook must not break the response.
      }
    },
  };
  return scope;
}
