import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.MISSING_REQUIREMENTS");

/** Something the provider needs (a package, a runtime feature, a spec version) is missing. */
export class MissingRequirementsError extends G4FError {
  /** @param options - message, provider and cause. */
  constructor(options: G4FErrorOptions = {}) {
    super({
      ...options,
      code: "MISSING_REQUIREMENTS",
      isRetryable: false,
      defaultMessage: withProvider(
        options.provider,
        "A requirement is missing. Install the package named in the message.",
      ),
    });
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link MissingRequirementsError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is MissingRequirementsError {
    return hasMarker(value, marker);
  }
}
