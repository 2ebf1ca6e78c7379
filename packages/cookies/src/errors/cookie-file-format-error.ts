import { CookieError, type CookieErrorOptions, hasMarker, markError } from "./cookie-error.js";

const marker: symbol = Symbol.for("g4f.cookies.CookieFileFormatError");

/** Options of {@link CookieFileFormatError}. */
export interface CookieFileFormatErrorOptions extends CookieErrorOptions {
  /** Path of the file. */
  file: string;
  /** 1-based line of the problem, when known. */
  line?: number;
}

/** A cookie file is not in any format we read, or is malformed. */
export class CookieFileFormatError extends CookieError {
  /** Path of the file. */
  readonly file: string;
  /** 1-based line of the problem, if known. */
  readonly line: number | undefined;

  /** @param options - file, line, message and cause. */
  constructor(options: CookieFileFormatErrorOptions) {
    super(
      "COOKIE_FILE_FORMAT",
      `${options.file}${options.line === undefined ? "" : `:${options.line}`} is not a cookie file we can read. Use an extension JSON export, a Playwright storageState, a HAR or a Netscape cookies.txt.`,
      options,
    );
    this.file = options.file;
    this.line = options.line;
    markError(this, marker);
  }

  /**
   * Whether a value is a {@link CookieFileFormatError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is CookieFileFormatError {
    return hasMarker(value, marker);
  }
}
