import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type CookieRecord, createCookieRecord, redact, toCookieHeader } from "../src/index.js";

const record = (name: string, fields: Partial<CookieRecord> = {}): CookieRecord =>
  createCookieRecord({
    name,
    value: `${name}-value`,
    domain: "example.com",
    hostOnly: false,
    path: "/",
    secure: false,
    httpOnly: false,
    source: { kind: "caller" },
    ...fields,
  });

describe("toCookieHeader", () => {
  it("joins a name → value map", () => {
    expect(toCookieHeader({ a: "1", b: "2" })).toBe("a=1; b=2");
  });

  it("UTF-8 encodes code units above 0xFF and leaves out CR/LF/NUL values", () => {
    expect(toCookieHeader({ euro: "€", bad: "a\r\nb", ok: "1" })).toBe(
      `euro=${Buffer.from("€").toString("latin1")}; ok=1`,
    );
  });

  it.each([
    ["https://example.com/", "root=root-value"],
    ["https://example.com/docs", "root=root-value"],
    ["https://example.com/docs/", "docs=docs-value; root=root-value"],
    ["https://example.com/docs/page", "docs=docs-value; root=root-value"],
    ["https://example.com/docsx", "root=root-value"],
  ])("matches paths as RFC 6265 §5.1.4 for %s", (url, header) => {
    expect(toCookieHeader([record("root"), record("docs", { path: "/docs/" })], url)).toBe(header);
  });

  it("sends host-only cookies only to their host and Secure ones only over https", () => {
    const cookies = [record("host", { hostOnly: true }), record("secure", { secure: true })];
    expect(toCookieHeader(cookies, "http://example.com/")).toBe("host=host-value");
    expect(toCookieHeader(cookies, "https://sub.example.com/")).toBe("secure=secure-value");
    expect(toCookieHeader(cookies, "wss://example.com/")).toBe("host=host-value; secure=secure-value");
  });

  it("leaves out expired cookies and orders longer paths first, then older", () => {
    const cookies = [
      record("new", { creationTime: 20 }),
      record("old", { creationTime: 10 }),
      record("deep", { path: "/a/b", creationTime: 30 }),
      record("gone", { expires: 5 }),
    ];
    expect(toCookieHeader(cookies, "https://example.com/a/b", { now: () => 100 })).toBe(
      "deep=deep-value; old=old-value; new=new-value",
    );
  });

  it("never sends a cookie to an IP that merely ends like its domain", () => {
    expect(toCookieHeader([record("a", { domain: "0.1" })], "http://10.0.0.1/")).toBe("");
  });
});

describe("redact", () => {
  it("shows names and sizes only, for maps, records and header strings", () => {
    expect(redact({ sid: "SECRET" })).toBe("sid=[redacted, 6 bytes]");
    expect(redact([record("a")])).toBe("a=[redacted, 7 bytes]");
    expect(redact("a=SECRET; b=xy")).toBe("a=[redacted, 6 bytes]; b=[redacted, 2 bytes]");
  });

  it("keeps records masked in JSON and inspect", () => {
    const canary = record("sid", { value: "SECRET-CANARY" } as Partial<CookieRecord>);
    expect(JSON.stringify(canary)).not.toContain("SECRET-CANARY");
    expect(inspect(canary)).not.toContain("SECRET-CANARY");
    expect({ ...canary }).not.toHaveProperty("value");
  });
});
