import { createCipheriv, randomBytes } from "node:crypto";
import { deriveChromiumKey, linuxBuiltInPassword, macIterations } from "../crypto/derive-chromium-key.js";
import { hostKeyDigest, hostKeyDigestVersion } from "../crypto/host-key-digest.js";

/** Options of {@link encryptChromium}. */
export interface EncryptChromiumOptions {
  /** The prefix written before the ciphertext. @defaultValue "v10" */
  scheme?: "v10" | "v11" | "v20";
  /**
   * Whose scheme: `linux` (PBKDF2 1 iteration), `darwin` (1003 iterations), `win32` (AES-256-GCM
   * with `key`). @defaultValue "linux"
   */
  platform?: "linux" | "darwin" | "win32";
  /** The "Safe Storage" password (Linux, macOS). @defaultValue "peanuts" (Linux v10's built-in one) */
  password?: string;
  /** A raw key instead of a password: 16 bytes for AES-128-CBC, 32 for AES-256-GCM (Windows). */
  key?: Uint8Array;
  /** The row's `host_key`, whose SHA-256 prefixes the plaintext from meta version 24. */
  hostKey?: string;
  /** The DB's meta version. @defaultValue 24 */
  metaVersion?: number;
  /** GCM nonce (12 bytes). @defaultValue random */
  nonce?: Uint8Array;
}

/**
 * Encrypts a cookie value exactly as Chromium does, for `encrypted_value`: on Linux and macOS
 * AES-128-CBC (IV 16 × 0x20, PKCS#7) under PBKDF2-HMAC-SHA1(password, "saltysalt", 1 or 1003
 * iterations); on Windows AES-256-GCM under the `Local State` key (12-byte nonce, data, 16-byte
 * tag). From meta version 24 the plaintext starts with SHA-256(`host_key`).
 *
 * @param value - the value: a byte string (latin1) or bytes.
 * @param options - scheme, platform, password or key, host key and meta version.
 * @returns the `encrypted_value` bytes, prefix included.
 * @example
 * ```ts
 * const encrypted = encryptChromium("token", { hostKey: ".example.com" }); // Linux v10, meta 24
 * ```
 */
export function encryptChromium(
  value: string | Uint8Array,
  options: EncryptChromiumOptions = {},
): Uint8Array {
  const platform = options.platform ?? "linux";
  const valueBytes = typeof value === "string" ? Buffer.from(value, "latin1") : Buffer.from(value);
  const digest =
    (options.metaVersion ?? 24) >= hostKeyDigestVersion
      ? Buffer.from(hostKeyDigest(options.hostKey ?? ""))
      : Buffer.alloc(0);
  const plain = Buffer.concat([digest, valueBytes]);
  const prefix = Buffer.from(options.scheme ?? "v10", "latin1");
  const key =
    options.key ??
    deriveChromiumKey(options.password ?? linuxBuiltInPassword, platform === "darwin" ? macIterations : 1);
  if (key.length === 32) {
    const nonce = options.nonce ?? randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return new Uint8Array(Buffer.concat([prefix, nonce, body, cipher.getAuthTag()]));
  }
  const cipher = createCipheriv("aes-128-cbc", key, Buffer.alloc(16, 0x20));
  return new Uint8Array(Buffer.concat([prefix, cipher.update(plain), cipher.final()]));
}
