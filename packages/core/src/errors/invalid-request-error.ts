import { G4FError, type G4FErrorOptions, hasMarker, markError, withProvider } from "./g4f-error.js";

const marker: symbol = Symbol.for("g4f.error.INVALID_REQUEST");

/** Options of {@link InvalidRequestError}. */
export interface InvalidRequestErrorOptions extends G4FErrorOptions {
  /** Path of the bad input, for example `"messages[1].role"` or `"timeout.total"`. */
  field?: string;
}

/** The caller's input is invalid (empty messages, a message without role, a negative timeout…). */
export class InvalidRequestError extends G4FError {
  /** Path of the bad input. */
  readonly field: string | undefined;

  /** @param options - message and the bad field. */
  constructor(options: InvalidRequestErrorOptions = {}) {
    const where = options.field === undefined ? "" : ` (${options.field})`;
    super({
      ...options,
      code: "INVALID_REQUEST",
      defaultMessage: withProvider(options.provider, `Invalid request${where}.`),
    });
    this.field = options.field;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link InvalidRequestError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is InvalidRequestError {
    return hasMarker(value, marker);
  }
}
