import { truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CookieFileFormatError, readCookieFile } from "../src/index.js";
import { useTempDirs } from "./support/temp-dir.js";

const tempDir = useTempDirs();
const now = Date.UTC(2026, 0, 1);
const future = now / 1000 + 86_400;
const past = now / 1000 - 86_400;

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, content, { mode: 0o600 });
  return path;
}

const summary = (cookies: { name: string; value: string; domain: string; hostOnly: boolean }[]) =>
  cookies.map((cookie) => ({
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    hostOnly: cookie.hostOnly,
  }));

describe("readCookieFile: extension JSON", () => {
  it("reads Cookie-Editor arrays with hostOnly, expiry, path, flags and sameSite", async () => {
    const path = await write(
      "export.json",
      JSON.stringify([
        {
          domain: ".example.com",
          name: "sid",
          value: "abc",
          path: "/",
          secure: true,
          httpOnly: true,
          sameSite: "no_restriction",
          expirationDate: future,
        },
        { domain: "example.com", hostOnly: true, name: "host", value: "h", path: "/app" },
        { domain: "example.com", name: "old", value: "x", expirationDate: past },
        { domain: "other.org", name: "foreign", value: "f" },
      ]),
    );
    const result = await readCookieFile(path, { domain: "example.com", now: () => now });
    expect(result.format).toBe("extension-json");
    expect(summary(result.cookies)).toEqual([
      { name: "sid", value: "abc", domain: "example.com", hostOnly: false },
      { name: "host", value: "h", domain: "example.com", hostOnly: true },
    ]);
    const [sid, host] = result.cookies;
    expect(sid).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: "none",
      expires: future * 1000,
      path: "/",
    });
    expect(sid?.source).toEqual({ kind: "file", path, format: "extension-json" });
    expect(host?.path).toBe("/app");
    expect(result.warnings).toEqual([]);
  });

  it("treats a cookie without hostOnly as a domain cookie (sent to subdomains)", async () => {
    const path = await write(
      "export.json",
      JSON.stringify([{ domain: "example.com", name: "a", value: "1" }]),
    );
    const result = await readCookieFile(path, { domain: "chat.example.com" });
    expect(result.cookies.map((cookie) => cookie.name)).toEqual(["a"]);
  });

  it("skips entries without name, value or domain and says how many", async () => {
    const path = await write(
      "export.json",
      JSON.stringify([
        { domain: "example.com", name: "ok", value: "1" },
        { domain: "example.com", name: "novalue" },
        { value: "x" },
      ]),
    );
    const result = await readCookieFile(path);
    expect(result.cookies.map((cookie) => cookie.name)).toEqual(["ok"]);
    expect(result.warnings).toMatchObject([{ code: "BAD_FILE", count: 2, source: path }]);
  });

  it("keeps every cookie of the file when no domain is given", async () => {
    const path = await write(
      "export.json",
      JSON.stringify([
        { domain: "a.com", name: "a", value: "1" },
        { domain: "b.com", name: "b", value: "2" },
      ]),
    );
    expect((await readCookieFile(path)).cookies.map((cookie) => cookie.domain)).toEqual(["a.com", "b.com"]);
  });
});

describe("readCookieFile: Playwright storageState", () => {
  it("reads cookies with a leading dot as domain cookies and -1 as session", async () => {
    const path = await write(
      "state.json",
      JSON.stringify({
        cookies: [
          {
            name: "s",
            value: "1",
            domain: ".example.com",
            path: "/",
            expires: -1,
            httpOnly: true,
            secure: true,
            sameSite: "Lax",
          },
          {
            name: "h",
            value: "2",
            domain: "example.com",
            path: "/",
            expires: future,
            httpOnly: false,
            secure: false,
            sameSite: "Strict",
          },
        ],
        origins: [],
      }),
    );
    const result = await readCookieFile(path, { domain: "example.com", now: () => now });
    expect(result.format).toBe("storage-state");
    expect(summary(result.cookies)).toEqual([
      { name: "s", value: "1", domain: "example.com", hostOnly: false },
      { name: "h", value: "2", domain: "example.com", hostOnly: true },
    ]);
    expect(result.cookies[0]?.expires).toBeUndefined();
    expect(result.cookies[0]?.sameSite).toBe("lax");
    expect(result.cookies[1]).toMatchObject({ expires: future * 1000, sameSite: "strict" });
  });
});

