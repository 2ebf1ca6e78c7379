import { G4FError } from "@g4f/core";

const marker: symbol = Symbol.for("g4f.error.USAGE");

/** Options of {@link UsageError}. */
export interface UsageErrorOptions {
  /** What was wrong with the command line. */
  message: string;
  /** What to type instead. */
  hint?: string;
  /** The underlying error. */
  cause?: unknown;
}

/** The command line is wrong (unknown option, bad value, unknown provider): exit code 2. */
export class UsageError extends G4FError {
  /** What to type instead, when we know. */
  readonly hint: string | undefined;

  /** @param options - the message and a hint. */
  constructor(options: UsageErrorOptions) {
    super({ code: "USAGE", message: options.message, cause: options.cause });
    this.hint = options.hint;
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  /**
   * Whether a value is a {@link UsageError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is UsageError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
