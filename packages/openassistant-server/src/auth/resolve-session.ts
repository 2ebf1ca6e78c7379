import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { parseCookieHeader, type RawCookie } from "./parse-cookie-header.js";
import { percentDecodeBytes } from "./percent-decode-bytes.js";
import { toByteString } from "./to-byte-string.js";

/** Which session cookie names the server reads. */
export type CookieNameOption = "both" | "__Secure-next-auth.session-token" | "next-auth.session-token";

const SECURE_NAME = "__Secure-next-auth.session-token";
const PLAIN_NAME = "next-auth.session-token";

/** The outcome of reading a request's session. */
export type SessionResult =
  | { auth: "ok"; userId: string; cookieNames: string[] }
  | { auth: "missing" | "rejected"; userId?: undefined; cookieNames: string[] };

/** How sessions are checked (built once from the options). */
export interface SessionPolicy {
  /** Accepted tokens as byte strings; `undefined` accepts any non-empty token. */
  tokens: ReadonlySet<string> | undefined;
  /** Banned tokens as byte strings. */
  banned: ReadonlySet<string>;
  /** Which cookie names are read. */
  cookieName: CookieNameOption;
}

/** Builds the policy from the options, turning tokens into byte strings once. */
export function createSessionPolicy(options: {
  tokens?: string[] | undefined;
  bannedTokens?: string[] | undefined;
  cookieName?: CookieNameOption | undefined;
}): SessionPolicy {
  return {
    tokens: options.tokens ? new Set(options.tokens.map(toByteString)) : undefined,
    banned: new Set((options.bannedTokens ?? []).map(toByteString)),
    cookieName: options.cookieName ?? "both",
  };
}

function suffixOrder(name: string, base: string): number {
  if (name === base) return -1;
  const suffix = Number.parseInt(name.slice(base.length + 1), 10);
  return Number.isNaN(suffix) ? -1 : suffix;
}

/** The session value made of every cookie starting with `base`, in numeric-suffix order (next-auth's SessionStore). */
function joinChunks(cookies: RawCookie[], base: string): string | undefined {
  const chunks = cookies.filter((cookie) => cookie.name.startsWith(base));
  if (chunks.length === 0) return undefined;
  chunks.sort((left, right) => suffixOrder(left.name, base) - suffixOrder(right.name, base));
  let value = "";
  for (const chunk of chunks) value += chunk.value;
  return value;
}

function findToken(
  cookies: RawCookie[],
  authorization: string | null,
  policy: SessionPolicy,
): string | undefined {
  const names = policy.cookieName === "both" ? [SECURE_NAME, PLAIN_NAME] : [policy.cookieName];
  for (const name of names) {
    const value = joinChunks(cookies, name);
    if (value !== undefined) return value;
  }
  if (authorization) {
    const [scheme, credentials] = authorization.split(" ");
    if (scheme === "Bearer" && credentials !== undefined) return percentDecodeBytes(credentials);
  }
  return undefined;
}

/** A stable user id for a token: a hash, never the token itself. */
export function userIdForToken(token: string): string {
  return createHash("sha256").update(Buffer.from(token, "latin1")).digest("hex").slice(0, 32);
}

/**
 * Reads the session of a request: the next-auth cookie (chunked `.0`, `.1`… joined), else
 * `Authorization: Bearer` (percent-decoded into bytes). Header values are latin1 byte strings;
 * tokens are compared byte for byte.
 */
export function resolveSession(
  cookieHeader: string | null,
  authorization: string | null,
  policy: SessionPolicy,
): SessionResult {
  const cookies = parseCookieHeader(cookieHeader);
  const cookieNames = cookies.map((cookie) => cookie.name);
  const token = findToken(cookies, authorization, policy);
  if (!token) return { auth: "missing", cookieNames };
  if (policy.banned.has(token)) return { auth: "rejected", cookieNames };
  if (policy.tokens && !policy.tokens.has(token)) return { auth: "rejected", cookieNames };
  return { auth: "ok", userId: userIdForToken(token), cookieNames };
}
