import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readChromiumCookies, readLiveDb } from "../src/index.js";
import { type ChromiumCookieRow, encryptChromium, makeChromiumDb } from "../src/testing.js";
import { useHomes } from "./support/homes.js";

const newHome = useHomes();
const now = Date.UTC(2026, 5, 1);
const later = Date.UTC(2027, 0, 1);
const password = "keyring-password";

// Rows enough for files well past the 64 KiB a file's first read takes.
function rows(count: number, prefix: string, hostKey = ".example.com"): ChromiumCookieRow[] {
  return Array.from({ length: count }, (_, index) => ({
    hostKey,
    name: `${prefix}${index}`,
    encryptedValue: encryptChromium(`${prefix}-value-${index}-${"x".repeat(index % 50)}`, {
      scheme: "v11",
      password,
      hostKey,
    }),
    expires: later,
  }));
}

describe("databases bigger than one read", () => {
  it("reads a database past its first 64 KiB byte for byte", async () => {
    const home = await newHome("linux", { chrome: {} });
    const path = home.cookiesPath("chrome");
    await makeChromiumDb(path, rows(1500, "c", ".other.example"));
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(4 * 64 * 1024);
    const image = await readLiveDb(path);
    expect(Buffer.from(image.bytes).equals(bytes)).toBe(true);
    expect(image.files[0]).toMatchObject({ path, size: bytes.length });
  });

  it("finds every cookie of a big database and of its big -wal", async () => {
    const home = await newHome("linux", { chrome: {} });
    const path = home.cookiesPath("chrome");
    await makeChromiumDb(path, rows(800, "old"), { walRows: rows(800, "new") });
    expect((await readFile(`${path}-wal`)).length).toBeGreaterThan(2 * 64 * 1024);
    const { cookies } = await readChromiumCookies(path, {
      host: "example.com",
      now,
      platform: "linux",
      safeStoragePassword: password,
      secrets: {},
    });
    expect(cookies).toHaveLength(1600);
    const byName = new Map(cookies.map((cookie) => [cookie.name, cookie.value]));
    expect(byName.get("old799")).toBe(`old-value-799-${"x".repeat(799 % 50)}`);
    expect(byName.get("new0")).toBe("new-value-0-");
  });
});
