// Through a real forward proxy (the npm package `proxy`) on 127.0.0.1: the chat's requests go
// through it (undici tunnels with CONNECT, also for http targets), and the answer is as direct.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { NetworkError } from "@g4f/core";
import type { RunningOpenAssistantServer } from "@g4f/openassistant-server";
import { createProxy, type ProxyServer } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChat, startServer } from "./support/server.js";

let server: RunningOpenAssistantServer;
let proxy: ProxyServer;
let proxyUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  server = await startServer({ mode: "echo" });
  proxy = createProxy(createServer());
  proxy.on("connect", (request: IncomingMessage) => seen.push(`${request.method} ${request.url}`));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
});

describe("proxy", () => {
  it("tunnels the five requests through the proxy and deletes the chat", async () => {
    const outcome = await runChat(server, "via the proxy", { proxy: proxyUrl });
    expect(outcome.error).toBeUndefined();
    expect(outcome.text).toBe("via the proxy");
    const target = new URL(server.url).host;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((line) => line === `CONNECT ${target}`)).toBe(true);
    expect(server.state.requests.map((request) => request.method)).toEqual([
      "POST",
      "POST",
      "POST",
      "POST",
      "DELETE",
    ]);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("a proxy that is not there is a NetworkError, and nothing reaches the server", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    server.reset();
    const outcome = await runChat(server, "x", { proxy: `http://127.0.0.1:${port}` });
    expect(outcome.error).toBeInstanceOf(NetworkError);
    expect(server.state.requests).toEqual([]);
  });
});
