/** Names of the browsers we read, in the default lookup order. */
export type BrowserName =
  | "g4f"
  | "firefox"
  | "librewolf"
  | "zen"
  | "chrome"
  | "chromium"
  | "opera"
  | "opera_gx"
  | "brave"
  | "edge"
  | "vivaldi";

/** Formats of cookie files, detected by content. */
export type CookieFileFormat = "extension-json" | "storage-state" | "g4f-json" | "har" | "netscape";

/** Where a cookie came from. */
export type CookieSource =
  | {
      /** The caller's own cookies (`options.cookies` or `setCookies`). */
      kind: "caller";
    }
  | {
      /** A cookie file in the cookies folder. */
      kind: "file";
      /** Absolute path of the file. */
      path: string;
      /** The format the file was recognised as. */
      format: CookieFileFormat;
    }
  | {
      /** An installed browser's cookie database. */
      kind: "browser";
      /** Which browser. */
      browser: BrowserName;
      /** Profile name (folder name, e.g. `Default` or `abcd1234.default-release`). */
      profile: string;
      /** Absolute path of the cookie database. */
      path: string;
    };

/**
 * One cookie with its attributes and origin. Build it with `createCookieRecord`: the `value` is
 * non-enumerable and masked by `toJSON` and `util.inspect`, so logging or spreading a record
 * never shows it.
 */
export interface CookieRecord {
  /** Cookie name, as a byte string (latin1: one code unit per byte). */
  readonly name: string;
  /** Cookie value, as a byte string (latin1: one code unit per byte); may not be valid UTF-8. */
  readonly value: string;
  /** Domain, lower-case, without a leading dot. */
  readonly domain: string;
  /** `true` when the cookie is sent only to `domain` itself, not to its subdomains. */
  readonly hostOnly: boolean;
  /** Path the cookie is scoped to; `/` by default. */
  readonly path: string;
  /** Sent only over HTTPS. */
  readonly secure: boolean;
  /** Not visible to page scripts. */
  readonly httpOnly: boolean;
  /** SameSite attribute, when the source knows it. */
  readonly sameSite?: "none" | "lax" | "strict";
  /** Expiry in milliseconds since the epoch; `undefined` for a session cookie. */
  readonly expires?: number;
  /** Creation time in milliseconds since the epoch, when the source knows it. */
  readonly creationTime?: number;
  /** Where the cookie was found. */
  readonly source: CookieSource;
}

/** Stable codes of the warnings reported through `onWarning`. */
export type CookieWarningCode =
  | "NOT_FOUND"
  | "LOCKED"
  | "PERMISSION"
  | "MALFORMED_DB"
  | "UNSUPPORTED_SCHEMA"
  | "KEYRING_UNAVAILABLE"
  | "DECRYPT_FAILED"
  | "APP_BOUND"
  | "BAD_FILE"
  | "NOT_UTF8"
  | "HAR_SANITIZED"
  | "UNSENDABLE_VALUE"
  | "INSECURE_PERMISSIONS"
  | "ENGINE_UNAVAILABLE";

/** A source that was skipped or only partly read. Never contains a cookie value. */
export interface CookieWarning {
  /** Stable code; switch on this, not on `message`. */
  code: CookieWarningCode;
  /** The source: a file path, or a browser and profile such as `chrome 'Default'`. */
  source: string;
  /** How many cookies were affected, when that is known. */
  count?: number;
  /** The underlying error, when there is one (its message never contains a value). */
  error?: Error;
  /** What happened and what to do, for people. */
  message: string;
}

/** Identity of a file that was read (or found missing), so a cache can tell when it changes. */
export interface FileStamp {
  /** Absolute path. */
  path: string;
  /** Modification time in ms; `-1` when the file did not exist. */
  mtimeMs: number;
  /** Size in bytes; `-1` when the file did not exist. */
  size: number;
}

