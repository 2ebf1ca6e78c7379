import { readFile, stat } from "node:fs/promises";
import { dropUnsendable } from "../drop-unsendable.js";
import { CookieFileFormatError } from "../errors/cookie-file-format-error.js";
import { normalizeDomain } from "../match/normalize-domain.js";
import type { CookieFileFormat, CookieRecord, CookieWarning } from "../types.js";
import type { ParsedCookieFile } from "./cookie-draft.js";
import { parseCookieFile } from "./parse-cookie-file.js";
import { selectFileCookies } from "./select-file-cookies.js";

/** Cookie files larger than this are not read: no export is this big, a stray file may be. */
export const maxCookieFileBytes: number = 50 * 1024 * 1024;

/** Options of {@link readCookieFile}. */
export interface ReadCookieFileOptions {
  /** Keep only the cookies sent to this domain (RFC 6265 matching). @defaultValue every cookie in the file */
  domain?: string;
  /** With `domain`, also keep cookies of its subdomains. @defaultValue false */
  includeSubdomains?: boolean;
  /** Aborts the read; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Clock in ms since the epoch; cookies expired by then are dropped. @defaultValue `Date.now` */
  now?: () => number;
}

/** What {@link readCookieFile} found. */
export interface CookieFileResult {
  /** The format the file was recognised as. */
  format: CookieFileFormat;
  /** Its unexpired (matching) cookies, in file order; values are byte strings. */
  cookies: CookieRecord[];
  /** Problems that did not stop the read: skipped lines or entries, `NOT_UTF8`, `HAR_SANITIZED`, `UNSENDABLE_VALUE`. */
  warnings: CookieWarning[];
}

/**
 * Reads one cookie file, whatever its format (recognised by content): a browser-extension JSON
 * export (Cookie-Editor, EditThisCookie), a Playwright `storageState`, g4f's JSON, a HAR or a
 * Netscape `cookies.txt`. UTF-8 (with or without BOM), UTF-16 with a BOM and non-UTF-8 bytes are
 * all read without losing a byte.
 *
 * @param path - the file.
 * @param options - `domain` to keep only its cookies, `includeSubdomains`, `signal`, `now`.
 * @returns the format, the cookies and the warnings.
 * @throws {@link CookieFileFormatError} when the file cannot be read, is over 50 MB, or is in no
 *   format we know. {@link InvalidDomainError} for a bad `domain`. The signal's reason when aborted.
 * @example
 * ```ts
 * const { format, cookies } = await readCookieFile("cookies.txt", { domain: "open-assistant.io" });
 * const header = toCookieHeader(cookies);
 * ```
 */
export async function readCookieFile(
  path: string,
  options: ReadCookieFileOptions = {},
): Promise<CookieFileResult> {
  const host = options.domain === undefined ? undefined : normalizeDomain(options.domain);
  const parsed = await loadCookieFile(path, options.signal);
  const warnings: CookieWarning[] = issueWarnings(parsed, path);
  const selected = selectFileCookies(
    parsed.cookies,
    { path, format: parsed.format },
    {
      host,
      includeSubdomains: options.includeSubdomains ?? false,
      now: options.now?.() ?? Date.now(),
    },
  );
  const cookies = dropUnsendable(selected, path, (warning) => warnings.push(warning));
  return { format: parsed.format, cookies, warnings };
}

/**
 * Reads and parses a cookie file (no matching).
 * @throws CookieFileFormatError when unreadable, oversized or unrecognised.
 * @internal
 */
export async function loadCookieFile(
  path: string,
  signal: AbortSignal | undefined,
): Promise<ParsedCookieFile> {
  signal?.throwIfAborted();
  let bytes: Uint8Array;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    if (stats.size > maxCookieFileBytes) {
      throw new CookieFileFormatError({
        file: path,
        message: `${path} is ${Math.round(stats.size / 1024 / 1024)} MB, over the 50 MB a cookie file may have; it is not read.`,
      });
    }
    bytes = await readFile(path, signal === undefined ? {} : { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (CookieFileFormatError.isInstance(error)) throw error;
    throw new CookieFileFormatError({ file: path, message: unreadableMessage(path, error), cause: error });
  }
  return parseCookieFile(bytes, path);
}

function unreadableMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return `Cannot read ${path}: it does not exist.`;
  if (code === "EACCES" || code === "EPERM")
    return `Cannot read ${path}: permission denied; check its owner and mode.`;
  if (code === "EISDIR") return `Cannot read ${path}: it is not a file.`;
  return `Cannot read ${path} (${code ?? "I/O error"}).`;
}

/**
 * The non-fatal issues of a parsed file as warnings of that file.
 * @internal
 */
export function issueWarnings(parsed: ParsedCookieFile, path: string): CookieWarning[] {
  return parsed.issues.map((issue) => {
    const error = new CookieFileFormatError({
      file: path,
      ...(issue.line === undefined ? {} : { line: issue.line }),
      message: `${path}${issue.line === undefined ? "" : `:${issue.line}`}: ${issue.message}`,
    });
    return {
      code: issue.code,
      source: path,
      ...(issue.count === undefined ? {} : { count: issue.count }),
      error,
      message: error.message,
    };
  });
}
