import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CookieRecord, getCookieList, getCookies, toCookieHeader } from "../src/index.js";
import { encryptChromium, makeChromiumDb, makeFirefoxDb } from "../src/testing.js";
import { isolated, useHomes } from "./support/homes.js";

const newHome = useHomes();
const bytes = Buffer.from([0x61, 0xff, 0xc3, 0x28, 0x80, 0x7a]);
const value = bytes.toString("latin1");
let server: Server;
let baseUrl: string;
const received: Buffer[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    // rawHeaders are latin1 strings: one code unit per byte received.
    const index = request.rawHeaders.findIndex(
      (name, position) => position % 2 === 0 && name.toLowerCase() === "cookie",
    );
    received.push(Buffer.from(index < 0 ? "" : request.rawHeaders[index + 1]!, "latin1"));
    response.end("ok");
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function send(header: string): Promise<Buffer> {
  const response = await fetch(`${baseUrl}/`, { headers: { cookie: header } });
  await response.text();
  return received.at(-1)!;
}

const expected = Buffer.concat([Buffer.from("bin="), bytes]);

describe("values reach the wire byte for byte", () => {
  it("from a Chromium database (v10, meta 24)", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: ".example.com",
        name: "bin",
        encryptedValue: encryptChromium(bytes, { hostKey: ".example.com" }),
      },
    ]);
    const cookies = await getCookies("example.com", { ...isolated(home), browsers: ["chrome"] });
    expect(await send(toCookieHeader(cookies))).toEqual(expected);
  });

  it("from a Chromium database's clear value column", async () => {
    const home = await newHome("linux", { chromium: {} });
    await makeChromiumDb(home.cookiesPath("chromium"), [{ hostKey: ".example.com", name: "bin", value }]);
    const cookies = await getCookies("example.com", { ...isolated(home), browsers: ["chromium"] });
    expect(await send(toCookieHeader(cookies))).toEqual(expected);
  });

  it("from a Firefox database", async () => {
    const home = await newHome("linux", { firefox: {} });
    await makeFirefoxDb(home.cookiesPath("firefox"), [{ host: ".example.com", name: "bin", value }]);
    const { cookies } = await getCookieList("example.com", { ...isolated(home), browsers: ["firefox"] });
    expect(await send(toCookieHeader(cookies, "http://example.com/"))).toEqual(expected);
  });

  it("from a cookies.txt and from a HAR", async () => {
    const home = await newHome("linux");
    const dir = join(home.home, "files");
    await mkdir(dir);
    await writeFile(
      join(dir, "a.txt"),
      Buffer.concat([Buffer.from(".example.com\tTRUE\t/\tFALSE\t0\tbin\t"), bytes, Buffer.from("\n")]),
      { mode: 0o600 },
    );
    expect(
      await send(
        toCookieHeader(await getCookies("example.com", { ...home.options, cookiesDir: dir, browsers: [] })),
      ),
    ).toEqual(expected);
    const harDir = join(home.home, "har");
    await mkdir(harDir);
    await writeFile(
      join(harDir, "s.har"),
      Buffer.concat([
        Buffer.from(
          '{"log":{"entries":[{"request":{"url":"https://example.com/","cookies":[{"name":"bin","value":"',
        ),
        bytes,
        Buffer.from('"}]}}]}}'),
      ]),
      { mode: 0o600 },
    );
    const warnings: string[] = [];
    const cookies = await getCookies("example.com", {
      ...home.options,
      cookiesDir: harDir,
      browsers: [],
      onWarning: (warning) => warnings.push(warning.code),
    });
    expect(await send(toCookieHeader(cookies))).toEqual(expected);
    expect(warnings).toEqual(["NOT_UTF8"]);
  });

  it("scopes records to the request URL (host, path, Secure) so a redirect to another host gets nothing", async () => {
    const { createCookieRecord } = await import("../src/index.js");
    const make = (name: string, fields: Partial<CookieRecord>): CookieRecord =>
      createCookieRecord({
        name,
        value: "v",
        domain: "example.com",
        hostOnly: false,
        path: "/",
        secure: false,
        httpOnly: false,
        source: { kind: "caller" },
        ...fields,
      });
    const cookies = [
      make("root", {}),
      make("api", { path: "/api", creationTime: 1 }),
      make("secure", { secure: true }),
      make("host", { hostOnly: true }),
    ];
    expect(await send(toCookieHeader(cookies, "http://www.example.com/api/chat"))).toEqual(
      Buffer.from("api=v; root=v"),
    );
    expect(toCookieHeader(cookies, "https://example.com/apix")).toBe("root=v; secure=v; host=v");
    expect(toCookieHeader(cookies, "https://evil-example.com/")).toBe("");
  });
});
