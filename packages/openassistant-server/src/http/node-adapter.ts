// Our own node:http bridge instead of @hono/node-server: that adapter adds
// `Content-Type: text/plain` to every reply without one (the protocol needs empty replies
// without it, e.g. the 403), and the `reset` fault needs the raw socket before any byte is sent.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { RequestHandler } from "../app/handle-request.js";
import { isNoReply } from "./replies.js";

function toRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const host = incoming.headers.host ?? "127.0.0.1";
  const url = new URL(incoming.url ?? "/", `http://${host}`);
  const headers = new Headers();
  // Node joins repeated headers (cookies with "; "); values stay latin1 byte strings.
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

async function writeBody(body: ReadableStream<Uint8Array>, outgoing: ServerResponse): Promise<void> {
  const reader = body.getReader();
  const cancel = (): void => {
    reader.cancel().catch(() => {});
  };
  outgoing.once("close", cancel);
  let flushed: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let written = true;
      flushed = new Promise<void>((resolve) => {
        written = outgoing.write(value, () => resolve());
      });
      if (!written) {
        await new Promise<void>((resolve) => {
          const settle = (): void => {
            outgoing.off("drain", settle);
            outgoing.off("close", settle);
            resolve();
          };
          outgoing.on("drain", settle);
          outgoing.on("close", settle);
        });
        if (outgoing.destroyed) return;
      }
    }
    outgoing.end();
  } catch {
    // The body errored (the `drop` fault): let what was written reach the client, then kill the
    // connection without the terminating chunk.
    await Promise.race([flushed, new Promise((resolve) => outgoing.once("close", resolve))]);
    outgoing.destroy();
  } finally {
    outgoing.off("close", cancel);
  }
}

/** A node:http request listener running `handler`. */
export function createNodeListener(
  handler: RequestHandler,
): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  return (incoming, outgoing) => {
    const controller = new AbortController();
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) controller.abort(new Error("The client closed the connection."));
    });
    const request = toRequest(incoming, controller.signal);
    const connection = {
      reset(): void {
        const socket = incoming.socket;
        if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
        else socket.destroy();
      },
    };
    void handler(request, connection).then(async (response) => {
      if (isNoReply(response) || outgoing.destroyed) {
        await response.body?.cancel().catch(() => {});
        if (!outgoing.destroyed && !outgoing.headersSent) outgoing.destroy();
        return;
      }
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of response.headers) {
        const existing = headers[name];
        if (existing === undefined) headers[name] = value;
        else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      }
      if (!response.body) {
        headers["content-length"] = "0";
        outgoing.writeHead(response.status, headers);
        outgoing.end();
        return;
      }
      if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
        // Small replies go out whole, with a Content-Length, as Next.js sent them.
        const bytes = new Uint8Array(await response.arrayBuffer());
        headers["content-length"] = String(bytes.byteLength);
        outgoing.writeHead(response.status, headers);
        outgoing.end(bytes);
        return;
      }
      outgoing.writeHead(response.status, headers);
      outgoing.flushHeaders();
      await writeBody(response.body, outgoing);
    });
  };
}
