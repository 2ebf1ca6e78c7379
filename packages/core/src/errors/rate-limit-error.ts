import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.RATE_LIMITED");

/** Options of {@link RateLimitError}. */
export interface RateLimitErrorOptions extends G4FErrorOptions {
  /** Seconds the server asked to wait (`Retry-After`), when given. */
  retryAfter?: number;
  /** Which step of the provider's flow was limited. */
  step?: string;
}

/** The backend answered 429 Too Many Requests. */
export class RateLimitError extends G4FError {
  /** Always 429. */
  declare readonly statusCode: number;
  /** Seconds the server asked to wait, when given. */
  readonly retryAfter: number | undefined;

  /** @param options - `retryAfter` in seconds when known. */
  constructor(options: RateLimitErrorOptions = {}) {
    const wait =
      options.retryAfter === undefined
        ? "Wait a moment and try again."
        : `Try again in ${options.retryAfter} s.`;
    super({
      ...options,
      code: "RATE_LIMITED",
      statusCode: 429,
      isRetryable: true,
      defaultMessage: withProvider(options.provider, `Rate limited (HTTP 429). ${wait}`),
    });
    this.retryAfter = options.retryAfter;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link RateLimitError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is RateLimitError {
    return hasMarker(value, marker);
  }
}
