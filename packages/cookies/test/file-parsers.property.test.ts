import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCookieFile } from "../src/files/parse-cookie-file.js";
import { CookieFileFormatError, readCookieFile } from "../src/index.js";
import { useTempDirs } from "./support/temp-dir.js";

const tempDir = useTempDirs();

// Either a parse with a known format or our typed error: never a crash, never another error.
function parseOrTypedError(bytes: Uint8Array): "parsed" | "typed-error" {
  try {
    const parsed = parseCookieFile(bytes, "/tmp/x");
    expect(["extension-json", "storage-state", "g4f-json", "har", "netscape"]).toContain(parsed.format);
    for (const cookie of parsed.cookies) {
      expect(typeof cookie.name).toBe("string");
      expect(typeof cookie.value).toBe("string");
      // Byte strings: one code unit per byte.
      expect([...(cookie.name + cookie.value)].every((char) => char.charCodeAt(0) <= 0xff)).toBe(true);
    }
    return "parsed";
  } catch (error) {
    if (!CookieFileFormatError.isInstance(error)) throw error;
    return "typed-error";
  }
}

const cookieLike = fc.record({
  domain: fc.oneof(fc.constant("example.com"), fc.constant(".example.com"), fc.string()),
  name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  value: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
  hostOnly: fc.oneof(fc.boolean(), fc.string()),
  expirationDate: fc.oneof(fc.double(), fc.string(), fc.constant(undefined)),
  path: fc.oneof(fc.string(), fc.constant(undefined)),
});

const samples = [
  JSON.stringify([{ domain: ".example.com", name: "a", value: "1", expirationDate: 1e10 }]),
  JSON.stringify({
    cookies: [{ name: "a", value: "1", domain: "example.com", path: "/", expires: -1 }],
    origins: [],
  }),
  JSON.stringify({ "example.com": { a: "1" } }),
  JSON.stringify({
    log: {
      entries: [
        {
          startedDateTime: "2025-01-01T00:00:00Z",
          request: { url: "https://example.com/a", headers: [{ name: "Cookie", value: "a=1" }], cookies: [] },
          response: { headers: [{ name: "Set-Cookie", value: "b=2; Max-Age=60; Path=/" }], cookies: [] },
        },
      ],
    },
  }),
  "# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\ta\t1\r\n#HttpOnly_example.com\tFALSE\t/\tTRUE\t99999999999\tb\t2\n",
];

describe("file parsers never crash", () => {
  it("on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => void parseOrTypedError(bytes)),
      { numRuns: 400 },
    );
  });

  it("on random text, including TAB-separated lines and JSON-ish starts", () => {
    const line = fc
      .array(fc.oneof(fc.string(), fc.constantFrom("TRUE", "FALSE", "0", "/", ".example.com")), {
        maxLength: 9,
      })
      .map((fields) => fields.join("\t"));
    const text = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n"))
        .map(([lines, eol]) => lines.join(eol)),
      fc.string().map((rest) => `[${rest}`),
      fc.string().map((rest) => `{"log":${rest}`),
    );
    fc.assert(
      fc.property(text, (input) => void parseOrTypedError(Buffer.from(input, "utf8"))),
      { numRuns: 400 },
    );
  });

  it("on every truncation of each valid format", () => {
    for (const sample of samples) {
      const bytes = Buffer.from(sample);
      for (let length = 0; length <= bytes.length; length++) parseOrTypedError(bytes.subarray(0, length));
      expect(parseOrTypedError(bytes)).toBe("parsed");
    }
  });

  it("on structurally valid JSON with wrong member types", () => {
    const shapes = fc.oneof(
      fc.array(cookieLike, { maxLength: 6 }),
      fc.record({ cookies: fc.array(cookieLike, { maxLength: 6 }) }),
      fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()))),
      fc.record({ log: fc.record({ entries: fc.array(fc.anything(), { maxLength: 5 }) }) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(shapes, (shape) => void parseOrTypedError(Buffer.from(JSON.stringify(shape) ?? "null"))),
      { numRuns: 400 },
    );
  });

  it("readCookieFile turns any file into cookies or a CookieFileFormatError", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), async (bytes) => {
        const path = join(dir, "f");
        await writeFile(path, bytes);
        const outcome = await readCookieFile(path, { domain: "example.com" }).then(
          (result) => Array.isArray(result.cookies),
          (error: unknown) => CookieFileFormatError.isInstance(error),
        );
        expect(outcome).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
