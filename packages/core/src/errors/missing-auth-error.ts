import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.MISSING_AUTH");

/** The provider needs credentials (cookies, a token) that were not given or were rejected. */
export class MissingAuthError extends G4FError {
  /** @param options - message, provider and cause. */
  constructor(options: G4FErrorOptions & { statusCode?: number } = {}) {
    super({
      ...options,
      code: "MISSING_AUTH",
      defaultMessage: withProvider(
        options.provider,
        "Authentication is missing or was rejected. Pass `cookies` (or a token) for this provider, or log in again.",
      ),
    });
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link MissingAuthError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is MissingAuthError {
    return hasMarker(value, marker);
  }
}
