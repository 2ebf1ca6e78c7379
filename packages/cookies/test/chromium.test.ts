import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CookieDecryptionError,
  type CookieWarning,
  type GetCookieListOptions,
  getCookieList,
  getCookies,
  UnsupportedCookieEncryptionError,
} from "../src/index.js";
import {
  type ChromiumCookieRow,
  encryptChromium,
  fakeSecretProvider,
  makeChromiumDb,
} from "../src/testing.js";
import { isolated, useHomes } from "./support/homes.js";

const newHome = useHomes();
const now = Date.UTC(2026, 5, 1);
const later = Date.UTC(2027, 0, 1);
const host = ".example.com";

async function lookup(options: GetCookieListOptions) {
  const warnings: CookieWarning[] = [];
  const result = await getCookieList("example.com", {
    now: () => now,
    cache: false,
    ...options,
    onWarning: (warning) => warnings.push(warning),
  });
  return {
    ...result,
    seen: warnings,
    values: Object.fromEntries(result.cookies.map((cookie) => [cookie.name, cookie.value])),
  };
}

describe("Chromium on Linux", () => {
  it.each([24, 23])("decrypts v10 (built-in password) at meta version %i", async (metaVersion) => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(
      home.cookiesPath("chrome"),
      [
        {
          hostKey: host,
          name: "sid",
          encryptedValue: encryptChromium("secret-1", { hostKey: host, metaVersion }),
          expires: later,
          secure: true,
          httpOnly: true,
          sameSite: 2,
        },
        { hostKey: "example.com", name: "plain", value: "p" },
      ],
      { metaVersion },
    );
    const result = await lookup({ ...isolated(home), browsers: ["chrome"] });
    expect(result.values).toEqual({ sid: "secret-1", plain: "p" });
    expect(result.cookies[0]).toMatchObject({
      domain: "example.com",
      hostOnly: false,
      secure: true,
      httpOnly: true,
      sameSite: "strict",
      expires: later,
    });
    expect(result.cookies[1]).toMatchObject({ hostOnly: true });
    expect(result.seen).toEqual([]);
  });

  it("decrypts v11 with the keyring's password, asking the keyring once", async () => {
    const home = await newHome("linux", { chromium: {} });
    const secrets = fakeSecretProvider({ linuxKeyring: { chromium: "keyring-pass" } });
    await makeChromiumDb(home.cookiesPath("chromium"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("1", { scheme: "v11", password: "keyring-pass", hostKey: host }),
      },
      {
        hostKey: host,
        name: "b",
        encryptedValue: encryptChromium("2", { scheme: "v11", password: "keyring-pass", hostKey: host }),
      },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chromium"], secrets });
    expect(result.values).toEqual({ a: "1", b: "2" });
    expect(secrets.calls).toEqual(["linuxKeyring chromium"]);
  });

  it("uses safeStoragePassword before the keyring", async () => {
    const home = await newHome("linux", { brave: {} });
    const secrets = fakeSecretProvider();
    await makeChromiumDb(home.cookiesPath("brave"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("1", { scheme: "v11", password: "given", hostKey: host }),
      },
    ]);
    const result = await lookup({
      ...isolated(home),
      browsers: ["brave"],
      secrets,
      safeStoragePassword: "given",
    });
    expect(result.values).toEqual({ a: "1" });
    expect(secrets.calls).toEqual([]);
  });

  it("decrypts v11 written with the empty password (an old Chromium bug)", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("1", { scheme: "v11", password: "", hostKey: host }),
      },
    ]);
    expect(
      (await lookup({ ...isolated(home), browsers: ["chrome"], secrets: fakeSecretProvider() })).values,
    ).toEqual({ a: "1" });
  });

  it("reports KEYRING_UNAVAILABLE naming the browser when no keyring answers", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("SECRET-CANARY", {
          scheme: "v11",
          password: "kept-in-keyring",
          hostKey: host,
        }),
      },
      {
        hostKey: host,
        name: "b",
        encryptedValue: encryptChromium("SECRET-CANARY", {
          scheme: "v11",
          password: "kept-in-keyring",
          hostKey: host,
        }),
      },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"], secrets: fakeSecretProvider() });
    expect(result.cookies).toEqual([]);
    expect(result.seen).toMatchObject([
      { code: "KEYRING_UNAVAILABLE", count: 2, source: "chrome 'Default'" },
    ]);
    const error = result.seen[0]?.error;
    expect(CookieDecryptionError.isInstance(error)).toBe(true);
    expect(error?.message).toMatch(/Chrome 'Default' has 2 keyring-encrypted cookies for example\.com/);
    expect(error?.message).toContain("G4F_SAFE_STORAGE_PASSWORD");
  });

  it("reports DECRYPT_FAILED when the keyring's password is wrong", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("1", { scheme: "v11", password: "right", hostKey: host }),
      },
    ]);
    const secrets = fakeSecretProvider({ linuxKeyring: { chrome: "wrong" } });
    const result = await lookup({ ...isolated(home), browsers: ["chrome"], secrets });
    expect(result.cookies).toEqual([]);
    expect(result.seen).toMatchObject([{ code: "DECRYPT_FAILED", count: 1 }]);
  });

  it("rejects a value whose host-key digest belongs to another host (meta 24) with DECRYPT_FAILED", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      { hostKey: host, name: "moved", encryptedValue: encryptChromium("x", { hostKey: ".other.org" }) },
      { hostKey: host, name: "ok", encryptedValue: encryptChromium("y", { hostKey: host }) },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"] });
    expect(result.values).toEqual({ ok: "y" });
    expect(result.seen).toMatchObject([{ code: "DECRYPT_FAILED", count: 1 }]);
  });

  it("reads the legacy schema (secure/httponly columns)", async () => {
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(
      home.cookiesPath("chrome"),
      [{ hostKey: host, name: "old", value: "1", secure: true, httpOnly: true }],
      { legacySchema: true, metaVersion: 7 },
    );
    const result = await lookup({ ...isolated(home), browsers: ["chrome"] });
    expect(result.values).toEqual({ old: "1" });
    expect(result.cookies[0]).toMatchObject({ secure: true, httpOnly: true });
  });

  it("skips partitioned and expired rows, keeps session rows, and converts expires_utc beyond 2^53 exactly", async () => {
    const home = await newHome("linux", { chrome: {} });
    const rows: ChromiumCookieRow[] = [
      { hostKey: host, name: "partitioned", value: "1", topFrameSiteKey: "https://other.org" },
      { hostKey: host, name: "expired", value: "2", expires: now - 1000 },
      { hostKey: host, name: "session", value: "3" },
      { hostKey: host, name: "far", value: "4", expiresUtc: 17_000_000_000_000_000n },
    ];
    await makeChromiumDb(home.cookiesPath("chrome"), rows);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"] });
    expect(result.values).toEqual({ session: "3", far: "4" });
    expect(result.cookies[0]?.expires).toBeUndefined();
    expect(result.cookies[1]?.expires).toBe((17_000_000_000 - 11_644_473_600) * 1000);
  });

  it("takes profile order from Local State and never mixes profiles", async () => {
    const home = await newHome("linux", {
      chrome: { profiles: ["Default", "Profile 1"], defaultProfile: "Profile 1" },
    });
    await makeChromiumDb(home.cookiesPath("chrome", "Default"), [{ hostKey: host, name: "d", value: "1" }]);
    await makeChromiumDb(home.cookiesPath("chrome", "Profile 1"), [{ hostKey: host, name: "p", value: "2" }]);
    expect((await lookup({ ...isolated(home), browsers: ["chrome"] })).values).toEqual({ p: "2" });
    expect((await lookup({ ...isolated(home), browsers: ["chrome"], profiles: ["Default"] })).values).toEqual(
      { d: "1" },
    );
  });

  it("reads Opera, whose root is its profile", async () => {
    const home = await newHome("linux", { opera: {} });
    await makeChromiumDb(home.cookiesPath("opera"), [{ hostKey: host, name: "o", value: "1" }]);
    expect(home.cookiesPath("opera")).toBe(join(home.home, ".config", "opera", "Cookies"));
    expect((await lookup({ ...isolated(home), browsers: ["opera"] })).values).toEqual({ o: "1" });
  });
});

