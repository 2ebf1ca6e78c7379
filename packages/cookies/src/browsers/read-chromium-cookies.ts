import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";
import { openDb, type SqliteDb } from "../sqlite/open-db.js";
import { readLiveDb } from "../sqlite/read-live-db.js";
import type { BrowserName, CookieRecord, CookieWarning, FileStamp, SecretProvider } from "../types.js";
import { browserInfo } from "./browser-table.js";
import { type ChromiumRow, matchingRows, toChromiumRows, toRecords } from "./chromium-rows.js";
import { decryptChromiumRows, type EncryptedRow } from "./decrypt-chromium-rows.js";
import { osSecretProvider } from "./secrets/os-secret-provider.js";
import { hostPrefilter } from "./sql-prefilter.js";
import { tableColumns } from "./sql-row.js";
import { toMalformed } from "./to-malformed.js";

/** Options of {@link readChromiumCookies}. */
export interface ReadChromiumCookiesOptions {
  /** The normalised host to look up (see `normalizeDomain`). */
  host: string;
  /** Also return cookies set for subdomains of the host. @defaultValue false */
  includeSubdomains?: boolean;
  /** Clock in ms since the epoch; cookies expired by then are dropped. @defaultValue `Date.now()` */
  now?: number;
  /** Which Chromium-family browser wrote the DB (names its secrets and messages). @defaultValue "chrome" */
  browser?: BrowserName;
  /** Profile name, for sources and messages. @defaultValue "Default" */
  profile?: string;
  /** Platform whose encryption scheme applies. @defaultValue `process.platform` */
  platform?: NodeJS.Platform;
  /** The parsed `Local State` of the browser (its `os_crypt.encrypted_key` is the Windows key). */
  localState?: unknown;
  /** Chromium "Safe Storage" password (Linux `v11`, macOS). @defaultValue `env.G4F_SAFE_STORAGE_PASSWORD` */
  safeStoragePassword?: string;
  /** Environment variables to read. @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
  /** Secret stores. @defaultValue the operating system's tools (`secret-tool`, `kwallet-query`, `security`, PowerShell) */
  secrets?: SecretProvider;
  /** Aborts the read; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives a warning for cookies that could not be decrypted (`KEYRING_UNAVAILABLE`, `DECRYPT_FAILED`, `APP_BOUND`). */
  onWarning?: (warning: CookieWarning) => void;
}

/** Cookies read from one browser database, and the files read for them. */
export interface BrowserDbResult {
  /** Matching, unexpired cookies. */
  cookies: CookieRecord[];
  /** Stamps of the DB and its `-wal` (for cache invalidation). */
  files: FileStamp[];
}

/**
 * Reads a Chromium-family `Cookies` database (Chrome, Chromium, Brave, Edge, Opera, Vivaldi, g4f)
 * for one host, without opening or locking the file: it is read with its `-wal` into memory.
 * Columns are detected with `PRAGMA table_info` (old DBs have `secure`/`httponly`); `expires_utc`
 * (µs since 1601, beyond 2^53) is converted in SQL; partitioned rows (`top_frame_site_key`) are
 * skipped; rows are prefiltered with a bound `host_key IN (…)` and matched with `domainMatches`.
 * Values are decrypted per platform (see {@link decryptChromiumValue}); secrets are asked for
 * only when a matching cookie is encrypted. Undecryptable cookies are skipped with a warning.
 *
 * @param path - the `Cookies` file (`<profile>/Network/Cookies` or `<profile>/Cookies`).
 * @param options - host and matching, browser/profile/platform, secrets, `signal`, `onWarning`.
 * @returns the cookies (values as latin1 byte strings) and the file stamps.
 * @throws CookieStoreReadError (`not-found`, `locked`, `permission`, `malformed`, `unsupported-schema`).
 * @throws MissingRequirementsError when the SQLite engine cannot be loaded.
 * @example
 * ```ts
 * const { cookies } = await readChromiumCookies(`${home}/.config/chromium/Default/Cookies`,
 *   { host: "open-assistant.io", browser: "chromium", platform: "linux" });
 * ```
 */
