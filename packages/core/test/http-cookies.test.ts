import type { AddressInfo } from "node:net";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeHttpConnections, createHttpClient, InvalidRequestError } from "../src/index.js";

// A raw TCP server, so the test sees the request head exactly as the bytes on the wire.
let server: Server;
let url: string;
const heads: Buffer[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end === -1) return;
      heads.push(buffered.subarray(0, end));
      buffered = buffered.subarray(end + 4);
      socket.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeHttpConnections();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("Cookie header", () => {
  it("sends latin1 byte-string cookie values byte for byte", async () => {
    const value = Buffer.from([0x61, 0xff, 0xc3, 0x28, 0x80, 0x7a]).toString("latin1");
    const http = createHttpClient({
      provider: "C",
      baseUrl: url,
      proxy: null,
      cookies: { session: value, b: "2" },
    });
    expect(http.cookieHeader).toBe(`session=${value}; b=2`);
    await (await http.request("/")).text();
    const head = heads.at(-1)!;
    const expected = Buffer.concat([
      Buffer.from("cookie: session="),
      Buffer.from([0x61, 0xff, 0xc3, 0x28, 0x80, 0x7a]),
      Buffer.from("; b=2"),
    ]);
    expect(head.indexOf(expected)).toBeGreaterThan(-1);
  });

  it.each([
    ["a char above U+00FF", { s: "a\u0100" }],
    ["a line break", { s: "a\r\nx-injected: 1" }],
    ["a semicolon", { s: "a;b" }],
    ["a bad name", { "bad name": "secret-value" }],
  ])("rejects a cookie with %s, naming it without its value", (_label, cookies) => {
    try {
      createHttpClient({ provider: "C", baseUrl: url, proxy: null, cookies });
      expect.unreachable();
    } catch (error) {
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      for (const value of Object.values(cookies)) expect((error as Error).message).not.toContain(value);
    }
  });
});
