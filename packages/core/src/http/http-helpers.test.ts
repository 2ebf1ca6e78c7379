import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactSecrets } from "../internal/redact-secrets.js";
import { buildCookieHeader } from "./build-cookie-header.js";
import { computeBackoff } from "./compute-backoff.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import { redactHeaders, redactUrl } from "./redact-headers.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["0", 0],
    ["7", 7],
    [" 1.5 ", 1.5],
    ["Thu, 01 Jan 2026 00:00:30 GMT", 30],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
    ["soon", undefined],
    [null, undefined],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("computeBackoff", () => {
  it("doubles per attempt, jitters between half and full, and caps", () => {
    const options = { minDelayMs: 100, maxDelayMs: 1_000 };
    expect(computeBackoff(0, options, 0)).toBe(50);
    expect(computeBackoff(0, options, 0.999_999)).toBe(100);
    expect(computeBackoff(2, options, 0)).toBe(200);
    expect(computeBackoff(10, options, 0.999_999)).toBe(1_000);
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, random) => {
          const delay = computeBackoff(attempt, options, random);
          expect(delay).toBeGreaterThanOrEqual(50);
          expect(delay).toBeLessThanOrEqual(1_000);
        },
      ),
    );
  });
});

describe("buildCookieHeader", () => {
  it("joins pairs in order and returns undefined for none", () => {
    expect(buildCookieHeader({ a: "1", b: "x=y" })).toBe("a=1; b=x=y");
    expect(buildCookieHeader({})).toBeUndefined();
    expect(buildCookieHeader(undefined)).toBeUndefined();
  });
});

describe("redaction", () => {
  it("removes known secrets, bearer tokens, credential headers, JWTs and URL passwords", () => {
    const jwt = "eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl";
    const text = `token sk-known-123 Bearer abc.def Authorization: Basic Zm9v\nCookie: a=b; c=d\n${jwt} http://user:pw@host/`;
    const redacted = redactSecrets(text, ["sk-known-123", "ab"]);
    for (const secret of ["sk-known-123", "abc.def", "Zm9v", "a=b", jwt, ":pw@"])
      expect(redacted).not.toContain(secret);
    expect(redacted).toContain("[redacted]");
  });

  it("also removes the UTF-8 reading of a latin1 byte-string secret", () => {
    const latin1 = Buffer.from("grüße-secret", "utf8").toString("latin1");
    expect(redactSecrets("body: grüße-secret", [latin1])).toBe("body: [redacted]");
  });

  it("redacts secret headers by size and strips URL credentials", () => {
    expect(
      redactHeaders([
        ["Cookie", "a=1"],
        ["Accept", "x"],
      ]),
    ).toEqual({ cookie: "[redacted, 3 chars]", accept: "x" });
    expect(redactUrl("http://u:p@h.test/path?q=1")).toBe("http://h.test/path?q=1");
  });
});
