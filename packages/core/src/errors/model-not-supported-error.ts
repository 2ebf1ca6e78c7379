import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.MODEL_NOT_SUPPORTED");

/** Options of {@link ModelNotSupportedError}. */
export interface ModelNotSupportedErrorOptions extends G4FErrorOptions {
  /** The model that was asked for. */
  model: string;
  /** Models the provider accepts. */
  supportedModels?: readonly string[];
}

/** The provider does not offer the requested model. */
export class ModelNotSupportedError extends G4FError {
  /** The model that was asked for. */
  readonly model: string;
  /** Models the provider accepts. */
  readonly supportedModels: readonly string[];

  /** @param options - the model asked for and the supported ones. */
  constructor(options: ModelNotSupportedErrorOptions) {
    const supported = options.supportedModels ?? [];
    const list = supported.length > 0 ? ` Use one of: ${supported.join(", ")}.` : "";
    super({
      ...options,
      code: "MODEL_NOT_SUPPORTED",
      defaultMessage: withProvider(options.provider, `Model "${options.model}" is not supported.${list}`),
    });
    this.model = options.model;
    this.supportedModels = supported;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link ModelNotSupportedError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is ModelNotSupportedError {
    return hasMarker(value, marker);
  }
}
