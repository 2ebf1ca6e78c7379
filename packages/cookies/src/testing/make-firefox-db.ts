import type { SqlJsDatabase, SqlValue } from "../sqlite/sql-js-engine.js";
import { buildDbBytes, changeDbBytes, writeDbFiles } from "./write-db-file.js";

/** One row of Firefox's `moz_cookies`, for {@link makeFirefoxDb}. */
export interface FirefoxCookieRow {
  /** `host`: a leading dot makes a domain cookie. */
  host: string;
  /** Name (a byte string). */
  name: string;
  /** Value (a byte string). */
  value: string;
  /** Path. @defaultValue "/" */
  path?: string;
  /** Expiry in ms since the epoch, stored as seconds (`user_version` ≤ 15) or ms (16+). @defaultValue one year from 2026 */
  expires?: number;
  /** A raw `expiry` column value, stored as is (wins over `expires`). */
  expiryRaw?: number;
  /** `isSecure`. @defaultValue false */
  secure?: boolean;
  /** `isHttpOnly`. @defaultValue false */
  httpOnly?: boolean;
  /** `sameSite`: 0 None, 1 Lax, 2 Strict. @defaultValue 0 */
  sameSite?: 0 | 1 | 2;
  /** `originAttributes`: `^userContextId=1` (a container) or `^partitionKey=…` are skipped by readers. @defaultValue "" */
  originAttributes?: string;
  /** Creation time in ms since the epoch (stored in µs). @defaultValue 1.7e12 */
  creationTime?: number;
}

/** Options of {@link makeFirefoxDb}. */
export interface MakeFirefoxDbOptions {
  /** `PRAGMA user_version`: 15 stores expiry in seconds, 16 (Firefox 142+) in ms. @defaultValue 16 */
  userVersion?: number;
  /** Rows that exist only in the `-wal`. */
  walRows?: readonly FirefoxCookieRow[];
}

const defaultExpires = Date.UTC(2027, 0, 1);

/**
 * The bytes of a Firefox `cookies.sqlite` in the browser's own schema.
 * @param rows - the cookies.
 * @param options - the schema version.
 * @returns the image.
 */
export async function firefoxDbBytes(
  rows: readonly FirefoxCookieRow[],
  options: Omit<MakeFirefoxDbOptions, "walRows"> = {},
): Promise<Uint8Array> {
  const userVersion = options.userVersion ?? 16;
  return buildDbBytes((db) => {
    db.run(`CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL DEFAULT '',
      name TEXT, value TEXT, host TEXT, path TEXT, expiry INTEGER, lastAccessed INTEGER, creationTime INTEGER,
      isSecure INTEGER, isHttpOnly INTEGER, inBrowserElement INTEGER DEFAULT 0, sameSite INTEGER DEFAULT 0,
      rawSameSite INTEGER DEFAULT 0, schemeMap INTEGER DEFAULT 0, isPartitionedAttributeSet INTEGER DEFAULT 0,
      CONSTRAINT moz_uniqueid UNIQUE (name, host, path, originAttributes))`);
    db.run(`PRAGMA user_version = ${Math.trunc(userVersion)}`);
    insertFirefoxRows(db, rows, userVersion);
  });
}

/**
 * Writes a Firefox `cookies.sqlite` (parent folders created); with `walRows`, in WAL mode with a
 * `-wal` whose committed frames add those rows, as a running Firefox leaves it.
 *
 * @param path - e.g. `home.cookiesPath("firefox")`.
 * @param rows - the cookies in the main file.
 * @param options - `user_version`, WAL-only rows.
 * @returns `path`.
 * @example
 * ```ts
 * await makeFirefoxDb(path, [{ host: ".example.com", name: "sid", value: "v" }], { userVersion: 15 });
 * ```
 */
export async function makeFirefoxDb(
  path: string,
  rows: readonly FirefoxCookieRow[],
  options: MakeFirefoxDbOptions = {},
): Promise<string> {
  const before = await firefoxDbBytes(rows, options);
  const walRows = options.walRows;
  const after =
    walRows === undefined
      ? undefined
      : await changeDbBytes(before, (db) => insertFirefoxRows(db, walRows, options.userVersion ?? 16));
  await writeDbFiles(path, before, after);
  return path;
}

function insertFirefoxRows(db: SqlJsDatabase, rows: readonly FirefoxCookieRow[], userVersion: number): void {
  const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, "latin1"));
  for (const row of rows) {
    const expires = row.expires ?? defaultExpires;
    const expiry = row.expiryRaw ?? (userVersion >= 16 ? expires : Math.floor(expires / 1000));
    const created = Math.round((row.creationTime ?? 1.7e12) * 1000);
    const params: SqlValue[] = [
      row.originAttributes ?? "",
      text(row.name),
      text(row.value),
      text(row.host),
      text(row.path ?? "/"),
      expiry,
      created,
      created,
      row.secure === true ? 1 : 0,
      row.httpOnly === true ? 1 : 0,
      row.sameSite ?? 0,
    ];
    db.run(
      `INSERT INTO moz_cookies (originAttributes, name, value, host, path, expiry, lastAccessed, creationTime,
        isSecure, isHttpOnly, sameSite) VALUES (?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
        ?, ?, ?, ?, ?, ?)`,
      params,
    );
  }
}
