import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type CookieWarning, getCookieList, getCookies } from "../src/index.js";
import { encryptChromium, fakeSecretProvider, makeChromiumDb, makeFirefoxDb } from "../src/testing.js";
import { isolated, useHomes } from "./support/homes.js";
import { useTempDirs } from "./support/temp-dir.js";

const newHome = useHomes();
const tempDir = useTempDirs();
const canary = "SECRET-CANARY-7f3a";
const host = ".example.com";

function everyOutput(warnings: CookieWarning[]): string {
  return warnings
    .flatMap((warning) => [
      warning.message,
      JSON.stringify(warning),
      inspect(warning, { depth: 10 }),
      warning.error?.message ?? "",
      inspect(warning.error?.cause, { depth: 10 }),
      JSON.stringify(warning.error),
    ])
    .join("\n");
}

describe("no secret in any output", () => {
  it("keeps cookie values, passwords and keys out of warnings, errors, inspect and JSON on every error path", async () => {
    const home = await newHome("linux", {
      chrome: { profiles: ["Default", "Profile 1", "Profile 2"] },
      firefox: {},
    });
    // Wrong password, keyring unavailable, v20, a corrupt DB, a bad cookie file, an unsendable value.
    await makeChromiumDb(home.cookiesPath("chrome", "Default"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium(canary, { scheme: "v11", password: canary, hostKey: host }),
      },
      { hostKey: host, name: "b", encryptedValue: encryptChromium(canary, { scheme: "v20", hostKey: host }) },
    ]);
    await writeFile(
      home.cookiesPath("chrome", "Profile 1"),
      `SQLite format 3\u0000${canary}`.padEnd(200, "x"),
    );
    await makeFirefoxDb(home.cookiesPath("firefox"), [{ host, name: "nl", value: `${canary}\r\nx` }]);
    const files = await tempDir();
    await writeFile(join(files, "bad.json"), `[{"domain":"example.com","name":"a","value":"${canary}`, {
      mode: 0o600,
    });
    await writeFile(
      join(files, "bad.har"),
      JSON.stringify({ log: { entries: [{ request: { url: "https://example.com" } }] } }),
      { mode: 0o600 },
    );
    await writeFile(join(files, "readable.txt"), `${host}\tTRUE\t/\tFALSE\t0\tc\t${canary}\u0000\n`, {
      mode: 0o644,
    });
    await chmod(join(files, "readable.txt"), 0o644);
    const warnings: CookieWarning[] = [];
    const result = await getCookieList("example.com", {
      ...home.options,
      cookiesDir: files,
      browsers: ["chrome", "firefox"],
      all: true,
      cache: false,
      safeStoragePassword: `${canary}-wrong`,
      secrets: fakeSecretProvider({ linuxKeyring: { chrome: `${canary}-keyring` } }),
      onWarning: (warning) => warnings.push(warning),
    });
    expect(new Set(warnings.map((warning) => warning.code))).toEqual(
      new Set([
        "BAD_FILE",
        "HAR_SANITIZED",
        "INSECURE_PERMISSIONS",
        "UNSENDABLE_VALUE",
        "DECRYPT_FAILED",
        "APP_BOUND",
        "MALFORMED_DB",
        "NOT_FOUND",
      ]),
    );
    expect(result.warnings).toEqual(warnings);
    expect(everyOutput(warnings)).not.toContain(canary);
    expect(inspect(result, { depth: 10 })).not.toContain(canary);
    expect(JSON.stringify(result)).not.toContain(canary);
  });

  it("passes no secret in a keyring tool's argv, and abort kills the tool", async () => {
    if (process.platform === "win32") return;
    const bin = await tempDir();
    const log = join(bin, "argv.log");
    const pidFile = join(bin, "pid");
    // A stand-in secret-tool: logs its argv, then answers the password (or hangs when asked to).
    await writeFile(
      join(bin, "secret-tool"),
      `#!/bin/sh\necho "$@" >> "${log}"\nif [ -n "$G4F_TEST_HANG" ]; then echo $$ > "${pidFile}"; exec sleep 30; fi\necho "${canary}"\n`,
    );
    await writeFile(join(bin, "kwallet-query"), `#!/bin/sh\necho "$@" >> "${log}"\nexit 1\n`);
    await chmod(join(bin, "secret-tool"), 0o755);
    await chmod(join(bin, "kwallet-query"), 0o755);
    const home = await newHome("linux", { chrome: {} });
    await makeChromiumDb(home.cookiesPath("chrome"), [
      {
        hostKey: host,
        name: "a",
        encryptedValue: encryptChromium("value", { scheme: "v11", password: canary, hostKey: host }),
      },
    ]);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      expect(
        await getCookies("example.com", { ...isolated(home), browsers: ["chrome"], cache: false }),
      ).toEqual({ a: "value" });
      const argv = await readFile(log, "utf8");
      expect(argv).toContain("lookup application chrome");
      expect(argv).not.toContain(canary);

      process.env.G4F_TEST_HANG = "1";
      const { clearCookieCache } = await import("../src/index.js");
      clearCookieCache(); // forget the keyring's answer
      const controller = new AbortController();
      const reason = new Error("user cancelled");
      const lookup = getCookies("example.com", {
        ...isolated(home),
        browsers: ["chrome"],
        cache: false,
        signal: controller.signal,
      });
      const pid = await waitForFile(pidFile);
      controller.abort(reason);
      await expect(lookup).rejects.toBe(reason);
      expect(isRunning(Number(pid))).toBe(false);
    } finally {
      process.env.PATH = path;
      delete process.env.G4F_TEST_HANG;
    }
  });
});

afterEach(() => {
  delete process.env.G4F_TEST_HANG;
});

async function waitForFile(path: string): Promise<string> {
  for (;;) {
    const text = await readFile(path, "utf8").catch(() => "");
    if (text.trim() !== "") return text.trim();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