describe("readCookieFile: g4f JSON", () => {
  it("reads domain → {name: value} as domain cookies", async () => {
    const path = await write(
      "g4f.json",
      JSON.stringify({ "example.com": { a: "1", b: "2" }, "other.org": { c: "3" } }),
    );
    const result = await readCookieFile(path, { domain: "www.example.com" });
    expect(result.format).toBe("g4f-json");
    expect(summary(result.cookies)).toEqual([
      { name: "a", value: "1", domain: "example.com", hostOnly: false },
      { name: "b", value: "2", domain: "example.com", hostOnly: false },
    ]);
  });
});

describe("readCookieFile: Netscape cookies.txt", () => {
  const lines = [
    "# Netscape HTTP Cookie File",
    "# https://curl.se/docs/http-cookies.html",
    "",
    `.example.com\tTRUE\t/\tTRUE\t${future}\tsid\tabc`,
    `#HttpOnly_example.com\tFALSE\t/\tFALSE\t0\tsession\twith\ttabs`,
    `example.com\tFALSE\t/\tFALSE\t${past}\told\tx`,
    `evil-example.com\tFALSE\t/\tFALSE\t0\tevil\tx`,
  ];

  it("reads domain, flags, expiry, #HttpOnly_ lines and values with TABs", async () => {
    const path = await write("cookies.txt", lines.join("\n"));
    const result = await readCookieFile(path, { domain: "example.com", now: () => now });
    expect(result.format).toBe("netscape");
    expect(summary(result.cookies)).toEqual([
      { name: "sid", value: "abc", domain: "example.com", hostOnly: false },
      { name: "session", value: "with\ttabs", domain: "example.com", hostOnly: true },
    ]);
    expect(result.cookies[0]).toMatchObject({ secure: true, httpOnly: false, expires: future * 1000 });
    expect(result.cookies[1]).toMatchObject({ secure: false, httpOnly: true });
    expect(result.cookies[1]?.expires).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it("reads CRLF files the same way", async () => {
    const path = await write("cookies.txt", lines.join("\r\n"));
    const result = await readCookieFile(path, { domain: "example.com", now: () => now });
    expect(result.cookies.map((cookie) => [cookie.name, cookie.value])).toEqual([
      ["sid", "abc"],
      ["session", "with\ttabs"],
    ]);
  });

  it("reports lines that are not cookies with the first line number", async () => {
    const path = await write(
      "cookies.txt",
      [lines[0], `.example.com\tTRUE\t/\tFALSE\t0\ta\t1`, "garbage here", "x\ty"].join("\n"),
    );
    const result = await readCookieFile(path);
    expect(result.cookies).toHaveLength(1);
    expect(result.warnings).toMatchObject([{ code: "BAD_FILE", count: 2 }]);
    expect(CookieFileFormatError.isInstance(result.warnings[0]?.error)).toBe(true);
    expect((result.warnings[0]!.error as CookieFileFormatError).line).toBe(3);
  });
});

describe("readCookieFile: HAR", () => {
  const har = (entries: unknown[]) =>
    JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } });
  const entry = (
    url: string,
    request: object,
    response: object = {},
    started = "2025-12-31T00:00:00.000Z",
  ) => ({
    startedDateTime: started,
    request: { method: "GET", url, httpVersion: "HTTP/1.1", headers: [], cookies: [], ...request },
    response: { status: 200, headers: [], cookies: [], ...response },
  });

  it("gives request cookies to the entry's host and its parents; later entries win", async () => {
    const path = await write(
      "session.har",
      har([
        entry("https://chat.example.com/api", { cookies: [{ name: "sid", value: "first" }] }),
        entry(
          "https://chat.example.com/api",
          { cookies: [{ name: "sid", value: "second" }] },
          {},
          "2025-12-31T00:01:00.000Z",
        ),
        entry("https://evil-example.com/", { cookies: [{ name: "evil", value: "x" }] }),
      ]),
    );
    const parent = await readCookieFile(path, { domain: "example.com" });
    expect(parent.format).toBe("har");
    expect(summary(parent.cookies)).toEqual([
      { name: "sid", value: "second", domain: "example.com", hostOnly: false },
    ]);
    const exact = await readCookieFile(path, { domain: "chat.example.com" });
    expect(summary(exact.cookies)).toEqual([
      { name: "sid", value: "second", domain: "chat.example.com", hostOnly: true },
    ]);
    expect((await readCookieFile(path, { domain: "other.example.com" })).cookies).toEqual([]);
  });

  it("reads the Cookie header when the cookies array is empty, and Set-Cookie headers", async () => {
    const path = await write(
      "session.har",
      har([
        entry(
          "https://example.com/login/form",
          { headers: [{ name: "Cookie", value: "a=1; b=2" }] },
          {
            headers: [
              {
                name: "Set-Cookie",
                value: "token=t0k; Domain=example.com; Path=/; Secure; HttpOnly; Max-Age=3600",
              },
              { name: "set-cookie", value: "local=l; SameSite=Strict" },
              { name: "Set-Cookie", value: "foreign=x; Domain=other.org" },
            ],
          },
        ),
      ]),
    );
    const result = await readCookieFile(path, {
      domain: "example.com",
      now: () => Date.parse("2025-12-31T00:00:10Z"),
    });
    expect(result.cookies.map((cookie) => [cookie.name, cookie.value, cookie.hostOnly, cookie.path])).toEqual(
      [
        ["a", "1", true, "/"],
        ["b", "2", true, "/"],
        ["token", "t0k", false, "/"],
        ["local", "l", true, "/login"],
      ],
    );
    expect(result.cookies[2]).toMatchObject({
      secure: true,
      httpOnly: true,
      expires: Date.parse("2025-12-31T01:00:00Z"),
    });
  });

  it("uses response cookies with their domain and expiry", async () => {
    const path = await write(
      "session.har",
      har([
        entry(
          "https://www.example.com/",
          {},
          {
            cookies: [
              {
                name: "r",
                value: "v",
                domain: ".example.com",
                path: "/",
                expires: "2030-01-01T00:00:00.000Z",
                httpOnly: true,
                secure: true,
              },
            ],
          },
        ),
      ]),
    );
    const result = await readCookieFile(path, { domain: "example.com", now: () => now });
    expect(summary(result.cookies)).toEqual([
      { name: "r", value: "v", domain: "example.com", hostOnly: false },
    ]);
    expect(result.cookies[0]?.expires).toBe(Date.parse("2030-01-01T00:00:00.000Z"));
  });

  it("warns HAR_SANITIZED for a HAR exported without cookies", async () => {
    const path = await write(
      "sanitized.har",
      har([entry("https://example.com/", {}), entry("https://example.com/x", {})]),
    );
    const result = await readCookieFile(path, { domain: "example.com" });
    expect(result.cookies).toEqual([]);
    expect(result.warnings).toMatchObject([{ code: "HAR_SANITIZED", count: 2, source: path }]);
    expect(result.warnings[0]?.message).toContain("with sensitive data");
  });
});

