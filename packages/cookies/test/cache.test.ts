import { rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearCookieCache, getCookieList, getCookies, setCookies } from "../src/index.js";
import { makeFirefoxDb, makeWal } from "../src/testing.js";
import { isolated, useHomes } from "./support/homes.js";
import { useTempDirs } from "./support/temp-dir.js";

const tempDir = useTempDirs();
const newHome = useHomes();
afterEach(() => clearCookieCache());

const start = Date.UTC(2026, 5, 1);
const line = (name: string, value: string, expiresSeconds = 0) =>
  `.example.com\tTRUE\t/\tFALSE\t${expiresSeconds}\t${name}\t${value}\n`;

function clock() {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

async function folderWith(content: string) {
  const dir = await tempDir();
  const file = join(dir, "cookies.txt");
  await writeFile(file, content, { mode: 0o600 });
  return { dir, file };
}

// Moves a path's mtime well away from its current one, so coarse timestamps cannot hide a change.
async function touch(path: string, seconds = 60) {
  const stats = await stat(path);
  const time = new Date(stats.mtimeMs + seconds * 1000);
  await utimes(path, time, time);
}

describe("lookup cache", () => {
  it("answers a hit checked under 1 s ago without touching the disk", async () => {
    const { dir, file } = await folderWith(line("a", "1"));
    const time = clock();
    const options = { cookiesDir: dir, browsers: [], now: time.now };
    expect(await getCookies("example.com", options)).toEqual({ a: "1" });
    await rm(file);
    time.advance(500);
    expect(await getCookies("example.com", options)).toEqual({ a: "1" });
    time.advance(1000);
    expect(await getCookies("example.com", options)).toEqual({});
  });

  it("revalidates with stat after 1 s and re-reads a file whose mtime changed", async () => {
    const { dir, file } = await folderWith(line("a", "1"));
    const time = clock();
    const options = { cookiesDir: dir, browsers: [], now: time.now };
    expect(await getCookies("example.com", options)).toEqual({ a: "1" });
    await writeFile(file, line("a", "2"));
    await touch(file);
    expect(await getCookies("example.com", options)).toEqual({ a: "1" });
    time.advance(1500);
    expect(await getCookies("example.com", options)).toEqual({ a: "2" });
  });

  it("keeps the entry while stamps are unchanged, and notices a new file in the folder", async () => {
    const { dir } = await folderWith(line("a", "1"));
    const time = clock();
    const options = { cookiesDir: dir, browsers: [], now: time.now };
    const first = await getCookieList("example.com", options);
    time.advance(1500);
    const second = await getCookieList("example.com", options);
    expect(second.cookies[0]).toBe(first.cookies[0]);
    await writeFile(join(dir, "more.txt"), line("b", "2"), { mode: 0o600 });
    await touch(dir);
    time.advance(1500);
    expect(await getCookies("example.com", options)).toEqual({ a: "1", b: "2" });
  });

  it("notices a -wal that appears beside a browser database", async () => {
    const home = await newHome("linux", { firefox: {} });
    const { firefoxDbBytes } = await import("../src/testing.js");
    const path = home.cookiesPath("firefox");
    const rows = [{ host: ".example.com", name: "old", value: "1" }];
    await makeFirefoxDb(path, rows);
    const time = clock();
    const options = { ...isolated(home), browsers: ["firefox" as const], now: time.now };
    expect(await getCookies("example.com", options)).toEqual({ old: "1" });
    const before = await firefoxDbBytes(rows);
    const after = await firefoxDbBytes([...rows, { host: ".example.com", name: "new", value: "2" }]);
    await writeFile(`${path}-wal`, makeWal(before, after).wal);
    time.advance(1500);
    expect(await getCookies("example.com", options)).toEqual({ old: "1", new: "2" });
  });

  it("drops the entry at its earliest cookie expiry", async () => {
    const expiresAt = start / 1000 + 5;
    const { dir, file } = await folderWith(line("short", "1", expiresAt) + line("long", "a"));
    const time = clock();
    const options = { cookiesDir: dir, browsers: [], now: time.now };
    const mtime = new Date(2025, 0, 1);
    await utimes(file, mtime, mtime);
    expect(await getCookies("example.com", options)).toEqual({ short: "1", long: "a" });
    // Same size, same mtime: only the expiry can make the cache read this again.
    await writeFile(file, line("short", "1", expiresAt) + line("long", "b"));
    await utimes(file, mtime, mtime);
    time.advance(2000);
    expect(await getCookies("example.com", options)).toEqual({ short: "1", long: "a" });
    time.advance(4000);
    expect(await getCookies("example.com", options)).toEqual({ long: "b" });
  });

  it("shares one read between concurrent lookups", async () => {
    const { dir } = await folderWith(line("a", "1"));
    const options = { cookiesDir: dir, browsers: [] };
    const [first, second] = await Promise.all([
      getCookieList("example.com", options),
      getCookieList("example.com", options),
    ]);
    expect(second.cookies[0]).toBe(first.cookies[0]);
    const bypass = await getCookieList("example.com", { ...options, cache: false });
    expect(bypass.cookies[0]).not.toBe(first.cookies[0]);
    expect(bypass.cookies[0]?.value).toBe("1");
  });

  it("lets one concurrent caller abort without failing the other", async () => {
    const { dir } = await folderWith(line("a", "1"));
    const controller = new AbortController();
    const reason = new Error("caller left");
    const leaving = getCookies("example.com", { cookiesDir: dir, browsers: [], signal: controller.signal });
    const staying = getCookies("example.com", { cookiesDir: dir, browsers: [] });
    controller.abort(reason);
    await expect(leaving).rejects.toBe(reason);
    expect(await staying).toEqual({ a: "1" });
  });

  it("does not cache empty results", async () => {
    const { dir } = await folderWith("# Netscape HTTP Cookie File\n");
    const time = clock();
    const options = { cookiesDir: dir, browsers: [], now: time.now };
    expect(await getCookies("example.com", options)).toEqual({});
    await writeFile(join(dir, "late.txt"), line("late", "1"), { mode: 0o600 });
    expect(await getCookies("example.com", options)).toEqual({ late: "1" });
  });

  it("is dropped by clearCookieCache and by setCookies", async () => {
    const { dir } = await folderWith(line("a", "1"));
    const options = { cookiesDir: dir, browsers: [] };
    const first = await getCookieList("example.com", options);
    clearCookieCache();
    const second = await getCookieList("example.com", options);
    expect(second.cookies[0]).not.toBe(first.cookies[0]);
    setCookies("other.org", { x: "1" });
    const third = await getCookieList("example.com", options);
    expect(third.cookies[0]).not.toBe(second.cookies[0]);
    setCookies("other.org");
  });

  it("keys entries by the options that change the answer", async () => {
    const { dir } = await folderWith(`${line("a", "1")}chat.example.com\tFALSE\t/\tFALSE\t0\tsub\t2\n`);
    expect(await getCookies("example.com", { cookiesDir: dir, browsers: [] })).toEqual({ a: "1" });
    expect(
      await getCookies("example.com", { cookiesDir: dir, browsers: [], includeSubdomains: true }),
    ).toEqual({ a: "1", sub: "2" });
  });
});
