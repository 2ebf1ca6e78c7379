import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { RunningApiServer, StartApiServerOptions } from "./api-server-options.js";
import { createApiServer } from "./create-api-server.js";

/**
 * Starts the OpenAI-compatible API on a Node HTTP server, on loopback unless `host` says otherwise.
 *
 * @param options - the {@link createApiServer} options plus `host` and `port`.
 * @returns the URL, the port, the app, and `close({ graceMs })` for a graceful shutdown.
 * @throws `ProviderNotFoundError` for a configured provider that is not registered; the
 *   listen error (for example `EADDRINUSE`) when the port is taken.
 * @example
 * ```ts
 * import OpenAI from "openai";
 * const server = await startApiServer({ port: 0 });
 * const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "unused" });
 * const answer = await client.chat.completions.create({ model: "Mock:mock-model", messages: [{ role: "user", content: "Hi" }] });
 * await server.close();
 * ```
 */
export async function startApiServer(options: StartApiServerOptions = {}): Promise<RunningApiServer> {
  const { host = "127.0.0.1", port = 1337, ...appOptions } = options;
  const app = createApiServer(appOptions);
  await app.ready();
  // overrideGlobalObjects: false keeps the process's own Request/Response untouched.
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host, overrideGlobalObjects: false });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    app,
    close: (closeOptions = {}) => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Stop accepting at once; idle keep-alive connections would otherwise hold the server open.
        if ("closeIdleConnections" in server) server.closeIdleConnections();
        await app.close(closeOptions);
        if ("closeAllConnections" in server) server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
