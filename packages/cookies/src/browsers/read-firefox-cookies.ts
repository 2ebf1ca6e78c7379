import { createCookieRecord } from "../cookie-record.js";
import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";
import { domainMatches } from "../match/domain-matches.js";
import { openDb, type SqliteDb } from "../sqlite/open-db.js";
import { readLiveDb } from "../sqlite/read-live-db.js";
import type { BrowserName, CookieRecord } from "../types.js";
import type { BrowserDbResult } from "./read-chromium-cookies.js";
import { hostPrefilter } from "./sql-prefilter.js";
import { byteString, numberOrUndefined, tableColumns } from "./sql-row.js";
import { toMalformed } from "./to-malformed.js";

/** Options of {@link readFirefoxCookies}. */
export interface ReadFirefoxCookiesOptions {
  /** The normalised host to look up (see `normalizeDomain`). */
  host: string;
  /** Also return cookies set for subdomains of the host. @defaultValue false */
  includeSubdomains?: boolean;
  /** Clock in ms since the epoch; cookies expired by then are dropped. @defaultValue `Date.now()` */
  now?: number;
  /** Which Firefox-family browser wrote the DB, for sources. @defaultValue "firefox" */
  browser?: BrowserName;
  /** Profile name, for sources. @defaultValue the profile folder's name is not known here: "default" */
  profile?: string;
  /** Aborts the read; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const sameSiteNames = { 0: "none", 1: "lax", 2: "strict" } as const;
// Firefox 142 (user_version 16) stores expiry in ms; a seconds value this large would be year 5138.
const millisecondsVersion = 16;
const surelyMilliseconds = 1e11;

/**
 * Reads a Firefox-family `cookies.sqlite` (Firefox, LibreWolf, Zen) for one host, without
 * opening or locking the file: it is read with its `-wal` into memory (recent cookies often live
 * only there). Only rows with empty `originAttributes` count (containers and partitioned cookies
 * are skipped); `expiry` is seconds up to `user_version` 15 and milliseconds from 16 (or whenever
 * it exceeds 1e11); a `host` with a leading dot is a domain cookie. Names and values are read as
 * BLOBs and returned as latin1 byte strings, byte for byte.
 *
 * @param path - the `cookies.sqlite` file.
 * @param options - host and matching, browser/profile, `now`, `signal`.
 * @returns the cookies and the file stamps.
 * @throws CookieStoreReadError (`not-found`, `locked`, `permission`, `malformed`, `unsupported-schema`).
 * @throws MissingRequirementsError when the SQLite engine cannot be loaded.
 * @example
 * ```ts
 * const { cookies } = await readFirefoxCookies(`${profileDir}/cookies.sqlite`, { host: "open-assistant.io" });
 * ```
 */
export async function readFirefoxCookies(
  path: string,
  options: ReadFirefoxCookiesOptions,
): Promise<BrowserDbResult> {
  const image = await readLiveDb(path, options.signal === undefined ? {} : { signal: options.signal });
  const db = await openDb(image.bytes);
  try {
    return { cookies: queryCookies(db, path, options), files: image.files };
  } catch (error) {
    throw toMalformed(error, path);
  } finally {
    db.close();
  }
}

function queryCookies(db: SqliteDb, path: string, options: ReadFirefoxCookiesOptions): CookieRecord[] {
  const columns = tableColumns((sql) => db.all(sql), "moz_cookies");
  const required = ["name", "value", "host", "path", "expiry"];
  if (!required.every((column) => columns.has(column))) {
    throw new CookieStoreReadError({
      reason: "unsupported-schema",
      path,
      message: `${path} has no Firefox moz_cookies table we know (missing ${required.filter((column) => !columns.has(column)).join(", ")}). Please report the browser and its version.`,
    });
  }
  const userVersion = Number(db.all("PRAGMA user_version")[0]?.[0] ?? 0);
  const has = (column: string, otherwise: string): string => (columns.has(column) ? column : otherwise);
  const prefilter = hostPrefilter("host", options.host, options.includeSubdomains ?? false);
  const containers = columns.has("originAttributes") ? " AND originAttributes = ''" : "";
  const rows = db.all(
    `SELECT CAST(name AS BLOB), CAST(value AS BLOB), CAST(host AS BLOB), CAST(path AS BLOB), expiry,
        ${has("isSecure", "0")}, ${has("isHttpOnly", "0")}, ${has("sameSite", "NULL")}, ${has("creationTime", "NULL")}
      FROM moz_cookies WHERE ${prefilter.sql}${containers}`,
    prefilter.params,
  );
  const now = options.now ?? Date.now();
  const browser = options.browser ?? "firefox";
  const profile = options.profile ?? "default";
  // One frozen source for every record of this DB (createCookieRecord shares a frozen one).
  const source = Object.freeze({ kind: "browser" as const, browser, profile, path });
  const cookies: CookieRecord[] = [];
  for (const cells of rows) {
    const host = byteString(cells[2]);
    const hostOnly = !host.startsWith(".");
    const domain = (hostOnly ? host : host.slice(1)).toLowerCase();
    const expiry = numberOrUndefined(cells[4]);
    const expires =
      expiry === undefined || expiry <= 0
        ? undefined
        : userVersion >= millisecondsVersion || expiry > surelyMilliseconds
          ? expiry
          : expiry * 1000;
    if (expires !== undefined && expires <= now) continue;
    if (
      !domainMatches({ domain, hostOnly }, options.host, {
        includeSubdomains: options.includeSubdomains ?? false,
      })
    )
      continue;
    const sameSite = sameSiteNames[Number(cells[7]) as keyof typeof sameSiteNames];
    const created = numberOrUndefined(cells[8]);
    cookies.push(
      createCookieRecord({
        name: byteString(cells[0]),
        value: byteString(cells[1]),
        domain,
        hostOnly,
        path: byteString(cells[3]) || "/",
        secure: Number(cells[5]) === 1,
        httpOnly: Number(cells[6]) === 1,
        sameSite: cells[7] === null ? undefined : sameSite,
        expires,
        creationTime: created === undefined ? undefined : Math.floor(created / 1000),
        source,
      }),
    );
  }
  return cookies;
}
