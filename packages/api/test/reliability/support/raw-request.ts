import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

/** What a raw request got back. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Options of {@link postRaw}. */
export interface RawRequestOptions {
  /** Request headers, sent as given (no content-length unless you set one: chunked then). */
  headers?: Record<string, string>;
  /** Body pieces, written one after the other. */
  chunks: ReadonlyArray<Uint8Array | string>;
}

/**
 * POSTs bytes with node:http, so the test controls framing (chunked, a lying content-length) and
 * still reads the reply when the server answers before the upload is done.
 * @param url - the full URL.
 * @param options - headers and body pieces.
 * @returns status, headers and body text.
 */
export function postRaw(url: string, options: RawRequestOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: options.headers ?? {}, agent: false });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const pieces: Buffer[] = [];
      response.on("data", (piece: Buffer) => pieces.push(piece));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(pieces).toString("utf8"),
        }),
      );
      response.on("error", reject);
    });
    // The server may answer and close while we still upload: that is the point, not a failure,
    // as long as a response came; a socket error before any response is one.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    request.on("close", () => {
      if (!answered) reject(new Error("the connection closed without a response"));
    });
    (async () => {
      for (const chunk of options.chunks) {
        if (request.destroyed) return;
        if (!request.write(chunk)) await new Promise<void>((resolve) => request.once("drain", resolve));
      }
      request.end();
    })().catch(() => undefined);
  });
}
