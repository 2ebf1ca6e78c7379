import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyWal, getCookies, openDb, readChromiumCookies, readFirefoxCookies } from "../src/index.js";
import { firefoxDbBytes, makeChromiumDb, makeFirefoxDb, makeWal } from "../src/testing.js";
import { isolated, useHomes } from "./support/homes.js";
import { useTempDirs } from "./support/temp-dir.js";

const newHome = useHomes();
const tempDir = useTempDirs();
const now = Date.UTC(2026, 5, 1);
const oldRows = [{ host: ".example.com", name: "old", value: "1" }];
const newRows = [{ host: ".example.com", name: "new", value: "2" }];

async function names(path: string): Promise<string[]> {
  const { cookies } = await readFirefoxCookies(path, { host: "example.com", now });
  return cookies.map((cookie) => cookie.name).sort();
}

async function writePair(dir: string, pair: { db: Uint8Array; wal: Uint8Array }): Promise<string> {
  const path = join(dir, "cookies.sqlite");
  await writeFile(path, pair.db);
  await writeFile(`${path}-wal`, pair.wal);
  return path;
}

async function images() {
  const before = await firefoxDbBytes(oldRows);
  const after = await firefoxDbBytes([...oldRows, ...newRows]);
  return { before, after };
}

describe("live databases with a -wal", () => {
  it("finds a Firefox cookie that exists only in the WAL", async () => {
    const home = await newHome("linux", { firefox: {} });
    await makeFirefoxDb(home.cookiesPath("firefox"), oldRows, { walRows: newRows });
    expect(
      await getCookies("example.com", { ...isolated(home), browsers: ["firefox"], now: () => now }),
    ).toEqual({ old: "1", new: "2" });
  });

  it("finds a Chromium cookie that exists only in the WAL", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [{ hostKey: ".example.com", name: "old", value: "1" }], {
      walRows: [{ hostKey: ".example.com", name: "new", value: "2" }],
    });
    const { cookies } = await readChromiumCookies(home.cookiesPath("chrome"), {
      host: "example.com",
      now,
      platform: "linux",
    });
    expect(cookies.map((cookie) => cookie.name)).toEqual(["old", "new"]);
  });

  it("reads big-endian checksums too", async () => {
    const { before, after } = await images();
    expect(
      await names(await writePair(await tempDir(), makeWal(before, after, { bigEndian: true }))),
    ).toEqual(["new", "old"]);
  });

  it("ignores frames whose salt does not match the header", async () => {
    const { before, after } = await images();
    const pair = makeWal(before, after);
    const view = new DataView(pair.wal.buffer);
    view.setUint32(32 + 8, view.getUint32(32 + 8) ^ 1); // first frame's salt-1
    expect(await names(await writePair(await tempDir(), pair))).toEqual(["old"]);
  });

  it("ignores a torn last frame (the commit never completed)", async () => {
    const { before, after } = await images();
    const pair = makeWal(before, after);
    expect(
      await names(
        await writePair(await tempDir(), { db: pair.db, wal: pair.wal.subarray(0, pair.wal.length - 100) }),
      ),
    ).toEqual(["old"]);
  });

  it("ignores a frame whose checksum does not hold", async () => {
    const { before, after } = await images();
    const pair = makeWal(before, after);
    pair.wal[32 + 24 + 200]! ^= 0xff; // a byte of the first frame's page
    expect(await names(await writePair(await tempDir(), pair))).toEqual(["old"]);
  });

  it("ignores frames after the last commit", async () => {
    const { before, after } = await images();
    const uncommitted = await firefoxDbBytes([
      ...oldRows,
      ...newRows,
      { host: ".example.com", name: "pending", value: "3" },
    ]);
    const pair = makeWal(before, after, { uncommitted });
    expect(await names(await writePair(await tempDir(), pair))).toEqual(["new", "old"]);
  });

  it("leaves a foreign WAL (another page size or magic) without effect", async () => {
    const { before, after } = await images();
    const pair = makeWal(before, after);
    pair.wal[0] = 0;
    expect(await names(await writePair(await tempDir(), pair))).toEqual(["old"]);
    expect(applyWal(before, new Uint8Array())).toBe(before);
  });

  it("changes no byte of the DB, -wal or -shm and adds no file", async () => {
    const home = await newHome("linux", { firefox: {} });
    const path = home.cookiesPath("firefox");
    await makeFirefoxDb(path, oldRows, { walRows: newRows });
    await writeFile(`${path}-shm`, new Uint8Array(32768).fill(7));
    const snapshot = async () => {
      const files = (await readdir(dirname(path))).sort();
      const hashes = await Promise.all(
        files.map(async (file) =>
          createHash("sha256")
            .update(await readFile(join(dirname(path), file)))
            .digest("hex"),
        ),
      );
      return { files, hashes };
    };
    const before = await snapshot();
    expect(
      await getCookies("example.com", {
        ...isolated(home),
        browsers: ["firefox"],
        now: () => now,
        cache: false,
      }),
    ).toEqual({
      old: "1",
      new: "2",
    });
    expect(await snapshot()).toEqual(before);
  });

  const nodeSqlite =
    Number(process.versions.node.split(".")[0]) >= 23 || /^22\.(1[3-9]|[2-9]\d)/.test(process.versions.node);
  it.skipIf(!nodeSqlite)("reads a database a real SQLite writer holds open in WAL mode", async () => {
    const dir = await tempDir();
    const path = join(dir, "cookies.sqlite");
    const { DatabaseSync } = (await import("node:sqlite" as string)) as {
      DatabaseSync: new (path: string) => { exec(sql: string): void; close(): void };
    };
    const writer = new DatabaseSync(path);
    try {
      writer.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
      writer.exec(`CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL DEFAULT '', name TEXT,
        value TEXT, host TEXT, path TEXT, expiry INTEGER, isSecure INTEGER, isHttpOnly INTEGER)`);
      writer.exec(`INSERT INTO moz_cookies (name, value, host, path, expiry, isSecure, isHttpOnly)
        VALUES ('live', 'v', '.example.com', '/', ${Date.UTC(2030, 0, 1)}, 0, 0)`);
      expect(await names(path)).toEqual(["live"]);
    } finally {
      writer.close();
    }
  });

  it("openDb refuses bytes that are not SQLite", async () => {
    await expect(openDb(new Uint8Array(200))).rejects.toThrow(/Not a SQLite database/);
  });
});
