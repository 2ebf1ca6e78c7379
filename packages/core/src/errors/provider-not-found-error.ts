import { G4FError, type G4FErrorOptions, hasMarker, markError } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.PROVIDER_NOT_FOUND");

/** Options of {@link ProviderNotFoundError}. */
export interface ProviderNotFoundErrorOptions extends G4FErrorOptions {
  /** The name that was looked up. */
  name: string;
  /** Registered names close to it. */
  suggestions?: readonly string[];
}

/** No provider is registered under the requested name or alias. */
export class ProviderNotFoundError extends G4FError {
  /** The name that was looked up. */
  readonly providerName: string;
  /** Registered names close to it, best first. */
  readonly suggestions: readonly string[];

  /** @param options - the name looked up and close matches. */
  constructor(options: ProviderNotFoundErrorOptions) {
    const suggestions = options.suggestions ?? [];
    const hint =
      suggestions.length > 0
        ? ` Did you mean ${suggestions.map((name) => `"${name}"`).join(", ")}?`
        : " Register it with registerProvider() first; listProviderNames() shows what is registered.";
    super({
      ...options,
      code: "PROVIDER_NOT_FOUND",
      defaultMessage: `No provider named "${options.name}" is registered.${hint}`,
    });
    this.providerName = options.name;
    this.suggestions = suggestions;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link ProviderNotFoundError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is ProviderNotFoundError {
    return hasMarker(value, marker);
  }
}
