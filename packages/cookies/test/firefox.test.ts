import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CookieWarning, getCookieList, getCookies, readFirefoxCookies } from "../src/index.js";
import { makeFirefoxDb } from "../src/testing.js";
import { isolated, useHomes } from "./support/homes.js";

const newHome = useHomes();
const now = Date.UTC(2026, 5, 1);
const later = Date.UTC(2027, 0, 1);

describe.each(["linux", "darwin", "win32"] as const)("Firefox on %s", (platform) => {
  it("reads the default profile's cookies.sqlite", async () => {
    const home = await newHome(platform, { firefox: {} });
    await makeFirefoxDb(home.cookiesPath("firefox"), [
      {
        host: ".example.com",
        name: "sid",
        value: "abc",
        secure: true,
        httpOnly: true,
        sameSite: 1,
        expires: later,
      },
      { host: "example.com", name: "host", value: "h" },
      { host: ".evil-example.com", name: "evil", value: "x" },
    ]);
    const { cookies } = await getCookieList("example.com", {
      ...isolated(home),
      browsers: ["firefox"],
      now: () => now,
    });
    expect(cookies.map((cookie) => [cookie.name, cookie.value, cookie.domain, cookie.hostOnly])).toEqual([
      ["sid", "abc", "example.com", false],
      ["host", "h", "example.com", true],
    ]);
    expect(cookies[0]).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", expires: later });
    expect(cookies[0]?.source).toEqual({
      kind: "browser",
      browser: "firefox",
      profile: "abcd1234.default-release",
      path: home.cookiesPath("firefox"),
    });
  });
});

describe("Firefox details", () => {
  it("reads expiry as seconds at user_version 15 and as ms at 16", async () => {
    for (const userVersion of [15, 16]) {
      const home = await newHome("linux", { firefox: {} });
      await makeFirefoxDb(
        home.cookiesPath("firefox"),
        [
          { host: ".example.com", name: "live", value: "1", expires: later },
          { host: ".example.com", name: "dead", value: "2", expires: now - 1000 },
        ],
        { userVersion },
      );
      const { cookies } = await getCookieList("example.com", {
        ...isolated(home),
        browsers: ["firefox"],
        now: () => now,
      });
      expect(cookies.map((cookie) => [cookie.name, cookie.expires])).toEqual([["live", later]]);
    }
  });

  it("reads a millisecond expiry above 1e11 as ms even at user_version 15", async () => {
    const home = await newHome("linux", { firefox: {} });
    await makeFirefoxDb(
      home.cookiesPath("firefox"),
      [{ host: ".example.com", name: "a", value: "1", expiryRaw: later }],
      {
        userVersion: 15,
      },
    );
    const { cookies } = await readFirefoxCookies(home.cookiesPath("firefox"), { host: "example.com", now });
    expect(cookies[0]?.expires).toBe(later);
  });

  it("skips container and partitioned cookies", async () => {
    const home = await newHome("linux", { firefox: {} });
    await makeFirefoxDb(home.cookiesPath("firefox"), [
      { host: ".example.com", name: "plain", value: "1" },
      { host: ".example.com", name: "container", value: "2", originAttributes: "^userContextId=1" },
      {
        host: ".example.com",
        name: "partitioned",
        value: "3",
        originAttributes: "^partitionKey=%28https%2Cother.org%29",
      },
    ]);
    expect(
      await getCookies("example.com", { ...isolated(home), browsers: ["firefox"], now: () => now }),
    ).toEqual({
      plain: "1",
    });
  });

  it("prefers the [Install…] default, then Default=1, then the newest cookies.sqlite", async () => {
    for (const profilesIni of ["install", "default-flag", "none"] as const) {
      const home = await newHome("linux", {
        firefox: { profiles: ["aaaa.first", "bbbb.second"], defaultProfile: "bbbb.second", profilesIni },
      });
      await makeFirefoxDb(home.cookiesPath("firefox", "aaaa.first"), [
        { host: ".example.com", name: "who", value: "first" },
      ]);
      await makeFirefoxDb(home.cookiesPath("firefox", "bbbb.second"), [
        { host: ".example.com", name: "who", value: "second" },
      ]);
      if (profilesIni === "none") {
        const { utimes } = await import("node:fs/promises");
        await utimes(home.cookiesPath("firefox", "aaaa.first"), new Date(2020, 0, 1), new Date(2020, 0, 1));
      }
      const result = await getCookies("example.com", {
        ...isolated(home),
        browsers: ["firefox"],
        now: () => now,
      });
      expect([profilesIni, result]).toEqual([profilesIni, { who: "second" }]);
    }
  });

  it("never mixes two profiles: the first with a match is the answer", async () => {
    const home = await newHome("linux", { firefox: { profiles: ["aaaa.default", "bbbb.work"] } });
    await makeFirefoxDb(home.cookiesPath("firefox", "aaaa.default"), [
      { host: ".example.com", name: "a", value: "1" },
    ]);
    await makeFirefoxDb(home.cookiesPath("firefox", "bbbb.work"), [
      { host: ".example.com", name: "b", value: "2" },
    ]);
    expect(
      await getCookies("example.com", { ...isolated(home), browsers: ["firefox"], now: () => now }),
    ).toEqual({ a: "1" });
    expect(
      await getCookies("example.com", {
        ...isolated(home),
        browsers: ["firefox"],
        profiles: ["bbbb.work"],
        now: () => now,
      }),
    ).toEqual({ b: "2" });
    const all = await getCookieList("example.com", {
      ...isolated(home),
      browsers: ["firefox"],
      all: true,
      now: () => now,
    });
    expect(all.cookies.map((cookie) => cookie.name)).toEqual(["a", "b"]);
  });

  it("skips a profile without cookies.sqlite with NOT_FOUND and reads the next", async () => {
    const home = await newHome("linux", { firefox: { profiles: ["aaaa.empty", "bbbb.used"] } });
    await makeFirefoxDb(home.cookiesPath("firefox", "bbbb.used"), [
      { host: ".example.com", name: "b", value: "2" },
    ]);
    const warnings: CookieWarning[] = [];
    const found = await getCookies("example.com", {
      ...isolated(home),
      browsers: ["firefox"],
      now: () => now,
      onWarning: (warning) => warnings.push(warning),
    });
    expect(found).toEqual({ b: "2" });
    expect(warnings).toMatchObject([{ code: "NOT_FOUND", source: "firefox 'aaaa.empty'" }]);
  });

  it("reads LibreWolf and Zen like Firefox", async () => {
    const home = await newHome("linux", { librewolf: {}, zen: {} });
    await makeFirefoxDb(home.cookiesPath("zen"), [{ host: ".example.com", name: "z", value: "1" }]);
    const { cookies } = await getCookieList("example.com", {
      ...isolated(home),
      browsers: ["librewolf", "zen"],
      now: () => now,
    });
    expect(
      cookies.map((cookie) => [cookie.name, cookie.source.kind === "browser" && cookie.source.browser]),
    ).toEqual([["z", "zen"]]);
    expect(join(home.root("zen"))).toBe(join(home.home, ".zen"));
  });
});
