import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A running test server. */
export interface TestServer {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** The Node server, for connection counting and the like. */
  server: Server;
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 with a free port.
 * @param handler - the request handler.
 * @returns its URL and a `close()` that drops open connections.
 * @example
 * ```ts
 * const server = await startTestServer((request, response) => response.end("ok"));
 * await fetch(server.url); await server.close();
 * ```
 */
export async function startTestServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
