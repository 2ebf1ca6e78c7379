import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.RESPONSE_STATUS");

/** Options of {@link ResponseStatusError}. */
export interface ResponseStatusErrorOptions extends G4FErrorOptions {
  /** HTTP status of the response. */
  statusCode: number;
  /** Start of the response body, at most 200 characters, secrets already redacted. */
  bodyExcerpt?: string;
  /** Which step of the provider's flow failed (for example `"create chat"`). */
  step?: string;
}

/** The backend answered with an unexpected HTTP status. Retryable for 5xx and 408. */
export class ResponseStatusError extends G4FError {
  /** HTTP status of the response. */
  declare readonly statusCode: number;
  /** Start of the response body (≤ 200 characters, redacted). */
  readonly bodyExcerpt: string;
  /** Which step of the provider's flow failed. */
  readonly step: string | undefined;

  /** @param options - status, body excerpt and step. */
  constructor(options: ResponseStatusErrorOptions) {
    const excerpt = (options.bodyExcerpt ?? "").slice(0, 200);
    const where = options.step === undefined ? "" : ` during ${options.step}`;
    const body = excerpt === "" ? "" : ` Body starts with: ${excerpt}`;
    super({
      ...options,
      code: "RESPONSE_STATUS",
      isRetryable: options.statusCode >= 500 || options.statusCode === 408,
      defaultMessage: withProvider(
        options.provider,
        `The server answered HTTP ${options.statusCode}${where}.${body}`,
      ),
    });
    this.bodyExcerpt = excerpt;
    this.step = options.step;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link ResponseStatusError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is ResponseStatusError {
    return hasMarker(value, marker);
  }
}
