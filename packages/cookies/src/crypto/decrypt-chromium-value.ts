import { createDecipheriv } from "node:crypto";
import { CookieDecryptionError } from "../errors/cookie-decryption-error.js";
import { UnsupportedCookieEncryptionError } from "../errors/unsupported-cookie-encryption-error.js";
import { chromiumScheme } from "./chromium-scheme.js";
import { hostKeyDigest, hostKeyDigestVersion } from "./host-key-digest.js";

/** Options of {@link decryptChromiumValue}. */
export interface DecryptChromiumValueOptions {
  /**
   * The AES key: 16 bytes (AES-128-CBC: Linux, from `deriveChromiumKey`; macOS likewise with
   * 1003 iterations) or 32 bytes (AES-256-GCM: Windows, the DPAPI-unprotected
   * `os_crypt.encrypted_key` of `Local State`).
   */
  key: Uint8Array;
  /** The row's `host_key` as a byte string; needed from meta version 24 to check the prefix. */
  hostKey?: string;
  /** The DB's `meta` `version`. @defaultValue 0 (no host-key prefix) */
  metaVersion?: number;
}

const cbcIv = Buffer.alloc(16, 0x20);

/**
 * Decrypts one Chromium `encrypted_value` (`v10` or `v11`) exactly as Chromium encrypts it:
 * AES-128-CBC with IV 16 × 0x20 and PKCS#7 padding for a 16-byte key, AES-256-GCM with a
 * 12-byte nonce and a 16-byte tag for a 32-byte key. From meta version 24 the plaintext starts
 * with SHA-256(`host_key`), which is checked and stripped: a mismatch means a wrong key.
 * Whole-value DPAPI blobs (Windows before Chrome 80) need the OS and are not handled here.
 *
 * @param encrypted - the `encrypted_value` bytes, prefix included.
 * @param options - the key, and the row's `host_key` with the DB's meta version.
 * @returns the cookie value's bytes (read them as latin1 to get the byte string).
 * @throws UnsupportedCookieEncryptionError for `v20` (app-bound) values.
 * @throws CookieDecryptionError `wrong-key` when padding, tag or host-key prefix do not check
 *   out; `corrupt` for a value too short or of an unknown scheme.
 * @example
 * ```ts
 * const bytes = decryptChromiumValue(row.encrypted_value, {
 *   key: deriveChromiumKey("peanuts", 1), hostKey: ".example.com", metaVersion: 24 });
 * const value = Buffer.from(bytes).toString("latin1");
 * ```
 */
export function decryptChromiumValue(
  encrypted: Uint8Array,
  options: DecryptChromiumValueOptions,
): Uint8Array {
  const scheme = chromiumScheme(encrypted);
  if (scheme === "v20") {
    throw new UnsupportedCookieEncryptionError({ scheme: "v20 (app-bound encryption)", count: 1 });
  }
  if (scheme !== "v10" && scheme !== "v11") {
    throw new CookieDecryptionError({
      reason: "corrupt",
      count: 1,
      message: `A Chromium cookie value has scheme "${scheme}", which decryptChromiumValue does not handle (expected v10 or v11).`,
    });
  }
  const body = encrypted.subarray(3);
  const plain = options.key.length === 32 ? decryptGcm(body, options.key) : decryptCbc(body, options.key);
  if ((options.metaVersion ?? 0) < hostKeyDigestVersion) return plain;
  const digest = hostKeyDigest(options.hostKey ?? "");
  if (plain.length < digest.length || !digest.every((byte, index) => plain[index] === byte)) {
    throw wrongKey("the host-key digest at the start of the value does not match");
  }
  return plain.subarray(digest.length);
}

function decryptCbc(body: Uint8Array, key: Uint8Array): Uint8Array {
  if (key.length !== 16) throw corrupt(`a ${key.length}-byte key fits neither AES-128-CBC nor AES-256-GCM`);
  if (body.length === 0 || body.length % 16 !== 0)
    throw corrupt("the ciphertext is not a whole number of AES blocks");
  try {
    const decipher = createDecipheriv("aes-128-cbc", key, cbcIv);
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch (error) {
    throw wrongKey("the padding is invalid", error);
  }
}

function decryptGcm(body: Uint8Array, key: Uint8Array): Uint8Array {
  if (body.length < 12 + 16) throw corrupt("the value is shorter than a GCM nonce and tag");
  const nonce = body.subarray(0, 12);
  const tag = body.subarray(body.length - 16);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAuthTag(tag);
    return new Uint8Array(
      Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]),
    );
  } catch (error) {
    throw wrongKey("the GCM authentication tag does not match", error);
  }
}

function wrongKey(detail: string, cause?: unknown): CookieDecryptionError {
  return new CookieDecryptionError({
    reason: "wrong-key",
    count: 1,
    message: `A Chromium cookie value did not decrypt: ${detail}. The key is wrong for this value.`,
    ...(cause === undefined ? {} : { cause }),
  });
}

function corrupt(detail: string): CookieDecryptionError {
  return new CookieDecryptionError({
    reason: "corrupt",
    count: 1,
    message: `A Chromium cookie value is corrupt: ${detail}.`,
  });
}
