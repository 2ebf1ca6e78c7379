import { createHash, hash } from "node:crypto";

/** Meta `version` from which Chromium prefixes each plaintext with SHA-256(host_key). */
export const hostKeyDigestVersion = 24;

/**
 * SHA-256 of a cookie's `host_key`, the 32-byte prefix Chromium puts before each plaintext from
 * DB meta version 24 (so a value cannot be moved to another host's row).
 * @param hostKey - the row's `host_key` as a byte string (latin1).
 * @returns the 32-byte digest.
 * @internal
 */
export function hostKeyDigest(hostKey: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(Buffer.from(hostKey, "latin1")).digest());
}

/**
 * {@link hostKeyDigest} as a byte string (latin1: one code unit per byte), the form the batch
 * decryption compares plaintexts with. One-shot `crypto.hash` (Node 20.12+), not a `Hash`
 * object: it runs in the per-cookie loop, and code inlining short-lived `Hash` objects was
 * thrown away at every major GC.
 * @param hostKey - the row's `host_key` as a byte string.
 * @returns the 32-byte digest as a byte string.
 * @internal
 */
export function hostKeyDigestText(hostKey: string): string {
  return hash("sha256", Buffer.from(hostKey, "latin1"), "binary");
}
