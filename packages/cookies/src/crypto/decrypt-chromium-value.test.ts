import { createCipheriv, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CookieDecryptionError } from "../errors/cookie-decryption-error.js";
import { UnsupportedCookieEncryptionError } from "../errors/unsupported-cookie-encryption-error.js";
import { decryptChromiumValue } from "./decrypt-chromium-value.js";
import { deriveChromiumKey } from "./derive-chromium-key.js";

const value = Buffer.from([0x61, 0xff, 0xc3, 0x28, 0x80, 0x7a]);

function encryptCbc(plain: Buffer, password: string, iterations: number, prefix: string): Uint8Array {
  const cipher = createCipheriv(
    "aes-128-cbc",
    deriveChromiumKey(password, iterations),
    Buffer.alloc(16, 0x20),
  );
  return Buffer.concat([Buffer.from(prefix), cipher.update(plain), cipher.final()]);
}

describe("decryptChromiumValue", () => {
  it("decrypts Linux v10 at meta 24 and strips the host-key digest byte-exact", () => {
    const plain = Buffer.concat([createHash("sha256").update(".example.com").digest(), value]);
    const encrypted = encryptCbc(plain, "peanuts", 1, "v10");
    const bytes = decryptChromiumValue(encrypted, {
      key: deriveChromiumKey("peanuts", 1),
      hostKey: ".example.com",
      metaVersion: 24,
    });
    expect(Buffer.from(bytes).equals(value)).toBe(true);
  });

  it("reports a host-key digest mismatch as wrong-key", () => {
    const plain = Buffer.concat([createHash("sha256").update(".other.com").digest(), value]);
    const encrypted = encryptCbc(plain, "peanuts", 1, "v10");
    const call = () =>
      decryptChromiumValue(encrypted, {
        key: deriveChromiumKey("peanuts", 1),
        hostKey: ".example.com",
        metaVersion: 24,
      });
    expect(call).toThrow(expect.objectContaining({ reason: "wrong-key" }));
    try {
      call();
    } catch (error) {
      expect(CookieDecryptionError.isInstance(error)).toBe(true);
    }
  });

  it("refuses v20 app-bound values instead of garbling them", () => {
    const encrypted = Buffer.concat([Buffer.from("v20"), Buffer.alloc(40, 1)]);
    try {
      decryptChromiumValue(encrypted, { key: new Uint8Array(32) });
      expect.unreachable();
    } catch (error) {
      expect(UnsupportedCookieEncryptionError.isInstance(error)).toBe(true);
    }
  });
});
