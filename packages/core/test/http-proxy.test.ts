import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxy } from "proxy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeHttpConnections, createHttpClient, InvalidRequestError } from "../src/index.js";
import { startTestServer, type TestServer } from "../src/testing.js";

let target: TestServer;
let proxy: ReturnType<typeof createProxy>;
let proxyUrl: string;
let proxied = 0;
let targetHits = 0;
const savedProxy = process.env.G4F_PROXY;

beforeAll(async () => {
  target = await startTestServer((_request, response) => {
    targetHits++;
    response.end("through");
  });
  proxy = createProxy(createHttpServer());
  // CONNECT tunnels and plain forwarded requests both count as traffic through the proxy.
  proxy.on("connect", () => {
    proxied++;
  });
  proxy.on("request", () => {
    proxied++;
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterEach(() => {
  if (savedProxy === undefined) delete process.env.G4F_PROXY;
  else process.env.G4F_PROXY = savedProxy;
});

afterAll(async () => {
  await closeHttpConnections();
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await target.close();
});

describe("proxy support", () => {
  it("sends requests through the proxy given per call", async () => {
    const before = proxied;
    const response = await createHttpClient({ provider: "P", baseUrl: target.url, proxy: proxyUrl }).request(
      "/",
    );
    expect(await response.text()).toBe("through");
    expect(proxied).toBeGreaterThan(before);
  });

  it("uses G4F_PROXY when no proxy is given, and null forces a direct connection", async () => {
    process.env.G4F_PROXY = proxyUrl;
    await closeHttpConnections();
    const before = proxied;
    await (await createHttpClient({ provider: "P", baseUrl: target.url }).request("/env")).text();
    expect(proxied).toBeGreaterThan(before);
    const afterProxied = proxied;
    const hitsBefore = targetHits;
    await (
      await createHttpClient({ provider: "P", baseUrl: target.url, proxy: null }).request("/direct")
    ).text();
    expect(proxied).toBe(afterProxied);
    expect(targetHits).toBe(hitsBefore + 1);
  });

  it("rejects a proxy URL with an unsupported scheme without echoing credentials", () => {
    try {
      createHttpClient({ provider: "P", baseUrl: target.url, proxy: "ftp://user:hunter2@127.0.0.1:1" });
      expect.unreachable();
    } catch (error) {
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});
