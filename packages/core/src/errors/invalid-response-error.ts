import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.INVALID_RESPONSE");

/** Options of {@link InvalidResponseError}. */
export interface InvalidResponseErrorOptions extends G4FErrorOptions {
  /** Which step of the provider's flow got the bad response. */
  step?: string;
}

/** The backend answered 2xx with a body we cannot use (not JSON, a field missing…). */
export class InvalidResponseError extends G4FError {
  /** Which step of the provider's flow got the bad response. */
  readonly step: string | undefined;

  /** @param options - message, step, provider and cause. */
  constructor(options: InvalidResponseErrorOptions = {}) {
    const where = options.step === undefined ? "" : ` during ${options.step}`;
    super({
      ...options,
      code: "INVALID_RESPONSE",
      defaultMessage: withProvider(
        options.provider,
        `The server sent a response we cannot read${where}. The backend may have changed; report it.`,
      ),
    });
    this.step = options.step;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link InvalidResponseError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is InvalidResponseError {
    return hasMarker(value, marker);
  }
}
