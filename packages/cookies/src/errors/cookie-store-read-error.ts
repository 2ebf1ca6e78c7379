import { CookieError, type CookieErrorOptions, hasMarker, markError } from "./cookie-error.js";

const marker: symbol = Symbol.for("g4f.cookies.CookieStoreReadError");

/** Why a cookie store could not be read. */
export type CookieStoreReadReason =
  | "locked"
  | "permission"
  | "malformed"
  | "unsupported-schema"
  | "not-found";

/** Options of {@link CookieStoreReadError}. */
export interface CookieStoreReadErrorOptions extends CookieErrorOptions {
  /** Why the store could not be read. */
  reason: CookieStoreReadReason;
  /** Path of the store (a cookie DB or file). */
  path?: string;
}

const hints: Record<CookieStoreReadReason, string> = {
  locked: "it is locked; close the browser, or use Firefox or a cookie file",
  permission: "permission denied; check the file's owner and mode",
  malformed: "it is not a valid cookie database; it may be corrupt",
  "unsupported-schema": "its schema is not one we know; please report the browser version",
  "not-found": "it does not exist",
};

/** A cookie database or file exists but could not be read. */
export class CookieStoreReadError extends CookieError {
  /** Why the store could not be read. */
  readonly reason: CookieStoreReadReason;
  /** Path of the store, if known. */
  readonly path: string | undefined;

  /** @param options - the reason, path, message and cause. */
  constructor(options: CookieStoreReadErrorOptions) {
    super(
      "COOKIE_STORE_READ",
      `Cannot read ${options.path ?? "the cookie store"}: ${hints[options.reason]}.`,
      options,
    );
    this.reason = options.reason;
    this.path = options.path;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link CookieStoreReadError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is CookieStoreReadError {
    return hasMarker(value, marker);
  }
}
