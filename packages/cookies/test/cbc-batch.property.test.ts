import { createCipheriv, createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptCbcRows } from "../src/browsers/decrypt-cbc-rows.js";
import type { EncryptedRow } from "../src/browsers/decrypt-chromium-rows.js";
import { decryptChromiumValue, deriveChromiumKey } from "../src/index.js";

const iv = Buffer.alloc(16, 0x20);
const rightKey = deriveChromiumKey("right password", 1);
const wrongKey = deriveChromiumKey("wrong password", 1);

// The per-value path the batch must match: decryptChromiumValue, undefined where it throws.
function oneByOne(
  rows: readonly EncryptedRow[],
  key: Uint8Array,
  metaVersion: number,
): (string | undefined)[] {
  return rows.map((row) => {
    try {
      const bytes = decryptChromiumValue(row.encrypted, { key, hostKey: row.hostKey, metaVersion });
      return Buffer.from(bytes).toString("latin1");
    } catch {
      return undefined;
    }
  });
}

type Damage = "none" | "truncate" | "last-byte" | "first-byte" | "other-host" | "empty-body";

function encryptRow(
  value: Uint8Array,
  hostKey: string,
  options: { prefix: string; key: Uint8Array; metaVersion: number; damage: Damage },
): EncryptedRow {
  const digestHost = options.damage === "other-host" ? `${hostKey}.other` : hostKey;
  const digest =
    options.metaVersion >= 24
      ? createHash("sha256").update(Buffer.from(digestHost, "latin1")).digest()
      : Buffer.alloc(0);
  const cipher = createCipheriv("aes-128-cbc", options.key, iv);
  let body = Buffer.concat([cipher.update(Buffer.concat([digest, value])), cipher.final()]);
  if (options.damage === "truncate") body = body.subarray(0, body.length - 1 - (value.length % 15));
  if (options.damage === "last-byte") body[body.length - 1]! ^= 0x5a;
  if (options.damage === "first-byte") body[0]! ^= 0x01;
  if (options.damage === "empty-body") body = Buffer.alloc(0);
  return { encrypted: new Uint8Array(Buffer.concat([Buffer.from(options.prefix, "latin1"), body])), hostKey };
}

const rowSpec = fc.record({
  value: fc.uint8Array({ maxLength: 70 }),
  hostKey: fc.oneof(
    fc.constant(".example.com"),
    fc.constant("example.com"),
    // Any byte string: host keys are read as bytes.
    fc.uint8Array({ maxLength: 20 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  ),
  prefix: fc.constantFrom("v10", "v11", "v11", "v20", "x1", ""),
  wrongKey: fc.boolean(),
  damage: fc.constantFrom<Damage>(
    "none",
    "none",
    "none",
    "truncate",
    "last-byte",
    "first-byte",
    "other-host",
    "empty-body",
  ),
});

describe("batch CBC decryption", () => {
  it("gives the same answers as decryptChromiumValue row by row, on random rows", () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 40 }), fc.constantFrom(23, 24), (specs, metaVersion) => {
        const rows = specs.map((spec) =>
          encryptRow(spec.value, spec.hostKey, {
            prefix: spec.prefix,
            key: spec.wrongKey ? wrongKey : rightKey,
            metaVersion,
            damage: spec.damage,
          }),
        );
        expect(decryptCbcRows(rows, rightKey, metaVersion, new Map())).toEqual(
          oneByOne(rows, rightKey, metaVersion),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("decrypts good rows next to broken ones, byte for byte", () => {
    const value = Buffer.from([0x00, 0x7f, 0x80, 0xff, 0x41]);
    const options = { prefix: "v11", key: rightKey, metaVersion: 24 } as const;
    const rows = [
      encryptRow(value, ".example.com", { ...options, damage: "none" }),
      encryptRow(value, ".example.com", { ...options, damage: "last-byte" }),
      encryptRow(Buffer.alloc(0), "example.com", { ...options, damage: "none" }),
      encryptRow(value, ".example.com", { ...options, damage: "other-host" }),
      encryptRow(Buffer.alloc(33, 0x61), "example.com", { ...options, damage: "none" }),
    ];
    expect(decryptCbcRows(rows, rightKey, 24, new Map())).toEqual([
      value.toString("latin1"),
      undefined,
      "",
      undefined,
      "a".repeat(33),
    ]);
  });
});
