import type { CookieDraft } from "./cookie-draft.js";
import { cookieDomain, sameSiteOf } from "./parse-helpers.js";

/** Where a `Set-Cookie` header was received. @internal */
export interface SetCookieContext {
  /** The response's host (normalised). */
  host: string;
  /** The request URL's path, for the default cookie path. */
  requestPath: string;
  /** When the response arrived (ms), the base of `Max-Age`. */
  receivedAt: number;
}

/**
 * The default path of RFC 6265 §5.1.4: the request path up to its last `/`, or `/`.
 * @internal
 */
export function defaultCookiePath(requestPath: string): string {
  if (!requestPath.startsWith("/")) return "/";
  const last = requestPath.lastIndexOf("/");
  return last <= 0 ? "/" : requestPath.slice(0, last);
}

/**
 * Parses one `Set-Cookie` header value (a byte string) as RFC 6265 §5.2 does: `name=value`,
 * then `Expires`, `Max-Age` (wins over `Expires`), `Domain` (must domain-match the host, or the
 * cookie is rejected), `Path`, `Secure`, `HttpOnly`, `SameSite`. Without `Domain` it is a host-only
 * cookie of the response's host.
 * @returns the cookie, or `undefined` when a browser would ignore the header.
 * @internal
 */
export function parseSetCookie(header: string, context: SetCookieContext): CookieDraft | undefined {
  const [pair = "", ...attributes] = header.split(";");
  const equals = pair.indexOf("=");
  if (equals < 0) return undefined;
  const name = pair.slice(0, equals).trim();
  const value = pair.slice(equals + 1).trim();
  if (name === "") return undefined;
  let domain = context.host;
  let hostOnly = true;
  let path = defaultCookiePath(context.requestPath);
  let secure = false;
  let httpOnly = false;
  let sameSite: CookieDraft["sameSite"];
  let expires: number | undefined;
  let maxAge: number | undefined;
  for (const attribute of attributes) {
    const split = attribute.indexOf("=");
    const key = (split < 0 ? attribute : attribute.slice(0, split)).trim().toLowerCase();
    const argument = split < 0 ? "" : attribute.slice(split + 1).trim();
    if (key === "expires") {
      const time = Date.parse(argument);
      if (Number.isFinite(time)) expires = time;
    } else if (key === "max-age" && /^-?\d+$/.test(argument)) {
      maxAge = Number(argument);
    } else if (key === "domain" && argument !== "") {
      const parsed = cookieDomain(argument);
      if (parsed === undefined) return undefined;
      if (context.host !== parsed.domain && !context.host.endsWith(`.${parsed.domain}`)) return undefined;
      domain = parsed.domain;
      hostOnly = false;
    } else if (key === "path") {
      path = argument.startsWith("/") ? argument : defaultCookiePath(context.requestPath);
    } else if (key === "secure") {
      secure = true;
    } else if (key === "httponly") {
      httpOnly = true;
    } else if (key === "samesite") {
      sameSite = sameSiteOf(argument);
    }
  }
  // Max-Age <= 0 means "delete now": an expiry in the past makes the cookie drop out.
  // Without a receive time a positive Max-Age has no base; `Expires` (if any) is kept then.
  if (maxAge !== undefined && maxAge <= 0) expires = 1;
  else if (maxAge !== undefined && context.receivedAt > 0) expires = context.receivedAt + maxAge * 1000;
  return {
    name,
    value,
    domain,
    hostOnly,
    path,
    secure,
    httpOnly,
    ...(sameSite === undefined ? {} : { sameSite }),
    ...(expires === undefined ? {} : { expires }),
    creationTime: context.receivedAt,
  };
}