/** Access to the operating system's secret stores; injectable so tests never spawn real keyrings. */
export interface SecretProvider {
  /**
   * Reads the Chromium "Safe Storage" password from the Linux keyring (libsecret or KWallet).
   * @param browser - the browser whose password is wanted.
   * @param signal - aborts the lookup.
   * @returns the password, or `undefined` when no keyring answered.
   */
  linuxKeyring?(browser: BrowserName, signal?: AbortSignal): Promise<string | undefined>;
  /**
   * Reads a "Safe Storage" password from the macOS Keychain.
   * @param account - the Keychain account, e.g. `Chrome` or `Microsoft Edge`.
   * @param signal - aborts the lookup.
   * @returns the password, or `undefined` when the Keychain did not answer.
   */
  macKeychain?(account: string, signal?: AbortSignal): Promise<string | undefined>;
  /**
   * Unprotects a DPAPI blob for the current Windows user.
   * @param blob - the protected bytes.
   * @param signal - aborts the call.
   * @returns the plain bytes.
   */
  windowsDpapi?(blob: Uint8Array, signal?: AbortSignal): Promise<Uint8Array>;
}

/** A cookie the caller supplies, in the shape of a {@link CookieRecord} without its origin. */
export interface CookieInput {
  /** Cookie name. */
  name: string;
  /** Cookie value; code units above 0xFF are UTF-8 encoded to bytes. */
  value: string;
  /** Domain; defaults to the domain of the lookup. A leading dot is ignored. */
  domain?: string;
  /** Send only to `domain` itself. @defaultValue false */
  hostOnly?: boolean;
  /** Path. @defaultValue "/" */
  path?: string;
  /** HTTPS only. @defaultValue false */
  secure?: boolean;
  /** HttpOnly flag. @defaultValue false */
  httpOnly?: boolean;
  /** SameSite attribute. */
  sameSite?: "none" | "lax" | "strict";
  /** Expiry in ms since the epoch; absent for a session cookie. */
  expires?: number;
}

/** Cookies a caller can pass: a name → value map for the looked-up domain, or full inputs. */
export type CallerCookies = Readonly<Record<string, string>> | readonly CookieInput[];

/** Options of `getCookies` and `getCookieList`. Every option is optional. */
export interface GetCookiesOptions {
  /** The caller's cookies: when they hold any cookie for the domain, they are the whole answer. */
  cookies?: CallerCookies;
  /**
   * Folder of cookie files.
   * @defaultValue `G4F_COOKIES_DIR`, else `./har_and_cookies` if it exists, else `<config>/cookies`
   */
  cookiesDir?: string;
  /**
   * Browsers to read, in this order; `[]` reads none.
   * @defaultValue every browser: g4f, firefox, librewolf, zen, chrome, chromium, opera, opera_gx, brave, edge, vivaldi
   */
  browsers?: readonly BrowserName[];
  /** Only these profile names (folder names), in this order. @defaultValue every profile, default first */
  profiles?: readonly string[];
  /** Also return cookies set for subdomains of the domain. @defaultValue false */
  includeSubdomains?: boolean;
  /** Use and fill the in-memory cache. @defaultValue true */
  cache?: boolean;
  /** Aborts the lookup; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives a warning for every source skipped or only partly read. */
  onWarning?: (warning: CookieWarning) => void;
  /** Chromium "Safe Storage" password (Linux v11, macOS). @defaultValue `G4F_SAFE_STORAGE_PASSWORD` */
  safeStoragePassword?: string;
  /** Home folder (tests). @defaultValue `os.homedir()` */
  home?: string;
  /** Platform whose browser layout to use (tests). @defaultValue `process.platform` */
  platform?: NodeJS.Platform;
  /** Environment variables to read (tests). @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
  /** Clock in ms since the epoch, for expiry and the cache (tests). @defaultValue `Date.now` */
  now?: () => number;
  /** Secret stores (tests). @defaultValue the operating system's tools */
  secrets?: SecretProvider;
}

/** Options of `getCookieList`. */
export interface GetCookieListOptions extends GetCookiesOptions {
  /** List the matches of every source (caller, every file, every browser and profile) instead of the first. @defaultValue false */
  all?: boolean;
}

/** Result of `getCookieList`. */
export interface CookieListResult {
  /** Matching, unexpired cookies, in source order. */
  cookies: CookieRecord[];
  /** Every warning raised during this lookup (also passed to `onWarning`). */
  warnings: CookieWarning[];
}
