import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.TIMEOUT");

/** Which time limit fired. */
export type TimeoutKind = "total" | "firstChunk" | "betweenChunks" | "request";

/** Options of {@link TimeoutError}. */
export interface TimeoutErrorOptions extends G4FErrorOptions {
  /** Which limit fired. */
  timeout: TimeoutKind;
  /** The limit in milliseconds. */
  ms: number;
}

const descriptions: Record<TimeoutKind, string> = {
  total: "the whole call",
  firstChunk: "the first chunk",
  betweenChunks: "the next chunk",
  request: "the response headers",
};

/** A time limit fired; `timeout` says which one. */
export class TimeoutError extends G4FError {
  /** Which limit fired. */
  readonly timeout: TimeoutKind;
  /** The limit in milliseconds. */
  readonly ms: number;

  /** @param options - which limit fired and its value. */
  constructor(options: TimeoutErrorOptions) {
    super({
      ...options,
      code: "TIMEOUT",
      isRetryable: true,
      defaultMessage: withProvider(
        options.provider,
        `Timed out after ${options.ms} ms waiting for ${descriptions[options.timeout]} (timeout.${options.timeout}). Raise the limit or try again.`,
      ),
    });
    this.timeout = options.timeout;
    this.ms = options.ms;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link TimeoutError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is TimeoutError {
    return hasMarker(value, marker);
  }
}
