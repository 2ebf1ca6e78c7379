import type { CookieDraft, ParsedCookieFile } from "./cookie-draft.js";
import { cookieDomain, secondsToMs, skippedIssues } from "./parse-helpers.js";

const httpOnlyPrefix = "#HttpOnly_";

/**
 * Whether text looks like a Netscape `cookies.txt`: the usual header comment, or a line of at
 * least 7 TAB-separated fields whose 2nd and 4th are TRUE/FALSE.
 * @internal
 */
export function looksLikeNetscape(text: string): boolean {
  if (/^#\s*(Netscape )?HTTP Cookie File/im.test(text)) return true;
  return text.split(/\r?\n/).some((line) => parseLine(line) !== undefined);
}

/**
 * Cookies of a Netscape `cookies.txt` (curl, wget, yt-dlp, "Get cookies.txt" extensions), one per
 * line: domain, include-subdomains flag, path, secure, expires (s, 0 = session), name, value (the
 * rest of the line, TABs included). `#HttpOnly_` before the domain marks an HttpOnly cookie; other
 * `#` lines are comments; CRLF is fine. Lines that are not cookies are skipped and counted.
 * @param text - the file as a byte string (read as latin1).
 * @internal
 */
export function parseNetscape(text: string): ParsedCookieFile {
  const cookies: CookieDraft[] = [];
  let skipped = 0;
  let firstBad: number | undefined;
  text.split("\n").forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "" || (line.startsWith("#") && !line.startsWith(httpOnlyPrefix))) return;
    const cookie = parseLine(line);
    if (cookie === undefined) {
      skipped++;
      firstBad ??= index + 1;
      return;
    }
    cookies.push(cookie);
  });
  return {
    format: "netscape",
    cookies,
    issues: skippedIssues(
      skipped,
      `${skipped} line${skipped === 1 ? " is" : "s are"} not cookies (7 TAB-separated fields expected), first at line ${firstBad}; skipped.`,
      firstBad,
    ),
  };
}

function parseLine(line: string): CookieDraft | undefined {
  const httpOnly = line.startsWith(httpOnlyPrefix);
  const fields = (httpOnly ? line.slice(httpOnlyPrefix.length) : line).split("\t");
  if (fields.length < 7) return undefined;
  const [rawDomain, flag, path, secure, expiry, name] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const flagUpper = flag.toUpperCase();
  const secureUpper = secure.toUpperCase();
  if ((flagUpper !== "TRUE" && flagUpper !== "FALSE") || (secureUpper !== "TRUE" && secureUpper !== "FALSE"))
    return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(expiry.trim())) return undefined;
  const domain = cookieDomain(rawDomain);
  if (domain === undefined || name === "") return undefined;
  const expires = secondsToMs(expiry);
  return {
    name,
    value: fields.slice(6).join("\t"),
    domain: domain.domain,
    hostOnly: !domain.dotted && flagUpper === "FALSE",
    path: path.startsWith("/") ? path : "/",
    secure: secureUpper === "TRUE",
    httpOnly,
    ...(expires === undefined ? {} : { expires }),
  };
}
