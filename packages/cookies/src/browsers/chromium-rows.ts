import { createCookieRecord } from "../cookie-record.js";
import { type DomainMatchOptions, domainMatches } from "../match/domain-matches.js";
import type { SqlValue } from "../sqlite/open-db.js";
import type { CookieRecord, CookieSource } from "../types.js";
import { byteString, bytesOf, numberOrUndefined } from "./sql-row.js";

// Every function here runs once per cookie of a lookup. They are plain loops in small
// synchronous functions that touch no sql.js, node:crypto or file objects: a cold lookup runs
// them before the JIT has optimized them, and code inlining such short-lived objects is thrown
// away at every major GC, to be rebuilt (at a cost that showed in the benchmark) on the next one.

/** One row of the Chromium `cookies` query, decoded. @internal */
export interface ChromiumRow {
  /** `host_key` as a byte string (hashed for the meta-24 digest). */
  hostKey: string;
  /** Lower-case domain without the leading dot. */
  domain: string;
  /** No leading dot in `host_key`. */
  hostOnly: boolean;
  /** Name, as a byte string. */
  name: string;
  /** The clear `value` column (used when `encrypted` is empty). */
  plainValue: string;
  /** `encrypted_value`. */
  encrypted: Uint8Array;
  /** Path, `/` when empty. */
  path: string;
  /** `is_secure` (or `secure`). */
  secure: boolean;
  /** `is_httponly` (or `httponly`). */
  httpOnly: boolean;
  /** From `samesite`; `undefined` when unset (-1). */
  sameSite: "none" | "lax" | "strict" | undefined;
  /** Expiry in ms since the epoch; `undefined` for a session cookie. */
  expires: number | undefined;
  /** Creation time in ms since the epoch. */
  creationTime: number | undefined;
}

const sameSiteNames = { 0: "none", 1: "lax", 2: "strict" } as const;

/**
 * Decodes the cells of the cookies query (host_key, name, value, encrypted_value, path,
 * expiry in s, secure, httponly, samesite, creation in ms; text columns cast to BLOB).
 * @internal
 */
export function toChromiumRows(table: readonly SqlValue[][]): ChromiumRow[] {
  const rows: ChromiumRow[] = new Array(table.length);
  for (let index = 0; index < table.length; index++) {
    const cells = table[index]!;
    const hostKey = byteString(cells[0]);
    const expiresSeconds = numberOrUndefined(cells[5]);
    rows[index] = {
      hostKey,
      domain: (hostKey.startsWith(".") ? hostKey.slice(1) : hostKey).toLowerCase(),
      hostOnly: !hostKey.startsWith("."),
      name: byteString(cells[1]),
      plainValue: byteString(cells[2]),
      encrypted: bytesOf(cells[3]),
      path: byteString(cells[4]) || "/",
      secure: Number(cells[6]) === 1,
      httpOnly: Number(cells[7]) === 1,
      sameSite: sameSiteNames[Number(cells[8]) as keyof typeof sameSiteNames],
      expires: expiresSeconds === undefined ? undefined : expiresSeconds * 1000,
      creationTime: numberOrUndefined(cells[9]),
    };
  }
  return rows;
}

/**
 * The unexpired rows that belong to the host (the SQL prefilter only narrowed them).
 * @internal
 */
export function matchingRows(
  rows: readonly ChromiumRow[],
  host: string,
  now: number,
  options: DomainMatchOptions,
): ChromiumRow[] {
  const matching: ChromiumRow[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if ((row.expires === undefined || row.expires > now) && domainMatches(row, host, options))
      matching.push(row);
  }
  return matching;
}

/**
 * The records of the rows whose value is known (`values[i]` belongs to `rows[i]`).
 * @internal
 */
export function toRecords(
  rows: readonly ChromiumRow[],
  values: readonly (string | undefined)[],
  source: CookieSource,
): CookieRecord[] {
  const cookies: CookieRecord[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const value = values[index];
    if (value === undefined) continue;
    cookies.push(
      createCookieRecord({
        name: row.name,
        value,
        domain: row.domain,
        hostOnly: row.hostOnly,
        path: row.path,
        secure: row.secure,
        httpOnly: row.httpOnly,
        sameSite: row.sameSite,
        expires: row.expires,
        creationTime: row.creationTime,
        source,
      }),
    );
  }
  return cookies;
}
