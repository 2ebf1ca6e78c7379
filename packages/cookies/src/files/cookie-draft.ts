import type { CookieFileFormat, CookieRecord } from "../types.js";

/** A cookie parsed from a file, before domain matching and expiry. @internal */
export interface CookieDraft {
  /** Name, as a byte string. */
  name: string;
  /** Value, as a byte string. */
  value: string;
  /** Domain, lower-case, without a leading dot. */
  domain: string;
  /** Sent only to `domain` itself. */
  hostOnly: boolean;
  /** Path. */
  path: string;
  /** HTTPS only. */
  secure: boolean;
  /** HttpOnly. */
  httpOnly: boolean;
  /** SameSite, when known. */
  sameSite?: CookieRecord["sameSite"];
  /** Expiry in ms since the epoch; absent for a session cookie. */
  expires?: number;
  /** Creation (or observation) time in ms, when known. */
  creationTime?: number;
  /**
   * A HAR request cookie: the host it was sent to. Its real domain is unknown, so it belongs to
   * that host and its parents up to the registrable domain; `domain` is this host.
   */
  sentTo?: string;
}

/** A problem inside a file that did not stop it from being read. @internal */
export interface FileIssue {
  /** Warning code. */
  code: "BAD_FILE" | "NOT_UTF8" | "HAR_SANITIZED";
  /** What happened and what to do (no values). */
  message: string;
  /** 1-based line of the first problem, when known. */
  line?: number;
  /** How many entries were affected. */
  count?: number;
}

/** A file's cookies as parsed, with the problems met. @internal */
export interface ParsedCookieFile {
  /** The format recognised. */
  format: CookieFileFormat;
  /** Every cookie in the file, in file order. */
  cookies: CookieDraft[];
  /** Non-fatal problems. */
  issues: FileIssue[];
}
