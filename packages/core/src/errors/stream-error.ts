import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.STREAM_ERROR");

/** The response stream broke or carried malformed data. Retrying is the caller's call (safe only if nothing was yielded yet). */
export class StreamError extends G4FError {
  /** @param options - message, provider and cause. */
  constructor(options: G4FErrorOptions = {}) {
    super({
      ...options,
      code: "STREAM_ERROR",
      isRetryable: false,
      defaultMessage: withProvider(
        options.provider,
        "The response stream broke or held malformed data. Try again; report it if it keeps happening.",
      ),
    });
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link StreamError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is StreamError {
    return hasMarker(value, marker);
  }
}