describe("readCookieFile: encodings and bytes", () => {
  const bytes = Buffer.from([0x61, 0xff, 0xc3, 0x28, 0x80, 0x7a]);

  it("keeps non-UTF-8 bytes of a cookies.txt byte for byte", async () => {
    const path = await write(
      "cookies.txt",
      Buffer.concat([Buffer.from(".example.com\tTRUE\t/\tFALSE\t0\tbin\t"), bytes, Buffer.from("\n")]),
    );
    const [cookie] = (await readCookieFile(path, { domain: "example.com" })).cookies;
    expect(Buffer.from(cookie!.value, "latin1").equals(bytes)).toBe(true);
  });

  it("reads a non-UTF-8 JSON file as latin1 and warns NOT_UTF8", async () => {
    const path = await write(
      "export.json",
      Buffer.concat([
        Buffer.from('[{"domain":"example.com","name":"bin","value":"'),
        bytes,
        Buffer.from('"}]'),
      ]),
    );
    const result = await readCookieFile(path, { domain: "example.com" });
    expect(Buffer.from(result.cookies[0]!.value, "latin1").equals(bytes)).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["NOT_UTF8"]);
  });

  it("re-encodes UTF-8 strings as their UTF-8 bytes", async () => {
    const path = await write(
      "export.json",
      JSON.stringify([{ domain: "example.com", name: "u", value: "é€" }]),
    );
    const [cookie] = (await readCookieFile(path)).cookies;
    expect(Buffer.from(cookie!.value, "latin1").toString("utf8")).toBe("é€");
  });

  it("reads UTF-8 with a BOM and UTF-16 LE/BE with a BOM", async () => {
    const text = JSON.stringify([{ domain: "example.com", name: "u", value: "é" }]);
    const utf16be = Buffer.from(text, "utf16le").swap16();
    for (const content of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    ]) {
      const result = await readCookieFile(await write("export.json", content));
      expect(result.cookies.map((cookie) => Buffer.from(cookie.value, "latin1").toString("utf8"))).toEqual([
        "é",
      ]);
      expect(result.warnings).toEqual([]);
    }
  });

  it("skips a value holding CR, LF or NUL with UNSENDABLE_VALUE instead of altering it", async () => {
    const path = await write(
      "export.json",
      JSON.stringify([
        { domain: "example.com", name: "bad", value: "a\r\nSet-Cookie: x=1" },
        { domain: "example.com", name: "nul", value: "a\u0000b" },
        { domain: "example.com", name: "ok", value: "1" },
      ]),
    );
    const result = await readCookieFile(path);
    expect(result.cookies.map((cookie) => cookie.name)).toEqual(["ok"]);
    expect(result.warnings).toMatchObject([{ code: "UNSENDABLE_VALUE", count: 2 }]);
    expect(result.warnings[0]?.message).not.toContain("Set-Cookie");
  });
});

