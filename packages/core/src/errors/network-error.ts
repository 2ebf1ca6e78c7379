import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.NETWORK_ERROR");

/** The connection failed before a response arrived (refused, reset, DNS, proxy). Retryable. */
export class NetworkError extends G4FError {
  /** @param options - message, provider and the underlying socket error as `cause`. */
  constructor(options: G4FErrorOptions = {}) {
    super({
      ...options,
      code: "NETWORK_ERROR",
      isRetryable: true,
      defaultMessage: withProvider(
        options.provider,
        "The connection failed before a response arrived. Check the network, the base URL and the proxy.",
      ),
    });
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link NetworkError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is NetworkError {
    return hasMarker(value, marker);
  }
}
