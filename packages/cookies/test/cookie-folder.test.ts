import { chmod, mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CookieWarning,
  clearCookieCache,
  getCookieList,
  getCookies,
  getCookiesDir,
  InvalidDomainError,
  setCookies,
} from "../src/index.js";
import { useTempDirs } from "./support/temp-dir.js";

const tempDir = useTempDirs();
afterEach(() => {
  clearCookieCache();
  setCookies("example.com");
});

const line = (domain: string, name: string, value: string, path = "/") =>
  `${domain}\t${domain.startsWith(".") ? "TRUE" : "FALSE"}\t${path}\tFALSE\t0\t${name}\t${value}\n`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files))
    await writeFile(join(dir, name), content, { mode: 0o600 });
  return dir;
}

function collect(): { warnings: CookieWarning[]; onWarning: (warning: CookieWarning) => void } {
  const warnings: CookieWarning[] = [];
  return { warnings, onWarning: (warning) => warnings.push(warning) };
}

describe("cookie folder", () => {
  it("reads every top-level file of the folder, whatever its format", async () => {
    const dir = await folder({
      "a.txt": line(".example.com", "fromTxt", "1"),
      "b.json": JSON.stringify([{ domain: "example.com", name: "fromJson", value: "2" }]),
      "c.har": JSON.stringify({
        log: {
          entries: [{ request: { url: "https://example.com/", cookies: [{ name: "fromHar", value: "3" }] } }],
        },
      }),
    });
    expect(await getCookies("example.com", { cookiesDir: dir, browsers: [] })).toEqual({
      fromTxt: "1",
      fromJson: "2",
      fromHar: "3",
    });
  });

  it("never matches a sibling or a look-alike domain", async () => {
    const dir = await folder({
      "a.txt": [
        line(".evil-example.com", "evil1", "x"),
        line(".example.com.evil.org", "evil2", "x"),
        line("chat.example.com", "sub", "x"),
        line(".example.com", "good", "1"),
      ].join(""),
    });
    expect(await getCookies("example.com", { cookiesDir: dir, browsers: [] })).toEqual({ good: "1" });
    expect(
      await getCookies("example.com", {
        cookiesDir: dir,
        browsers: [],
        includeSubdomains: true,
        cache: false,
      }),
    ).toEqual({
      good: "1",
      sub: "x",
    });
  });

  it("keeps one value per name: most specific domain, then longest path", async () => {
    const dir = await folder({
      "a.txt": [
        line(".example.com", "sid", "parent"),
        line(".chat.example.com", "sid", "specific"),
        line(".example.com", "p", "root", "/"),
        line(".example.com", "p", "deep", "/api"),
      ].join(""),
    });
    expect(await getCookies("chat.example.com", { cookiesDir: dir, browsers: [] })).toEqual({
      sid: "specific",
      p: "deep",
    });
    const { cookies } = await getCookieList("chat.example.com", { cookiesDir: dir, browsers: [] });
    expect(cookies).toHaveLength(4);
  });

  it("takes the folder from G4F_COOKIES_DIR in the given environment", async () => {
    const dir = await folder({ "a.txt": line(".example.com", "env", "1") });
    expect(getCookiesDir({ env: { G4F_COOKIES_DIR: dir } })).toBe(dir);
    expect(await getCookies("example.com", { env: { G4F_COOKIES_DIR: dir }, browsers: [] })).toEqual({
      env: "1",
    });
  });

  it("defaults to <config>/cookies: ~/.g4f when present, else the platform folder", async () => {
    const home = await tempDir();
    expect(getCookiesDir({ home, env: {}, platform: "linux" })).toBe(join(home, ".config", "g4f", "cookies"));
    expect(getCookiesDir({ home, env: {}, platform: "darwin" })).toBe(
      join(home, "Library", "Application Support", "g4f", "cookies"),
    );
    expect(getCookiesDir({ home, env: { LOCALAPPDATA: join(home, "L") }, platform: "win32" })).toBe(
      join(home, "L", "g4f", "g4f", "cookies"),
    );
    await mkdir(join(home, ".g4f"));
    expect(getCookiesDir({ home, env: {}, platform: "linux" })).toBe(join(home, ".g4f", "cookies"));
  });

  it("skips a malformed file with BAD_FILE and still reads the others", async () => {
    const dir = await folder({
      "bad.json": "[{",
      "good.txt": line(".example.com", "ok", "1"),
      "junk.bin": "\u0000\u0001",
    });
    const { warnings, onWarning } = collect();
    expect(await getCookies("example.com", { cookiesDir: dir, browsers: [], onWarning })).toEqual({
      ok: "1",
    });
    expect(warnings.map((warning) => [warning.code, warning.source])).toEqual([
      ["BAD_FILE", join(dir, "bad.json")],
      ["BAD_FILE", join(dir, "junk.bin")],
    ]);
  });

  it("skips dotfiles, subfolders, symlinked folders and files over 50 MB; follows a symlinked file", async () => {
    const dir = await folder({ ".hidden.txt": line(".example.com", "hidden", "x") });
    const elsewhere = await folder({
      "deep.txt": line(".example.com", "deep", "x"),
      "linked.txt": line(".example.com", "linked", "1"),
    });
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "deep.txt"), line(".example.com", "deep", "x"));
    await symlink(elsewhere, join(dir, "folder-link"));
    await symlink(join(elsewhere, "linked.txt"), join(dir, "file-link.txt"));
    await writeFile(join(dir, "huge.txt"), "");
    await truncate(join(dir, "huge.txt"), 51 * 1024 * 1024);
    const { warnings, onWarning } = collect();
    expect(await getCookies("example.com", { cookiesDir: dir, browsers: [], onWarning })).toEqual({
      linked: "1",
    });
    expect(warnings.map((warning) => warning.code)).toEqual(["BAD_FILE"]);
    expect(warnings[0]?.message).toContain("50 MB");
  });

  it("warns NOT_FOUND for a named folder that does not exist, never throws", async () => {
    const { warnings, onWarning } = collect();
    const missing = join(await tempDir(), "nope");
    expect(await getCookies("example.com", { cookiesDir: missing, browsers: [], onWarning })).toEqual({});
    expect(warnings).toMatchObject([{ code: "NOT_FOUND", source: missing }]);
  });

  it("warns once when a cookie file is readable by other users", async () => {
    if (process.platform === "win32") return;
    const dir = await folder({ "a.txt": line(".example.com", "a", "1") });
    await chmod(join(dir, "a.txt"), 0o644);
    const first = collect();
    await getCookies("example.com", {
      cookiesDir: dir,
      browsers: [],
      cache: false,
      onWarning: first.onWarning,
    });
    expect(first.warnings).toMatchObject([{ code: "INSECURE_PERMISSIONS", source: join(dir, "a.txt") }]);
    expect(first.warnings[0]?.message).toContain("chmod 600");
    const second = collect();
    await getCookies("example.com", {
      cookiesDir: dir,
      browsers: [],
      cache: false,
      onWarning: second.onWarning,
    });
    expect(second.warnings).toEqual([]);
  });
});

