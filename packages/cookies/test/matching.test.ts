import { describe, expect, it } from "vitest";
import { domainMatches, InvalidDomainError, lookupHosts, normalizeDomain } from "../src/index.js";

describe("normalizeDomain", () => {
  it.each([
    [" Open-Assistant.IO ", "open-assistant.io"],
    [".open-assistant.io.", "open-assistant.io"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["127.0.0.1", "127.0.0.1"],
    ["[::1]", "::1"],
    ["localhost", "localhost"],
    ["example.co.uk", "example.co.uk"],
  ])("normalises %j to %j", (input, output) => {
    expect(normalizeDomain(input)).toBe(output);
  });

  it.each(["", ".", "co.uk", "github.io", "https://example.com", "example.com:443", "exa mple.com"])(
    "rejects %j with InvalidDomainError",
    (input) => {
      expect(() => normalizeDomain(input)).toThrow(expect.objectContaining({ code: "INVALID_DOMAIN" }));
      try {
        normalizeDomain(input);
      } catch (error) {
        expect(InvalidDomainError.isInstance(error)).toBe(true);
      }
    },
  );
});

describe("domainMatches (RFC 6265 §5.1.3)", () => {
  const host = "open-assistant.io";
  it.each([
    ["domain cookie of the host", { domain: "open-assistant.io", hostOnly: false }, host, false, true],
    ["host-only cookie of the host", { domain: "open-assistant.io", hostOnly: true }, host, false, true],
    [
      "domain cookie of a parent",
      { domain: "open-assistant.io", hostOnly: false },
      "chat.open-assistant.io",
      false,
      true,
    ],
    [
      "host-only cookie of a parent",
      { domain: "open-assistant.io", hostOnly: true },
      "chat.open-assistant.io",
      false,
      false,
    ],
    [
      "host-only cookie of a subdomain",
      { domain: "chat.open-assistant.io", hostOnly: true },
      host,
      false,
      false,
    ],
    ["same, with includeSubdomains", { domain: "chat.open-assistant.io", hostOnly: true }, host, true, true],
    ["a look-alike prefix", { domain: "evil-open-assistant.io", hostOnly: false }, host, false, false],
    ["a look-alike suffix", { domain: "open-assistant.io.evil.com", hostOnly: false }, host, false, false],
    [
      "look-alikes even with includeSubdomains",
      { domain: "evil-open-assistant.io", hostOnly: false },
      host,
      true,
      false,
    ],
    ["a cookie set on a public suffix", { domain: "io", hostOnly: false }, host, false, false],
    ["an IP by itself", { domain: "10.0.0.1", hostOnly: true }, "10.0.0.1", false, true],
    ["an IP suffix", { domain: "0.0.1", hostOnly: false }, "10.0.0.1", false, false],
    ["localhost by itself", { domain: "localhost", hostOnly: false }, "localhost", false, true],
    ["co.uk sites are separate", { domain: "other.co.uk", hostOnly: false }, "example.co.uk", false, false],
  ])("%s", (_label, cookie, lookup, includeSubdomains, expected) => {
    expect(domainMatches(cookie, lookup, { includeSubdomains })).toBe(expected);
  });

  it("lists the parents up to the registrable domain for SQL prefilters", () => {
    expect(lookupHosts("a.b.example.co.uk")).toEqual([
      "a.b.example.co.uk",
      "b.example.co.uk",
      "example.co.uk",
    ]);
    expect(lookupHosts("localhost")).toEqual(["localhost"]);
  });
});
