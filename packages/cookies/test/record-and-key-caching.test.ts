import { describe, expect, it } from "vitest";
import { cachedChromiumKey } from "../src/browsers/secrets/secret-cache.js";
import { clearCookieCache, createCookieRecord, deriveChromiumKey } from "../src/index.js";

describe("createCookieRecord", () => {
  it("leaves out an optional attribute given as undefined", () => {
    const record = createCookieRecord({
      name: "sid",
      value: "secret",
      domain: "example.com",
      hostOnly: false,
      path: "/",
      secure: true,
      httpOnly: false,
      sameSite: undefined,
      expires: undefined,
      creationTime: 1_700_000_000_000,
      source: { kind: "caller" },
    });
    expect(Object.keys(record)).toEqual([
      "name",
      "domain",
      "hostOnly",
      "path",
      "secure",
      "httpOnly",
      "creationTime",
      "source",
    ]);
    expect(JSON.stringify(record)).not.toContain("secret");
    expect(record.value).toBe("secret");
  });

  it("shares a frozen source and copies any other", () => {
    const fields = {
      name: "a",
      value: "1",
      domain: "example.com",
      hostOnly: true,
      path: "/",
      secure: false,
      httpOnly: false,
    };
    const frozen = Object.freeze({ kind: "caller" as const });
    const open = { kind: "caller" as const };
    expect(createCookieRecord({ ...fields, source: frozen }).source).toBe(frozen);
    const copied = createCookieRecord({ ...fields, source: open }).source;
    expect(copied).not.toBe(open);
    expect(Object.isFrozen(copied)).toBe(true);
  });
});

describe("derived Chromium keys", () => {
  it("are derived once per password and iterations, until clearCookieCache", () => {
    clearCookieCache();
    const first = cachedChromiumKey("password", 1003);
    expect(Buffer.from(first).equals(Buffer.from(deriveChromiumKey("password", 1003)))).toBe(true);
    expect(cachedChromiumKey("password", 1003)).toBe(first);
    expect(cachedChromiumKey("password", 1)).not.toBe(first);
    clearCookieCache();
    expect(cachedChromiumKey("password", 1003)).not.toBe(first);
  });
});