describe("Chromium on macOS", () => {
  it("decrypts v10 with the Keychain password and 1003 iterations", async () => {
    const home = await newHome("darwin", { edge: {} });
    const secrets = fakeSecretProvider({ macKeychain: { "Microsoft Edge": "mac-pass" } });
    await makeChromiumDb(home.cookiesPath("edge"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("1", { platform: "darwin", password: "mac-pass", hostKey: host }),
      },
    ]);
    expect(home.cookiesPath("edge")).toBe(
      join(home.home, "Library", "Application Support", "Microsoft Edge", "Default", "Cookies"),
    );
    const result = await lookup({ ...isolated(home), browsers: ["edge"], secrets });
    expect(result.values).toEqual({ a: "1" });
    expect(secrets.calls).toEqual(["macKeychain Microsoft Edge"]);
  });

  it("reports KEYRING_UNAVAILABLE when the Keychain denies", async () => {
    const home = await newHome("darwin", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("1", { platform: "darwin", password: "mac-pass", hostKey: host }),
      },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"], secrets: fakeSecretProvider() });
    expect(result.seen).toMatchObject([{ code: "KEYRING_UNAVAILABLE", count: 1 }]);
    expect(result.seen[0]?.message).toContain("Keychain");
  });

  it("never asks the Keychain when no encrypted cookie matches", async () => {
    const home = await newHome("darwin", { chrome: {} });
    const secrets = fakeSecretProvider({ macKeychain: { Chrome: "mac-pass" } });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      { hostKey: host, name: "plain", value: "1" },
      {
        hostKey: ".other.org",
        name: "x",
        encryptedValue: encryptChromium("2", {
          platform: "darwin",
          password: "mac-pass",
          hostKey: ".other.org",
        }),
      },
    ]);
    expect((await lookup({ ...isolated(home), browsers: ["chrome"], secrets })).values).toEqual({
      plain: "1",
    });
    expect(secrets.calls).toEqual([]);
  });
});

