import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { NetworkError } from "../errors/network-error.js";
import { StreamError } from "../errors/stream-error.js";

/** Signals whose abort explains a failure, first match wins. @internal */
export interface AbortSources {
  /** The client's own signal (request and total timeouts). */
  internal?: AbortSignal | undefined;
  /** The caller's signals. */
  external: ReadonlyArray<AbortSignal | undefined>;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns an exception from fetch or from reading a body into a typed error: the abort reason when a
 * signal fired (a `TimeoutError` or an `AbortError` whose cause is the caller's reason), else a
 * {@link NetworkError} (before the response) or a {@link StreamError} (while reading the body).
 * @internal
 */
export function translateTransportError(
  error: unknown,
  sources: AbortSources,
  context: { provider: string; host: string; phase: "connect" | "body" },
): G4FError {
  if (sources.internal?.aborted && G4FError.isInstance(sources.internal.reason))
    return sources.internal.reason;
  for (const signal of sources.external) {
    if (signal?.aborted) {
      return G4FError.isInstance(signal.reason)
        ? signal.reason
        : new AbortError({ provider: context.provider, cause: signal.reason });
    }
  }
  if (G4FError.isInstance(error)) return error;
  const code = errorCode(error) ?? (error instanceof Error ? error.message : "unknown error");
  if (context.phase === "connect") {
    return new NetworkError({
      provider: context.provider,
      cause: error,
      message: `${context.provider}: could not get a response from ${context.host} (${code}). Check the network, the base URL and the proxy, then try again.`,
    });
  }
  return new StreamError({
    provider: context.provider,
    cause: error,
    message: `${context.provider}: the connection to ${context.host} broke while reading the response (${code}). Try again.`,
  });
}
