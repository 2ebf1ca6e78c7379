import type { CookieDraft, FileIssue, ParsedCookieFile } from "./cookie-draft.js";
import { cookieDomain, isObject, pathOf, type ToBytes } from "./parse-helpers.js";
import { parseSetCookie } from "./parse-set-cookie.js";

interface EntryTarget {
  host: string;
  path: string;
}

/**
 * Cookies of a HAR 1.2 file (`log.entries`), entry by entry so later ones win: a request's
 * `cookies` (or its `Cookie` header) belong to the entry's host and its parents up to the
 * registrable domain; a response's `cookies` (or its `Set-Cookie` headers) to their `domain`,
 * else to the host alone. A HAR with entries but no cookie value at all was exported sanitized:
 * that is reported as `HAR_SANITIZED`.
 * @internal
 */
export function parseHar(entries: readonly unknown[], toBytes: ToBytes): ParsedCookieFile {
  const found = new Map<string, CookieDraft>();
  const put = (key: string, cookie: CookieDraft): void => {
    // Delete first so the Map's order is "last seen", as a browser jar would have it.
    found.delete(key);
    found.set(key, cookie);
  };
  let skipped = 0;
  for (const entry of entries) {
    const request = isObject(entry) && isObject(entry.request) ? entry.request : undefined;
    const target = request === undefined ? undefined : entryTarget(request);
    if (!isObject(entry) || request === undefined || target === undefined) {
      skipped++;
      continue;
    }
    const started =
      typeof entry.startedDateTime === "string" ? Date.parse(entry.startedDateTime) : Number.NaN;
    const receivedAt = Number.isFinite(started) ? started : 0;
    for (const [name, value] of requestCookies(request, toBytes)) {
      put(`request\u0000${target.host}\u0000${name}`, {
        name,
        value,
        domain: target.host,
        hostOnly: true,
        path: "/",
        secure: false,
        httpOnly: false,
        sentTo: target.host,
        ...(receivedAt > 0 ? { creationTime: receivedAt } : {}),
      });
    }
    const response = isObject(entry.response) ? entry.response : undefined;
    if (response === undefined) continue;
    for (const cookie of responseCookies(response, target, receivedAt, toBytes)) {
      put(
        `response\u0000${cookie.domain}\u0000${cookie.hostOnly}\u0000${cookie.path}\u0000${cookie.name}`,
        cookie,
      );
    }
  }
  const cookies = [...found.values()];
  const issues: FileIssue[] = [];
  if (skipped > 0)
    issues.push({
      code: "BAD_FILE",
      count: skipped,
      message: `${skipped} HAR entries have no request URL; skipped.`,
    });
  if (entries.length > skipped && cookies.every((cookie) => cookie.value === "")) {
    issues.push({
      code: "HAR_SANITIZED",
      count: entries.length - skipped,
      message: `The HAR has ${entries.length - skipped} entries but no cookie values: it was exported sanitized. In the browser's DevTools use "Export HAR (with sensitive data)".`,
    });
  }
  return { format: "har", cookies: cookies.filter((cookie) => cookie.value !== ""), issues };
}

function entryTarget(request: Record<string, unknown>): EntryTarget | undefined {
  let url: URL | undefined;
  try {
    url = typeof request.url === "string" ? new URL(request.url) : undefined;
  } catch {
    url = undefined;
  }
  // HTTP/2 captures name the host in `:authority`; proxies may rewrite the URL, not the header.
  const header = headerValues(request, (name) => name === "host" || name === ":authority")[0];
  const hostText = header ?? url?.host;
  if (hostText === undefined) return undefined;
  const host = cookieDomain(hostText.replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1"));
  if (host === undefined) return undefined;
  return { host: host.domain, path: url?.pathname ?? "/" };
}

function headerValues(message: Record<string, unknown>, wanted: (name: string) => boolean): string[] {
  if (!Array.isArray(message.headers)) return [];
  return message.headers.flatMap((header: unknown) =>
    isObject(header) &&
    typeof header.name === "string" &&
    typeof header.value === "string" &&
    wanted(header.name.toLowerCase())
      ? [header.value]
      : [],
  );
}

function requestCookies(request: Record<string, unknown>, toBytes: ToBytes): [string, string][] {
  const listed = Array.isArray(request.cookies)
    ? request.cookies.flatMap((cookie: unknown): [string, string][] =>
        isObject(cookie) &&
        typeof cookie.name === "string" &&
        typeof cookie.value === "string" &&
        cookie.name !== ""
          ? [[toBytes(cookie.name), toBytes(cookie.value)]]
          : [],
      )
    : [];
  if (listed.length > 0) return listed;
  // Some tools fill only the header: `a=1; b=2`.
  return headerValues(request, (name) => name === "cookie").flatMap((header) =>
    toBytes(header)
      .split(";")
      .flatMap((pair): [string, string][] => {
        const equals = pair.indexOf("=");
        const name = equals < 0 ? "" : pair.slice(0, equals).trim();
        return name === "" ? [] : [[name, pair.slice(equals + 1).trim()]];
      }),
  );
}

function responseCookies(
  response: Record<string, unknown>,
  target: EntryTarget,
  receivedAt: number,
  toBytes: ToBytes,
): CookieDraft[] {
  const listed = Array.isArray(response.cookies)
    ? response.cookies.flatMap((cookie: unknown): CookieDraft[] => {
        if (!isObject(cookie) || typeof cookie.name !== "string" || typeof cookie.value !== "string")
          return [];
        const domain = cookie.domain === undefined ? undefined : cookieDomain(cookie.domain);
        if (cookie.domain !== undefined && domain === undefined) return [];
        if (
          domain !== undefined &&
          target.host !== domain.domain &&
          !target.host.endsWith(`.${domain.domain}`)
        )
          return [];
        const expiresText = typeof cookie.expires === "string" ? Date.parse(cookie.expires) : Number.NaN;
        return [
          {
            name: toBytes(cookie.name),
            value: toBytes(cookie.value),
            domain: domain?.domain ?? target.host,
            hostOnly: domain === undefined,
            path: pathOf(cookie.path, toBytes),
            secure: cookie.secure === true,
            httpOnly: cookie.httpOnly === true,
            ...(Number.isFinite(expiresText) ? { expires: expiresText } : {}),
            ...(receivedAt > 0 ? { creationTime: receivedAt } : {}),
          },
        ];
      })
    : [];
  if (listed.length > 0) return listed;
  const context = { host: target.host, requestPath: target.path, receivedAt };
  return headerValues(response, (name) => name === "set-cookie")
    .flatMap((header) => toBytes(header).split("\n"))
    .flatMap((line) => parseSetCookie(line, context) ?? []);
}