describe("readCookieFile: bad files", () => {
  const cases: [string, string | Uint8Array][] = [
    ["truncated JSON", '[{"domain":"example.com","name":"a","value":"SECRET-CANARY'],
    ["JSON of another shape", JSON.stringify({ hello: 1 })],
    ["a JSON number array", "[1, 2, 3]"],
    ["plain text", "hello world\nSECRET-CANARY\n"],
    ["NUL-laden binary", new Uint8Array(256).fill(0)],
    ["an empty file", ""],
  ];
  it.each(cases)(
    "throws CookieFileFormatError for %s, naming the file but no content",
    async (_label, content) => {
      const path = await write("bad.json", content);
      const error = await readCookieFile(path).catch((caught: unknown) => caught);
      expect(CookieFileFormatError.isInstance(error)).toBe(true);
      expect((error as CookieFileFormatError).file).toBe(path);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).not.toContain("SECRET-CANARY");
      expect(JSON.stringify(error)).not.toContain("SECRET-CANARY");
      expect(inspect(error)).not.toContain("SECRET-CANARY");
    },
  );

  it("gives the line of a JSON syntax error when the engine reports its position", async () => {
    const path = await write("bad.json", '[\n{"domain": "example.com",\n "name": "unterminated');
    const error = (await readCookieFile(path).catch((caught: unknown) => caught)) as CookieFileFormatError;
    expect(error.line).toBe(3);
  });

  it("throws CookieFileFormatError for a missing file, a folder and an unreadable file", async () => {
    const dir = await tempDir();
    await expect(readCookieFile(join(dir, "missing.txt"))).rejects.toSatisfy(
      CookieFileFormatError.isInstance,
    );
    await expect(readCookieFile(dir)).rejects.toSatisfy(CookieFileFormatError.isInstance);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, "locked.txt");
      await writeFile(locked, "x", { mode: 0o000 });
      await expect(readCookieFile(locked)).rejects.toThrow(/permission denied/);
    }
  });

  it("refuses a file over 50 MB without reading it", async () => {
    const path = await write("huge.txt", "");
    await truncate(path, 51 * 1024 * 1024);
    await expect(readCookieFile(path)).rejects.toThrow(/50 MB/);
  });

  it("rejects with the signal's reason when aborted", async () => {
    const path = await write("export.json", "[]");
    const reason = new Error("stop");
    await expect(readCookieFile(path, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