export async function readChromiumCookies(
  path: string,
  options: ReadChromiumCookiesOptions,
): Promise<BrowserDbResult> {
  const { signal } = options;
  const image = await readLiveDb(path, signal === undefined ? {} : { signal });
  const db = await openDb(image.bytes);
  let rows: ChromiumRow[];
  let metaVersion: number;
  try {
    ({ rows, metaVersion } = queryRows(db, path, options));
  } catch (error) {
    throw toMalformed(error, path);
  } finally {
    db.close();
  }
  // The per-row loops live in chromium-rows.ts (see there for why).
  const matching = matchingRows(rows, options.host, options.now ?? Date.now(), {
    includeSubdomains: options.includeSubdomains ?? false,
  });
  const values = await decryptValues(matching, metaVersion, options);
  // One frozen source for every record of this DB (createCookieRecord shares a frozen one).
  const source = Object.freeze({
    kind: "browser" as const,
    browser: options.browser ?? "chrome",
    profile: options.profile ?? "Default",
    path,
  });
  const cookies = toRecords(matching, values, source);
  return { cookies, files: image.files };
}

function queryRows(
  db: SqliteDb,
  path: string,
  options: ReadChromiumCookiesOptions,
): { rows: ChromiumRow[]; metaVersion: number } {
  const columns = tableColumns((sql) => db.all(sql), "cookies");
  const required = ["host_key", "name", "value", "path", "expires_utc"];
  if (!required.every((column) => columns.has(column))) {
    throw new CookieStoreReadError({
      reason: "unsupported-schema",
      path,
      message: `${path} has no Chromium cookies table we know (missing ${required.filter((column) => !columns.has(column)).join(", ")}). Please report the browser and its version.`,
    });
  }
  const metaColumns = tableColumns((sql) => db.all(sql), "meta");
  const metaVersion =
    metaColumns.has("key") && metaColumns.has("value")
      ? Number(db.all("SELECT value FROM meta WHERE key = 'version'")[0]?.[0] ?? 0) || 0
      : 0;
  const pick = (...names: string[]): string => names.find((name) => columns.has(name)) ?? "0";
  const prefilter = hostPrefilter("host_key", options.host, options.includeSubdomains ?? false);
  const partitioned = columns.has("top_frame_site_key") ? " AND top_frame_site_key = ''" : "";
  const sql = `SELECT CAST(host_key AS BLOB), CAST(name AS BLOB), CAST(value AS BLOB),
      ${columns.has("encrypted_value") ? "encrypted_value" : "x''"}, CAST(path AS BLOB),
      CASE WHEN expires_utc = 0 THEN NULL ELSE expires_utc / 1000000 - 11644473600 END,
      ${pick("is_secure", "secure")}, ${pick("is_httponly", "httponly")},
      ${columns.has("samesite") ? "samesite" : "-1"},
      ${columns.has("creation_utc") ? "creation_utc / 1000 - 11644473600000" : "NULL"}
    FROM cookies WHERE ${prefilter.sql}${partitioned}`;
  // Decoded in chromium-rows.ts, away from sql.js's short-lived objects (see there for why).
  const rows = toChromiumRows(db.all(sql, prefilter.params));
  return { rows, metaVersion };
}

async function decryptValues(
  rows: readonly ChromiumRow[],
  metaVersion: number,
  options: ReadChromiumCookiesOptions,
): Promise<(string | undefined)[]> {
  const values: (string | undefined)[] = new Array(rows.length);
  // A row is an EncryptedRow already (`encrypted`, `hostKey`); `indexes` maps back to `values`.
  const encrypted: EncryptedRow[] = [];
  const indexes: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.encrypted.length === 0) {
      values[index] = row.plainValue;
    } else {
      encrypted.push(row);
      indexes.push(index);
    }
  }
  if (encrypted.length === 0) return values;
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const secrets = options.secrets ?? osSecretProvider;
  const decrypted = await decryptChromiumRows(encrypted, {
    info: browserInfo(options.browser ?? "chrome", platform),
    profile: options.profile ?? "Default",
    host: options.host,
    platform,
    metaVersion,
    localState: options.localState,
    safeStoragePassword: options.safeStoragePassword ?? env.G4F_SAFE_STORAGE_PASSWORD,
    cookiesDirHint: `a cookie file in ${env.G4F_COOKIES_DIR ?? "./har_and_cookies"}`,
    secrets,
    cacheOwner: secrets,
    signal: options.signal,
    onWarning: options.onWarning ?? (() => {}),
  });
  for (let position = 0; position < indexes.length; position++) {
    const value = decrypted[position];
    if (value !== undefined) values[indexes[position]!] = value;
  }
  return values;
}
