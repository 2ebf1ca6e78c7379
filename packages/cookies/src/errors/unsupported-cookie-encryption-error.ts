import { CookieError, type CookieErrorOptions, hasMarker, markError } from "./cookie-error.js";

const marker: symbol = Symbol.for("g4f.cookies.UnsupportedCookieEncryptionError");

/** Options of {@link UnsupportedCookieEncryptionError}. */
export interface UnsupportedCookieEncryptionErrorOptions extends CookieErrorOptions {
  /** The scheme, e.g. `v20` (Chrome's app-bound encryption). */
  scheme?: string;
  /** The browser, e.g. `chrome`. */
  browser?: string;
  /** The profile, e.g. `Default`. */
  profile?: string;
  /** How many cookies use the scheme. */
  count?: number;
}

/** Cookies are encrypted with a scheme we cannot decrypt (Chrome's app-bound `v20`). */
export class UnsupportedCookieEncryptionError extends CookieError {
  /** The scheme, if known. */
  readonly scheme: string | undefined;
  /** The browser, if known. */
  readonly browser: string | undefined;
  /** The profile, if known. */
  readonly profile: string | undefined;
  /** How many cookies were affected, if known. */
  readonly count: number | undefined;

  /** @param options - scheme, browser, profile, count, message and cause. */
  constructor(options: UnsupportedCookieEncryptionErrorOptions = {}) {
    const where =
      options.browser === undefined ? "Browser" : `${options.browser} '${options.profile ?? "Default"}'`;
    super(
      "UNSUPPORTED_COOKIE_ENCRYPTION",
      `${where} has ${options.count ?? "some"} cookies encrypted with ${options.scheme ?? "an unsupported scheme"}, which cannot be decrypted outside the browser. Use Firefox, or export the cookies to a file.`,
      options,
    );
    this.scheme = options.scheme;
    this.browser = options.browser;
    this.profile = options.profile;
    this.count = options.count;
    markError(this, marker);
  }

  /**
   * Whether a value is an {@link UnsupportedCookieEncryptionError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is UnsupportedCookieEncryptionError {
    return hasMarker(value, marker);
  }
}
