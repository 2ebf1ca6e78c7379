import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildApp } from "./app/create-app.js";
import type { FaultRule } from "./fault-types.js";
import { createNodeListener } from "./http/node-adapter.js";
import type { StartOpenAssistantServerOptions } from "./options.js";
import type { ServerState, WaitForIdleOptions } from "./server-state.js";

/** A reference server listening on a port. */
export interface RunningOpenAssistantServer {
  /** The base URL, e.g. `http://127.0.0.1:43817` (no trailing slash). */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The live bookkeeping. */
  state: ServerState;
  /**
   * Adds a fault rule and returns its id.
   * @throws {@link InvalidServerOptionError} when the rule is invalid.
   */
  addFault(rule: FaultRule): string;
  /** Removes a fault rule; unknown ids are ignored. */
  removeFault(id: string): void;
  /** Clears faults, records, chats and their generations (between tests). */
  reset(): void;
  /**
   * Resolves when no request, event stream or generation is in flight.
   * @throws {@link IdleTimeoutError} after `timeoutMs` (5000 by default).
   */
  waitForIdle(options?: WaitForIdleOptions): Promise<void>;
  /** Stops generations and closes every socket promptly, open streams included. */
  close(): Promise<void>;
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Starts the reference server of the Open Assistant web API on `host:port` (127.0.0.1:0 by default).
 * @param options - the server's options plus where to listen.
 * @returns the running server once it listens.
 * @throws {@link InvalidServerOptionError} when an option or fault rule is invalid.
 */
export async function startOpenAssistantServer(
  options: StartOpenAssistantServerOptions = {},
): Promise<RunningOpenAssistantServer> {
  const { host = "127.0.0.1", port = 0, ...serverOptions } = options;
  const { app, runtime, handler } = buildApp(serverOptions);
  const server = createServer({ keepAliveTimeout: 5000 }, createNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${formatHost(host)}:${address.port}`,
    port: address.port,
    state: runtime.state,
    addFault: app.addFault,
    removeFault: app.removeFault,
    reset: app.reset,
    waitForIdle: app.waitForIdle,
    close() {
      closing ??= new Promise<void>((resolve) => {
        runtime.shutdown();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
