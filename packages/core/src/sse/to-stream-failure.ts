import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { StreamError } from "../errors/stream-error.js";
import type { ReadEventStreamOptions } from "./server-sent-event.js";

/**
 * The typed error a broken read turns into: the signal's typed reason or an `AbortError` when
 * aborted, a `G4FError` as is, anything else a `StreamError` naming the provider.
 */
export function toStreamFailure(error: unknown, options: ReadEventStreamOptions): G4FError {
  const signal = options.signal;
  if (signal?.aborted) {
    return G4FError.isInstance(signal.reason)
      ? signal.reason
      : new AbortError({ provider: options.provider, cause: signal.reason });
  }
  if (G4FError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StreamError({
    provider: options.provider,
    cause: error,
    message: `${options.provider}: the event stream broke (${detail}). Try again.`,
  });
}