describe("precedence", () => {
  it("returns the caller's cookies before any file", async () => {
    const dir = await folder({ "a.txt": line(".example.com", "file", "1") });
    expect(
      await getCookies("example.com", { cookies: { mine: "2" }, cookiesDir: dir, browsers: [] }),
    ).toEqual({ mine: "2" });
  });

  it("ignores caller cookies for another domain and falls through to files", async () => {
    const dir = await folder({ "a.txt": line(".example.com", "file", "1") });
    const cookies = [{ name: "x", value: "1", domain: "other.org" }];
    expect(await getCookies("example.com", { cookies, cookiesDir: dir, browsers: [] })).toEqual({
      file: "1",
    });
  });

  it("setCookies answers later lookups until removed", async () => {
    const dir = await folder({ "a.txt": line(".example.com", "file", "1") });
    setCookies("example.com", { set: "s" });
    expect(await getCookies("www.example.com", { cookiesDir: dir, browsers: [] })).toEqual({ set: "s" });
    setCookies("example.com", {});
    expect(await getCookies("www.example.com", { cookiesDir: dir, browsers: [] })).toEqual({ file: "1" });
  });

  it("lists every source with all: true", async () => {
    const dir = await folder({ "a.txt": line(".example.com", "file", "1") });
    const { cookies } = await getCookieList("example.com", {
      cookies: { mine: "2" },
      cookiesDir: dir,
      browsers: [],
      all: true,
    });
    expect(cookies.map((cookie) => [cookie.name, cookie.source.kind])).toEqual([
      ["mine", "caller"],
      ["file", "file"],
    ]);
  });

  it("UTF-8 encodes a caller value with code units above 0xFF", async () => {
    const cookies = await getCookies("example.com", { cookies: { u: "€" }, browsers: [] });
    expect(Buffer.from(cookies.u!, "latin1").toString("utf8")).toBe("€");
  });
});

describe("arguments and output", () => {
  it.each(["", "  ", "co.uk", "github.io", "https://example.com/x", "a b.com"])(
    "rejects %j with InvalidDomainError",
    async (domain) => {
      await expect(getCookies(domain, { browsers: [] })).rejects.toSatisfy(InvalidDomainError.isInstance);
    },
  );

  it("rejects with the signal's reason when aborted", async () => {
    const reason = new Error("stop");
    await expect(getCookies("example.com", { browsers: [], signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
  });

  it("masks values in inspect output of getCookies results and records", async () => {
    const dir = await folder({ "a.txt": line(".example.com", "sid", "SECRET-CANARY") });
    const cookies = await getCookies("example.com", { cookiesDir: dir, browsers: [] });
    expect(cookies.sid).toBe("SECRET-CANARY");
    expect(Object.keys(cookies)).toEqual(["sid"]);
    expect(inspect(cookies)).toContain("[redacted, 13 bytes]");
    expect(inspect(cookies)).not.toContain("SECRET-CANARY");
    const { cookies: records } = await getCookieList("example.com", { cookiesDir: dir, browsers: [] });
    expect(inspect(records)).not.toContain("SECRET-CANARY");
    expect(JSON.stringify(records)).not.toContain("SECRET-CANARY");
    expect(records[0]?.value).toBe("SECRET-CANARY");
  });
});
