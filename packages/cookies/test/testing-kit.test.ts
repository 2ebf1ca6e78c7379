import { describe, expect, it } from "vitest";
import { getCookies, openDb } from "../src/index.js";
import {
  chromiumDbBytes,
  encryptChromium,
  fakeSecretProvider,
  makeChromiumDb,
  makeFirefoxDb,
  makeHome,
} from "../src/testing.js";

describe("@g4f/cookies/testing", () => {
  it("runs the README example", async () => {
    const home = await makeHome("linux", { chrome: {}, firefox: {} });
    try {
      await makeChromiumDb(home.cookiesPath("chrome"), [
        {
          hostKey: ".example.com",
          name: "sid",
          encryptedValue: encryptChromium("token", {
            scheme: "v11",
            password: "pw",
            hostKey: ".example.com",
          }),
        },
      ]);
      await makeFirefoxDb(home.cookiesPath("firefox"), [], {
        walRows: [{ host: ".example.com", name: "new", value: "1" }],
      });
      const secrets = fakeSecretProvider({ linuxKeyring: { chrome: "pw" } });
      const options = { ...home.options, cookiesDir: home.home, cache: false };
      expect(await getCookies("example.com", { ...options, browsers: ["chrome"], secrets })).toEqual({
        sid: "token",
      });
      expect(await getCookies("example.com", { ...options, browsers: ["firefox"] })).toEqual({ new: "1" });
    } finally {
      await home.remove();
    }
  });

  it("writes Chromium's schema with the meta version asked for", async () => {
    const db = await openDb(
      await chromiumDbBytes([{ hostKey: "a.com", name: "n", value: "v" }], { metaVersion: 23 }),
    );
    try {
      expect(db.all("SELECT value FROM meta WHERE key = 'version'")).toEqual([["23"]]);
      const columns = db.all("PRAGMA table_info(cookies)").map((row) => row[1]);
      expect(columns).toEqual([
        "creation_utc",
        "host_key",
        "top_frame_site_key",
        "name",
        "value",
        "encrypted_value",
        "path",
        "expires_utc",
        "is_secure",
        "is_httponly",
        "last_access_utc",
        "has_expires",
        "is_persistent",
        "priority",
        "samesite",
        "source_scheme",
        "source_port",
        "last_update_utc",
        "source_type",
        "has_cross_site_ancestor",
      ]);
    } finally {
      db.close();
    }
  });
});