describe("Chromium on Windows", () => {
  const key = randomBytes(32);

  it("decrypts AES-256-GCM values with the DPAPI-protected Local State key, from Network/Cookies first", async () => {
    const home = await newHome("win32", { chrome: { windowsKey: key } });
    const secrets = fakeSecretProvider();
    const path = home.cookiesPath("chrome");
    expect(path).toBe(
      join(home.home, "AppData", "Local", "Google", "Chrome", "User Data", "Default", "Network", "Cookies"),
    );
    await makeChromiumDb(path, [
      { hostKey: host, name: "a", encryptedValue: encryptChromium("gcm-value", { key, hostKey: host }) },
    ]);
    await makeChromiumDb(join(dirname(dirname(path)), "Cookies"), [
      { hostKey: host, name: "old", value: "stale" },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"], secrets });
    expect(result.values).toEqual({ a: "gcm-value" });
    expect(secrets.calls).toEqual(["windowsDpapi"]);
  });

  it("reports DECRYPT_FAILED for a tampered GCM tag", async () => {
    const home = await newHome("win32", { chrome: { windowsKey: key } });
    const tampered = encryptChromium("x", { key, hostKey: host });
    tampered[tampered.length - 1]! ^= 1;
    await makeChromiumDb(home.cookiesPath("chrome"), [
      { hostKey: host, name: "bad", encryptedValue: tampered },
      { hostKey: host, name: "good", encryptedValue: encryptChromium("y", { key, hostKey: host }) },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"], secrets: fakeSecretProvider() });
    expect(result.values).toEqual({ good: "y" });
    expect(result.seen).toMatchObject([{ code: "DECRYPT_FAILED", count: 1 }]);
  });

  it("counts app-bound v20 values as APP_BOUND instead of garbling them", async () => {
    const home = await newHome("win32", { chrome: { windowsKey: key } });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("x", { scheme: "v20", key, hostKey: host }),
      },
      {
        hostKey: host,
        name: "b",
        encryptedValue: encryptChromium("y", { scheme: "v20", key, hostKey: host }),
      },
    ]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"], secrets: fakeSecretProvider() });
    expect(result.cookies).toEqual([]);
    expect(result.seen).toMatchObject([{ code: "APP_BOUND", count: 2, source: "chrome 'Default'" }]);
    expect(UnsupportedCookieEncryptionError.isInstance(result.seen[0]?.error)).toBe(true);
    expect(result.seen[0]?.message).toMatch(/Firefox|export/);
  });

  it("reports KEYRING_UNAVAILABLE when DPAPI refuses the key", async () => {
    const home = await newHome("win32", { edge: { windowsKey: key } });
    await makeChromiumDb(home.cookiesPath("edge"), [
      { hostKey: host, name: "a", encryptedValue: encryptChromium("x", { key, hostKey: host }) },
    ]);
    const result = await lookup({
      ...isolated(home),
      browsers: ["edge"],
      secrets: fakeSecretProvider({ dpapi: false }),
    });
    expect(result.seen).toMatchObject([{ code: "KEYRING_UNAVAILABLE", count: 1, source: "edge 'Default'" }]);
  });
});

describe("broken databases", () => {
  it("warns MALFORMED_DB for a corrupt file and UNSUPPORTED_SCHEMA for an unknown table, then reads the next browser", async () => {
    const home = await newHome("linux", { chrome: {}, chromium: {}, brave: {} });
    await mkdir(dirname(home.cookiesPath("chrome")), { recursive: true });
    await writeFile(home.cookiesPath("chrome"), randomBytes(8192));
    const sqlJs = await import("../src/sqlite/sql-js-engine.js");
    const engine = await sqlJs.loadSqlJs();
    const db = new engine.Database();
    db.run("CREATE TABLE cookies(foo TEXT)");
    await writeFile(home.cookiesPath("chromium"), db.export());
    db.close();
    await makeChromiumDb(home.cookiesPath("brave"), [{ hostKey: host, name: "ok", value: "1" }]);
    const result = await lookup({ ...isolated(home), browsers: ["chrome", "chromium", "brave"] });
    expect(result.values).toEqual({ ok: "1" });
    expect(result.seen.map((warning) => [warning.code, warning.source])).toEqual([
      ["MALFORMED_DB", "chrome 'Default'"],
      ["UNSUPPORTED_SCHEMA", "chromium 'Default'"],
    ]);
  });

  it("warns PERMISSION for an unreadable database", async () => {
    if (process.getuid?.() === 0 || process.platform === "win32") return; // root reads everything
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [{ hostKey: host, name: "ok", value: "1" }]);
    const { chmod } = await import("node:fs/promises");
    await chmod(home.cookiesPath("chrome"), 0o000);
    const result = await lookup({ ...isolated(home), browsers: ["chrome"] });
    expect(result.seen.map((warning) => warning.code)).toEqual(["PERMISSION"]);
  });
});

describe("browser precedence", () => {
  it("takes the first browser in order with a match, and files before browsers", async () => {
    const home = await newHome("linux", { chrome: {}, firefox: {} });
    const { makeFirefoxDb } = await import("../src/testing.js");
    await makeChromiumDb(home.cookiesPath("chrome"), [{ hostKey: host, name: "from", value: "chrome" }]);
    await makeFirefoxDb(home.cookiesPath("firefox"), [{ host, name: "from", value: "firefox" }]);
    expect(await getCookies("example.com", { ...isolated(home), now: () => now })).toEqual({
      from: "firefox",
    });
    expect(
      await getCookies("example.com", { ...isolated(home), browsers: ["chrome", "firefox"], now: () => now }),
    ).toEqual({ from: "chrome" });
    const folder = join(home.home, "files");
    await mkdir(folder);
    await writeFile(join(folder, "c.txt"), `${host}\tTRUE\t/\tFALSE\t0\tfrom\tfile\n`, { mode: 0o600 });
    expect(await getCookies("example.com", { ...home.options, cookiesDir: folder, now: () => now })).toEqual({
      from: "file",
    });
  });
});
