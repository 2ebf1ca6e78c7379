import { G4FError, type G4FErrorJSON, type G4FErrorOptions, hasMarker, markError } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.ALL_PROVIDERS_FAILED");

/** One provider tried by a fallback, and how it failed. */
export interface ProviderAttempt {
  /** Registry name of the provider. */
  provider: string;
  /** Model asked of it. */
  model: string;
  /** What it threw. */
  error: unknown;
  /** Milliseconds the attempt took. */
  ms: number;
}

/** Options of {@link AllProvidersFailedError}. */
export interface AllProvidersFailedErrorOptions extends G4FErrorOptions {
  /** Every attempt, in order. */
  attempts: readonly ProviderAttempt[];
}

/** The safe view of an attempt in `toJSON`. */
export interface ProviderAttemptJSON {
  /** Registry name of the provider. */
  provider: string;
  /** Model asked of it. */
  model: string;
  /** Milliseconds the attempt took. */
  ms: number;
  /** Error code, when it was a g4f error. */
  code?: string;
  /** Error message. */
  message: string;
}

/** The JSON of an {@link AllProvidersFailedError}. */
export interface AllProvidersFailedErrorJSON extends G4FErrorJSON {
  /** Every attempt, in order. */
  attempts: ProviderAttemptJSON[];
}

function describe(error: unknown): { code?: string; message: string } {
  if (G4FError.isInstance(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { message: `${error.name}: ${error.message}` };
  return { message: String(error) };
}

/** A fallback tried every provider and each one failed before yielding text. */
export class AllProvidersFailedError extends G4FError {
  /** Every attempt, in order. */
  readonly attempts: readonly ProviderAttempt[];

  /** @param options - every attempt, in order. */
  constructor(options: AllProvidersFailedErrorOptions) {
    const lines = options.attempts.map((attempt) => {
      const { code, message } = describe(attempt.error);
      return `${attempt.provider} (${attempt.model || "default model"}, ${attempt.ms} ms): ${code === undefined ? "" : `[${code}] `}${message}`;
    });
    super({
      ...options,
      code: "ALL_PROVIDERS_FAILED",
      defaultMessage: `All ${options.attempts.length} providers failed.${lines.map((line) => `\n- ${line}`).join("")}`,
    });
    this.attempts = options.attempts;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link AllProvidersFailedError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is AllProvidersFailedError {
    return hasMarker(value, marker);
  }

  /**
   * The safe view, with each attempt's code and message.
   * @returns plain data fit for logs and API responses.
   */
  override toJSON(): AllProvidersFailedErrorJSON {
    return {
      ...super.toJSON(),
      attempts: this.attempts.map((attempt) => ({
        provider: attempt.provider,
        model: attempt.model,
        ms: attempt.ms,
        ...describe(attempt.error),
      })),
    };
  }
}
