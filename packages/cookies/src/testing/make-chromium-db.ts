import type { SqlJsDatabase, SqlValue } from "../sqlite/sql-js-engine.js";
import { buildDbBytes, changeDbBytes, writeDbFiles } from "./write-db-file.js";

/** One row of a Chromium `cookies` table, for {@link makeChromiumDb}. */
export interface ChromiumCookieRow {
  /** `host_key`: a leading dot makes a domain cookie (`.example.com`). */
  hostKey: string;
  /** Name (a byte string). */
  name: string;
  /** Clear `value` column (a byte string); Chromium leaves it empty when `encryptedValue` is set. @defaultValue "" */
  value?: string;
  /** `encrypted_value`, e.g. from `encryptChromium`. @defaultValue empty */
  encryptedValue?: Uint8Array;
  /** Path. @defaultValue "/" */
  path?: string;
  /** Expiry in ms since the Unix epoch; converted to µs since 1601. @defaultValue session (0) */
  expires?: number;
  /** Raw `expires_utc` (µs since 1601), e.g. beyond 2^53; wins over `expires`. */
  expiresUtc?: bigint;
  /** `is_secure`. @defaultValue false */
  secure?: boolean;
  /** `is_httponly`. @defaultValue false */
  httpOnly?: boolean;
  /** `samesite`: -1 unset, 0 None, 1 Lax, 2 Strict. @defaultValue -1 */
  sameSite?: -1 | 0 | 1 | 2;
  /** `top_frame_site_key`: non-empty for a partitioned cookie. @defaultValue "" */
  topFrameSiteKey?: string;
  /** Creation time in ms since the Unix epoch. @defaultValue 1.7e12 */
  creationTime?: number;
}

/** Options of {@link makeChromiumDb}. */
export interface MakeChromiumDbOptions {
  /** `meta` `version` (24 adds the host-key digest to values). @defaultValue 24 */
  metaVersion?: number;
  /** The old schema: `secure`/`httponly` columns, no `top_frame_site_key` or `samesite`. @defaultValue false */
  legacySchema?: boolean;
  /** Rows that exist only in the `-wal` (the main file is in WAL mode, without them). */
  walRows?: readonly ChromiumCookieRow[];
}

const epochDeltaMicros = 11_644_473_600_000_000n;

const modernColumns = `creation_utc INTEGER NOT NULL, host_key TEXT NOT NULL, top_frame_site_key TEXT NOT NULL,
  name TEXT NOT NULL, value TEXT NOT NULL, encrypted_value BLOB NOT NULL, path TEXT NOT NULL,
  expires_utc INTEGER NOT NULL, is_secure INTEGER NOT NULL, is_httponly INTEGER NOT NULL,
  last_access_utc INTEGER NOT NULL, has_expires INTEGER NOT NULL, is_persistent INTEGER NOT NULL,
  priority INTEGER NOT NULL, samesite INTEGER NOT NULL, source_scheme INTEGER NOT NULL,
  source_port INTEGER NOT NULL, last_update_utc INTEGER NOT NULL, source_type INTEGER NOT NULL,
  has_cross_site_ancestor INTEGER NOT NULL`;
const legacyColumns = `creation_utc INTEGER NOT NULL, host_key TEXT NOT NULL, name TEXT NOT NULL,
  value TEXT NOT NULL, path TEXT NOT NULL, expires_utc INTEGER NOT NULL, secure INTEGER NOT NULL,
  httponly INTEGER NOT NULL, last_access_utc INTEGER NOT NULL, has_expires INTEGER NOT NULL DEFAULT 1,
  persistent INTEGER NOT NULL DEFAULT 1, priority INTEGER NOT NULL DEFAULT 1,
  encrypted_value BLOB DEFAULT ''`;

/**
 * The bytes of a Chromium `Cookies` database in the browser's own schema (`meta` + `cookies`).
 * @param rows - the cookies.
 * @param options - meta version, legacy schema.
 * @returns the image.
 */
export async function chromiumDbBytes(
  rows: readonly ChromiumCookieRow[],
  options: Omit<MakeChromiumDbOptions, "walRows"> = {},
): Promise<Uint8Array> {
  return buildDbBytes((db) => {
    db.run("CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)");
    db.run("INSERT INTO meta VALUES ('version', ?), ('last_compatible_version', '16')", [
      String(options.metaVersion ?? 24),
    ]);
    db.run(`CREATE TABLE cookies(${options.legacySchema === true ? legacyColumns : modernColumns})`);
    insertChromiumRows(db, rows, options.legacySchema === true);
  });
}

/**
 * Writes a Chromium `Cookies` database (parent folders created); with `walRows`, the main file
 * in WAL mode plus a `-wal` whose committed frames add those rows.
 *
 * @param path - e.g. `home.cookiesPath("chrome")`.
 * @param rows - the cookies in the main file.
 * @param options - meta version, legacy schema, WAL-only rows.
 * @returns `path`.
 * @example
 * ```ts
 * await makeChromiumDb(path, [{ hostKey: ".example.com", name: "sid",
 *   encryptedValue: encryptChromium("v", { hostKey: ".example.com" }) }]);
 * ```
 */
export async function makeChromiumDb(
  path: string,
  rows: readonly ChromiumCookieRow[],
  options: MakeChromiumDbOptions = {},
): Promise<string> {
  const before = await chromiumDbBytes(rows, options);
  const walRows = options.walRows;
  const after =
    walRows === undefined
      ? undefined
      : await changeDbBytes(before, (db) => insertChromiumRows(db, walRows, options.legacySchema === true));
  await writeDbFiles(path, before, after);
  return path;
}

function insertChromiumRows(db: SqlJsDatabase, rows: readonly ChromiumCookieRow[], legacy: boolean): void {
  for (const row of rows) {
    const expires =
      row.expiresUtc ??
      (row.expires === undefined ? 0n : BigInt(Math.round(row.expires)) * 1000n + epochDeltaMicros);
    const created = BigInt(Math.round(row.creationTime ?? 1.7e12)) * 1000n + epochDeltaMicros;
    // Text columns are bound as blobs and cast, so any byte survives (sql.js would re-encode strings).
    const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, "latin1"));
    const blob = row.encryptedValue ?? new Uint8Array();
    const flags = [row.secure === true ? 1 : 0, row.httpOnly === true ? 1 : 0];
    const params: SqlValue[] = legacy
      ? [text(row.hostKey), text(row.name), text(row.value ?? ""), text(row.path ?? "/"), ...flags, blob]
      : [
          text(row.hostKey),
          text(row.topFrameSiteKey ?? ""),
          text(row.name),
          text(row.value ?? ""),
          blob,
          text(row.path ?? "/"),
          ...flags,
          row.sameSite ?? -1,
        ];
    // BigInt microsecond values exceed 2^53; they go in as literals, never through a double.
    const sql = legacy
      ? `INSERT INTO cookies (creation_utc, host_key, name, value, path, expires_utc, secure, httponly,
          last_access_utc, encrypted_value)
        VALUES (${created}, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ${expires}, ?, ?, ${created}, ?)`
      : `INSERT INTO cookies VALUES (${created}, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?,
          CAST(? AS TEXT), ${expires}, ?, ?, ${created}, ${expires === 0n ? 0 : 1}, ${expires === 0n ? 0 : 1}, 1, ?, 2, 443,
          ${created}, 0, 0)`;
    db.run(sql, params);
  }
}
