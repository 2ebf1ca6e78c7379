import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.ABORTED");

/** The caller aborted the call; `cause` is the signal's reason. */
export class AbortError extends G4FError {
  /** @param options - message, provider and cause. */
  constructor(options: G4FErrorOptions = {}) {
    super({
      ...options,
      code: "ABORTED",
      isRetryable: false,
      defaultMessage: withProvider(options.provider, "The call was aborted."),
    });
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link AbortError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is AbortError {
    return hasMarker(value, marker);
  }
}
