import { CookieError, type CookieErrorOptions, hasMarker, markError } from "./cookie-error.js";

const marker: symbol = Symbol.for("g4f.cookies.CookieDecryptionError");

/** Why encrypted cookies could not be decrypted. */
export type CookieDecryptionReason = "keyring-unavailable" | "wrong-key" | "corrupt";

/** Options of {@link CookieDecryptionError}. */
export interface CookieDecryptionErrorOptions extends CookieErrorOptions {
  /** Why decryption failed. */
  reason: CookieDecryptionReason;
  /** The browser, e.g. `chrome`. */
  browser?: string;
  /** The profile, e.g. `Default`. */
  profile?: string;
  /** How many cookies could not be decrypted. */
  count?: number;
}

/** Encrypted browser cookies could not be decrypted (no keyring answered, wrong key, corrupt data). */
export class CookieDecryptionError extends CookieError {
  /** Why decryption failed. */
  readonly reason: CookieDecryptionReason;
  /** The browser, if known. */
  readonly browser: string | undefined;
  /** The profile, if known. */
  readonly profile: string | undefined;
  /** How many cookies were affected, if known. */
  readonly count: number | undefined;

  /** @param options - reason, browser, profile, count, message and cause. */
  constructor(options: CookieDecryptionErrorOptions) {
    const where =
      options.browser === undefined ? "Browser" : `${options.browser} '${options.profile ?? "Default"}'`;
    super(
      "COOKIE_DECRYPTION",
      `${where} has ${options.count ?? "some"} encrypted cookies that could not be decrypted (${options.reason}). Unlock the keyring, set G4F_SAFE_STORAGE_PASSWORD, or export the cookies to a file.`,
      options,
    );
    this.reason = options.reason;
    this.browser = options.browser;
    this.profile = options.profile;
    this.count = options.count;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link CookieDecryptionError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is CookieDecryptionError {
    return hasMarker(value, marker);
  }
}
