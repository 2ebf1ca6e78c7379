import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.PROVIDER_NOT_WORKING");

/** The provider is marked as not working and `allowNotWorking` was not set. */
export class ProviderNotWorkingError extends G4FError {
  /** @param options - message, provider and cause. */
  constructor(options: G4FErrorOptions = {}) {
    super({
      ...options,
      code: "PROVIDER_NOT_WORKING",
      defaultMessage: withProvider(
        options.provider,
        "This provider is marked as not working. Pick another provider, or pass `allowNotWorking: true` to try it anyway.",
      ),
    });
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link ProviderNotWorkingError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is ProviderNotWorkingError {
    return hasMarker(value, marker);
  }
}
