import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";
import { MissingRequirementsError } from "../errors/missing-requirements-error.js";
import { loadSqlJs, type SqlJsDatabase, type SqlJsEngine, type SqlValue } from "./sql-js-engine.js";

export type { SqlValue } from "./sql-js-engine.js";

/**
 * A read-only SQLite database held in memory. Opened by {@link openDb}; the engine behind it
 * (sql.js today) can be swapped without changing the readers.
 */
export interface SqliteDb {
  /**
   * Runs one statement and returns every row as an array of column values.
   * @param sql - one SQL statement; use `?` placeholders for every input.
   * @param params - values bound to the placeholders.
   * @returns the rows; BLOBs as `Uint8Array`, integers as numbers.
   */
  all(sql: string, params?: readonly SqlValue[]): SqlValue[][];
  /** Frees the engine's memory. Further calls throw. */
  close(): void;
}

const sqliteMagic = "SQLite format 3\u0000";

/**
 * Opens SQLite bytes in memory with sql.js (its WASM is loaded lazily, once). The bytes are
 * copied: the caller's buffer and any file they came from are never touched. A WAL-mode header
 * (bytes 18–19 = 2) is switched to the legacy journal in the copy, since an in-memory image has
 * no `-wal` beside it (apply one first with {@link applyWal}).
 *
 * @param bytes - a whole database image.
 * @returns an open {@link SqliteDb}; close it when done.
 * @throws MissingRequirementsError when sql.js or its WASM cannot be loaded (`ENGINE_UNAVAILABLE`).
 * @throws CookieStoreReadError (`malformed`) when the bytes are not a readable SQLite database.
 * @example
 * ```ts
 * const db = await openDb(await readFile("cookies.sqlite"));
 * try { console.log(db.all("PRAGMA user_version")); } finally { db.close(); }
 * ```
 */
export async function openDb(bytes: Uint8Array): Promise<SqliteDb> {
  if (bytes.length < 100 || Buffer.from(bytes.subarray(0, 16)).toString("latin1") !== sqliteMagic) {
    throw new CookieStoreReadError({
      reason: "malformed",
      message: `Not a SQLite database (${bytes.length} bytes without the SQLite header). The file may be truncated or of another kind.`,
    });
  }
  let engine: SqlJsEngine;
  try {
    engine = await loadSqlJs();
  } catch (error) {
    throw new MissingRequirementsError({
      requirement: "sql.js",
      message:
        "The SQLite engine (sql.js WASM) could not be loaded, so browser cookie databases cannot be read. Reinstall @g4f/cookies with its sql.js dependency, or use a cookie file.",
      cause: error,
    });
  }
  // sql.js cannot open WAL-mode images (read/write versions 2): mark them as rollback-journal.
  // Copy only then: sql.js copies the image into its own file system anyway, and the caller's
  // bytes must stay as they were.
  const walMode = bytes[18] === 2 || bytes[19] === 2;
  const image = walMode ? new Uint8Array(bytes) : bytes;
  if (walMode) {
    if (image[18] === 2) image[18] = 1;
    if (image[19] === 2) image[19] = 1;
  }
  let database: SqlJsDatabase | undefined;
  try {
    database = new engine.Database(image);
    // sql.js opens lazily; a probe turns "file is not a database" into an error here.
    database.prepare("SELECT count(*) FROM sqlite_master").free();
  } catch (error) {
    database?.close();
    throw new CookieStoreReadError({
      reason: "malformed",
      message:
        "The SQLite database is corrupt or unreadable. Close the browser and try again, or use a cookie file.",
      cause: error,
    });
  }
  return wrap(database);
}

function wrap(database: SqlJsDatabase): SqliteDb {
  return {
    all(sql, params = []) {
      // sql.js's own exec loop (prepare, bind, step, get, free) rather than one here, so no code
      // of ours inlines sql.js's short-lived statements (such code is dropped at every major GC).
      const [result] = database.exec(sql, params.length > 0 ? params : undefined);
      return result?.values ?? [];
    },
    close() {
      database.close();
    },
  };
}
