import { domainToASCII } from "node:url";
import { utf8ToByteString } from "../byte-string.js";
import type { CookieRecord } from "../types.js";
import type { FileIssue } from "./cookie-draft.js";

/** Turns a string from a parsed file into a byte string (UTF-8 bytes when the file was Unicode). @internal */
export type ToBytes = (text: string) => string;

/** The byte-string conversion for a file decoded as Unicode (`utf8`) or as latin1. @internal */
export function byteConverter(utf8: boolean): ToBytes {
  return utf8 ? utf8ToByteString : (text) => text;
}

/**
 * A cookie domain as files write it (`.Example.com`, `example.com.`, an IDN) in our form:
 * lower-case, punycode, no leading or trailing dot; `undefined` when it is not a host name.
 * @internal
 */
export function cookieDomain(raw: unknown): { domain: string; dotted: boolean } | undefined {
  if (typeof raw !== "string") return undefined;
  let text = raw.trim().toLowerCase();
  const dotted = text.startsWith(".");
  if (dotted) text = text.slice(1);
  if (text.endsWith(".")) text = text.slice(0, -1);
  if (text === "" || /[\s/\\?#@%;,]/.test(text)) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII check
  const ascii = /^[\x00-\x7f]*$/.test(text) ? text : domainToASCII(text);
  if (ascii === "") return undefined;
  return { domain: ascii, dotted };
}

/** SameSite spelled by extensions, Playwright and HAR, in our form. @internal */
export function sameSiteOf(raw: unknown): CookieRecord["sameSite"] | undefined {
  if (typeof raw !== "string") return undefined;
  const text = raw.toLowerCase();
  if (text === "lax") return "lax";
  if (text === "strict") return "strict";
  if (text === "none" || text === "no_restriction") return "none";
  return undefined;
}

/** A cookie path, `/` when absent or not absolute. @internal */
export function pathOf(raw: unknown, toBytes: ToBytes): string {
  return typeof raw === "string" && raw.startsWith("/") ? toBytes(raw) : "/";
}

/** Seconds since the epoch (a number or numeric string) as ms; `undefined` for none or a session value. @internal */
export function secondsToMs(raw: unknown): number | undefined {
  const seconds = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.floor(seconds * 1000);
}

/** Whether a value is a plain (non-array, non-null) object. @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The issues of a parser that skipped `count` entries: none, or one `BAD_FILE` with the count.
 * @internal
 */
export function skippedIssues(count: number, message: string, line?: number): FileIssue[] {
  if (count === 0) return [];
  return [{ code: "BAD_FILE", count, ...(line === undefined ? {} : { line }), message }];
}
