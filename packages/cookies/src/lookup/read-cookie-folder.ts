import { type Stats, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { dropUnsendable } from "../drop-unsendable.js";
import { CookieFileFormatError } from "../errors/cookie-file-format-error.js";
import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";
import { parseCookieFile } from "../files/parse-cookie-file.js";
import { issueWarnings, maxCookieFileBytes } from "../files/read-cookie-file.js";
import { selectFileCookies } from "../files/select-file-cookies.js";
import type { CookieRecord, CookieWarning, FileStamp } from "../types.js";
import { warnIfInsecure } from "./warn-insecure-permissions.js";

/** Options of {@link readCookieFolder}. @internal */
export interface ReadCookieFolderOptions {
  /** The normalised host. */
  host: string;
  /** Also keep cookies of subdomains. */
  includeSubdomains: boolean;
  /** Clock (ms). */
  now: number;
  /** The folder was named by the caller (`cookiesDir`, `G4F_COOKIES_DIR`): its absence is a warning. */
  explicit: boolean;
  /** Aborts the scan. */
  signal: AbortSignal | undefined;
  /** Receives warnings. */
  warn: (warning: CookieWarning) => void;
}

/** What a folder scan found. @internal */
export interface CookieFolderResult {
  /** Matching cookies of every file, files in name order. */
  cookies: CookieRecord[];
  /** Stamps of the folder and of every file looked at. */
  files: FileStamp[];
}

/**
 * Reads every cookie file at the top of a folder (in name order; dotfiles, subfolders and
 * symlinks to folders are skipped, files over 50 MB too). Each file's problems are warnings of
 * that file; nothing but an abort throws.
 * @internal
 */
export async function readCookieFolder(
  dir: string,
  options: ReadCookieFolderOptions,
): Promise<CookieFolderResult> {
  const { signal, warn } = options;
  const files: FileStamp[] = [];
  let dirStats: Stats;
  try {
    // Synchronous, like profile discovery (see path-kinds.ts): the folder is usually missing.
    dirStats = statSync(dir);
    if (!dirStats.isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  } catch (error) {
    files.push({ path: dir, mtimeMs: -1, size: -1 });
    if (options.explicit) warnFolder(dir, error, warn);
    return { cookies: [], files };
  }
  files.push({ path: dir, mtimeMs: dirStats.mtimeMs, size: dirStats.size });
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
  } catch (error) {
    warnFolder(dir, error, warn);
    return { cookies: [], files };
  }
  const cookies: CookieRecord[] = [];
  for (const name of names) {
    signal?.throwIfAborted();
    const path = join(dir, name);
    const found = await readOne(path, options, files);
    cookies.push(...found);
  }
  return { cookies, files };
}

async function readOne(
  path: string,
  options: ReadCookieFolderOptions,
  files: FileStamp[],
): Promise<CookieRecord[]> {
  const { signal, warn } = options;
  let bytes: Uint8Array;
  try {
    // stat follows a symlink: a link to a file is read, a link to a folder skipped like a folder.
    const stats = await stat(path);
    if (!stats.isFile()) return [];
    files.push({ path, mtimeMs: stats.mtimeMs, size: stats.size });
    if (stats.size > maxCookieFileBytes) {
      const error = new CookieFileFormatError({
        file: path,
        message: `${path} is over the 50 MB a cookie file may have; it is skipped.`,
      });
      warn({ code: "BAD_FILE", source: path, error, message: error.message });
      return [];
    }
    warnIfInsecure(path, stats.mode, warn);
    bytes = await readFile(path, signal === undefined ? {} : { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    warnFile(path, error, warn);
    return [];
  }
  try {
    const parsed = parseCookieFile(bytes, path);
    for (const warning of issueWarnings(parsed, path)) warn(warning);
    const selected = selectFileCookies(parsed.cookies, { path, format: parsed.format }, options);
    return dropUnsendable(selected, path, warn);
  } catch (error) {
    warnFile(path, error, warn);
    return [];
  }
}

function warnFile(path: string, error: unknown, warn: (warning: CookieWarning) => void): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") {
    const wrapped = new CookieStoreReadError({ reason: "permission", path, cause: error });
    warn({ code: "PERMISSION", source: path, error: wrapped, message: wrapped.message });
    return;
  }
  const wrapped = CookieFileFormatError.isInstance(error)
    ? error
    : new CookieFileFormatError({
        file: path,
        message: `Cannot read ${path} (${code ?? "I/O error"}); it is skipped.`,
        cause: error,
      });
  warn({ code: "BAD_FILE", source: path, error: wrapped, message: wrapped.message });
}

function warnFolder(dir: string, error: unknown, warn: (warning: CookieWarning) => void): void {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "EACCES" || code === "EPERM" ? "permission" : "not-found";
  const wrapped = new CookieStoreReadError({
    reason,
    path: dir,
    cause: error,
    message:
      reason === "permission"
        ? `Cannot read the cookies folder ${dir}: permission denied.`
        : `The cookies folder ${dir} does not exist (or is not a folder); no cookie files were read.`,
  });
  warn({
    code: reason === "permission" ? "PERMISSION" : "NOT_FOUND",
    source: dir,
    error: wrapped,
    message: wrapped.message,
  });
}
