import type { Dispatcher } from "undici";

/** A reply from {@link sendBuffered}: status, raw headers and a Node stream body. @internal */
export interface BufferedReply {
  /** HTTP status. */
  status: number;
  /** Lower-cased header names to values, as undici parsed them. */
  rawHeaders: Record<string, string | string[] | undefined>;
  /** The body; read it (`text()`) or `dump()` it so the connection is reused. */
  body: Dispatcher.ResponseData["body"];
}

/**
 * Sends a request with undici's `dispatcher.request()` rather than `fetch`. For a reply read
 * whole (JSON), fetch's WHATWG Request, Response, Headers and body streams cost more CPU than
 * the request itself: in the chat benchmark the four JSON steps took about half the client time
 * through fetch. Redirects are not followed here; the caller resends a 3xx through fetch.
 * @param dispatcher - the shared keep-alive pool (direct or proxy).
 * @param url - absolute request URL, parsed or not (a bad one rejects, as fetch would).
 * @param init - method, headers, body, signal.
 * @returns status, headers and body once the headers arrive.
 * @internal
 */
export async function sendBuffered(
  dispatcher: Dispatcher,
  url: URL | string,
  init: { method: string; headers: Record<string, string>; body: string | undefined; signal: AbortSignal },
): Promise<BufferedReply> {
  const target = typeof url === "string" ? new URL(url) : url;
  const reply: Dispatcher.ResponseData = await dispatcher.request({
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method: init.method as Dispatcher.HttpMethod,
    headers: init.headers,
    body: init.body ?? null,
    signal: init.signal,
  });
  return { status: reply.statusCode, rawHeaders: reply.headers, body: reply.body };
}

/**
 * Turns undici's raw headers into a `Headers` object, for error mapping and debug events only.
 * @internal
 */
export function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A value `Headers` refuses (a stray control byte) is of no use to error mapping.
      }
    }
  }
  return headers;
}
