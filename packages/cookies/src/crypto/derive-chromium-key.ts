import { pbkdf2Sync } from "node:crypto";

/** PBKDF2 iterations Chromium uses on Linux. */
export const linuxIterations = 1;
/** PBKDF2 iterations Chromium uses on macOS. */
export const macIterations = 1003;
/** The password Chromium on Linux uses when no keyring is in use (`v10`). */
export const linuxBuiltInPassword = "peanuts";

/**
 * Derives Chromium's AES-128-CBC cookie key on Linux and macOS: PBKDF2-HMAC-SHA1 over the
 * "Safe Storage" password with salt `saltysalt`, 16 bytes.
 *
 * @param password - `peanuts` (Linux `v10`), the keyring secret (Linux `v11`) or the Keychain secret (macOS).
 * @param iterations - 1 on Linux, 1003 on macOS.
 * @returns the 16-byte key.
 * @example
 * ```ts
 * const key = deriveChromiumKey("peanuts", 1);
 * ```
 */
export function deriveChromiumKey(password: string, iterations: number): Uint8Array {
  return new Uint8Array(pbkdf2Sync(Buffer.from(password, "utf8"), "saltysalt", iterations, 16, "sha1"));
}
