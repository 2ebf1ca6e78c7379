/** Stable codes of the errors @g4f/cookies throws. */
export type CookieErrorCode =
  | "INVALID_DOMAIN"
  | "COOKIE_STORE_READ"
  | "COOKIE_DECRYPTION"
  | "UNSUPPORTED_COOKIE_ENCRYPTION"
  | "COOKIE_FILE_FORMAT"
  | "MISSING_REQUIREMENTS";

/** Options every cookie error constructor accepts. */
export interface CookieErrorOptions {
  /** Overrides the default message; must never contain a cookie value or secret. */
  message?: string;
  /** The underlying error, kept but never serialised by `toJSON`. */
  cause?: unknown;
}

/** The safe, serialisable view of a cookie error returned by `toJSON`. */
export interface CookieErrorJSON {
  /** Error class name. */
  name: string;
  /** Stable error code. */
  code: CookieErrorCode;
  /** Human-readable message. */
  message: string;
  /** Always `false`: repeating the same lookup gives the same answer. */
  isRetryable: boolean;
}

const sharedMarker: symbol = Symbol.for("g4f.error");
const cookieMarker: symbol = Symbol.for("g4f.cookies.CookieError");

/**
 * Sets a non-enumerable marker so `isInstance` checks work across copies of the package.
 * @internal
 */
export function markError(target: object, marker: symbol): void {
  Object.defineProperty(target, marker, { value: true, enumerable: false });
}

/**
 * Tells whether a value carries a marker.
 * @internal
 */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/**
 * Base of every error @g4f/cookies throws. It carries the shared `Symbol.for("g4f.error")`
 * marker, so `G4FError.isInstance` from `@g4f/core` recognises it without a dependency.
 * Check with the `isInstance` statics rather than `instanceof`.
 *
 * @example
 * ```ts
 * try { await getCookies("co.uk"); }
 * catch (error) { if (CookieError.isInstance(error)) console.error(error.code, error.message); }
 * ```
 */
export class CookieError extends Error {
  /** Stable error code. */
  readonly code: CookieErrorCode;
  /** Always `false`: the same lookup fails the same way until the user acts. */
  readonly isRetryable: boolean = false;

  /**
   * @param code - stable error code.
   * @param defaultMessage - message used when `options.message` is not given.
   * @param options - message and cause.
   */
  constructor(code: CookieErrorCode, defaultMessage: string, options: CookieErrorOptions = {}) {
    super(options.message ?? defaultMessage, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    markError(this, sharedMarker);
    markError(this, cookieMarker);
  }

  /**
   * Whether a value is an error of @g4f/cookies, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries the `g4f.cookies.CookieError` marker.
   */
  static isInstance(value: unknown): value is CookieError {
    return hasMarker(value, cookieMarker);
  }

  /**
   * A safe serialisable view: name, code, message. Never the cause.
   * @returns plain data fit for logs.
   */
  toJSON(): CookieErrorJSON {
    return { name: this.name, code: this.code, message: this.message, isRetryable: this.isRetryable };
  }
}
