import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";
import { type OpenStampedFile, openStampedFile } from "../lookup/read-stamped-file.js";
import type { FileStamp } from "../types.js";
import { applyWal } from "./apply-wal.js";

/** Options of {@link readLiveDb}. */
export interface ReadLiveDbOptions {
  /** Aborts the read; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How many times to re-read when a file changed while being read. @defaultValue 3 */
  retries?: number;
}

/** The bytes of a live database with its WAL applied, and the files that were read. */
export interface LiveDbImage {
  /** The database image, committed WAL frames applied. */
  bytes: Uint8Array;
  /** Stamps of the DB and its `-wal` (size and mtime -1 when the `-wal` does not exist). */
  files: FileStamp[];
}

const missing = (path: string): FileStamp => ({ path, mtimeMs: -1, size: -1 });
const stampOf = (path: string, stats: Stats | undefined): FileStamp =>
  stats === undefined ? missing(path) : { path, mtimeMs: stats.mtimeMs, size: stats.size };
const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size;

/**
 * Reads a database a running browser may hold open, without opening it with SQLite, locking it
 * or writing anything: the file and its `-wal` are read into memory, each through one handle
 * whose `fstat` is its stamp before the read; both are stat'ed again after, and the pair is read
 * again (up to `retries` times) when either changed meanwhile. The committed WAL frames are then
 * applied in memory ({@link applyWal}). The `-shm` is never read.
 *
 * @param path - the database file, e.g. `…/Default/Network/Cookies` or `…/cookies.sqlite`.
 * @param options - `signal`, `retries`.
 * @returns the image and the file stamps (for cache invalidation).
 * @throws CookieStoreReadError with reason `not-found`, `locked` (EBUSY/EPERM: a Windows share
 *   lock) or `permission` (EACCES).
 */
export async function readLiveDb(path: string, options: ReadLiveDbOptions = {}): Promise<LiveDbImage> {
  const { signal } = options;
  const walPath = `${path}-wal`;
  const attempts = 1 + (options.retries ?? 3);
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    const { db, wal, after } = await readPair(path, walPath, signal);
    // Each stamp before is the fstat of the file read, so a file replaced or written meanwhile
    // differs from its stamp after.
    const before = [stampOf(path, db.stats), stampOf(walPath, wal?.stats)];
    const stable =
      before.every((stamp, index) => sameStamp(stamp, after[index]!)) && db.bytes.length === after[0]!.size;
    // A browser writing meanwhile: read the pair again. The WAL checks keep a late read safe anyway.
    if (stable || attempt >= attempts) {
      return { bytes: applyWal(db.bytes, wal?.bytes ?? new Uint8Array()), files: after };
    }
  }
}

/**
 * Reads the DB and its WAL together, then stats both again while closing them: one round of
 * file-system calls, not two. Whatever fails, both files are closed before it throws.
 */
async function readPair(
  path: string,
  walPath: string,
  signal: AbortSignal | undefined,
): Promise<{ db: OpenStampedFile; wal: OpenStampedFile | undefined; after: FileStamp[] }> {
  const [dbRead, walRead] = await Promise.allSettled([
    readWhole(path, true, signal),
    readWhole(walPath, false, signal),
  ]);
  const db = dbRead.status === "fulfilled" ? dbRead.value : undefined;
  const wal = walRead.status === "fulfilled" ? walRead.value : undefined;
  const readFailure = [dbRead, walRead].find((read) => read.status === "rejected");
  const [stamped, ...closed] = await Promise.allSettled([
    readFailure === undefined ? stampBoth(path, walPath) : Promise.resolve([]),
    db?.close(),
    wal?.close(),
  ]);
  const failure = readFailure ?? [stamped, ...closed].find((outcome) => outcome?.status === "rejected");
  if (failure?.status === "rejected") throw failure.reason;
  // Nothing failed: the DB (required, so never undefined once read) was read and stamped.
  return { db: db!, wal, after: (stamped as PromiseFulfilledResult<FileStamp[]>).value };
}

async function stampBoth(path: string, walPath: string): Promise<FileStamp[]> {
  const [dbStats, walStats] = await Promise.all([statFile(path, true), statFile(walPath, false)]);
  return [stampOf(path, dbStats), stampOf(walPath, walStats)];
}

async function statFile(path: string, required: boolean): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw toReadError(path, error);
  }
}

async function readWhole(
  path: string,
  required: boolean,
  signal: AbortSignal | undefined,
): Promise<OpenStampedFile | undefined> {
  try {
    return await openStampedFile(path, signal);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw toReadError(path, error);
  }
}

function toReadError(path: string, error: unknown): CookieStoreReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new CookieStoreReadError({ reason: "not-found", path, cause: error });
  if (code === "EBUSY" || code === "EPERM") {
    return new CookieStoreReadError({
      reason: "locked",
      path,
      cause: error,
      message: `Cannot read ${path}: another program holds it locked. Close the browser, or use Firefox or a cookie file.`,
    });
  }
  if (code === "EACCES") return new CookieStoreReadError({ reason: "permission", path, cause: error });
  return new CookieStoreReadError({ reason: "malformed", path, cause: error });
}
