import { CookieError, type CookieErrorOptions, hasMarker, markError } from "./cookie-error.js";

const marker: symbol = Symbol.for("g4f.cookies.MissingRequirementsError");
// The marker of @g4f/core's MissingRequirementsError, so its `isInstance` knows ours too.
const coreMarker: symbol = Symbol.for("g4f.error.MISSING_REQUIREMENTS");

/** Options of {@link MissingRequirementsError}. */
export interface MissingRequirementsErrorOptions extends CookieErrorOptions {
  /** What is missing, e.g. `sql.js` or `secret-tool`. */
  requirement?: string;
}

/** Something a source needs (the SQLite engine, a keyring tool) is missing. Code shared with @g4f/core. */
export class MissingRequirementsError extends CookieError {
  /** What is missing, if known. */
  readonly requirement: string | undefined;

  /** @param options - requirement, message and cause. */
  constructor(options: MissingRequirementsErrorOptions = {}) {
    super(
      "MISSING_REQUIREMENTS",
      `${options.requirement ?? "A requirement"} is missing. Install it, or use a cookie file instead.`,
      options,
    );
    this.requirement = options.requirement;
    markError(this, marker);
    markError(this, coreMarker);
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
