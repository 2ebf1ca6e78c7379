import { chromiumScheme } from "../crypto/chromium-scheme.js";
import { decryptCbcBatch } from "../crypto/decrypt-cbc-batch.js";
import { hostKeyDigestText, hostKeyDigestVersion } from "../crypto/host-key-digest.js";
import type { EncryptedRow } from "./decrypt-chromium-rows.js";

const prefixLength = 3;
const noBody = new Uint8Array();

/**
 * Decrypts the `v10`/`v11` rows of one profile under one 16-byte key (Linux, macOS) in one batch
 * ({@link decryptCbcBatch}), with the same answers as `decryptChromiumValue` row by row: the
 * value as a byte string (its bytes read as latin1), or `undefined` where that would throw (not `v10`/`v11`, not whole blocks, bad
 * padding, from meta version 24 a missing or wrong host-key digest, which is stripped).
 *
 * @param rows - the encrypted rows.
 * @param key - the derived 16-byte key.
 * @param metaVersion - the DB's meta `version`.
 * @param digests - SHA-256 of each `host_key` seen so far, as byte strings; filled in here (the
 *   rows of a lookup share a few host keys, so each is hashed once).
 * @returns one entry per row, in order.
 * @internal
 */
export function decryptCbcRows(
  rows: readonly EncryptedRow[],
  key: Uint8Array,
  metaVersion: number,
  digests: Map<string, string>,
): (string | undefined)[] {
  // The loops are in helpers that never reach node:crypto (see decryptCbcBatch for why).
  const plain = decryptCbcBatch(bodiesOf(rows), key);
  return metaVersion < hostKeyDigestVersion ? plain : stripDigests(plain, rows, digests);
}

/** Each row's ciphertext; an empty one, which the batch answers with undefined, when not v10/v11. */
function bodiesOf(rows: readonly EncryptedRow[]): Uint8Array[] {
  const bodies: Uint8Array[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const encrypted = rows[index]!.encrypted;
    const scheme = chromiumScheme(encrypted);
    bodies[index] = scheme === "v10" || scheme === "v11" ? encrypted.subarray(prefixLength) : noBody;
  }
  return bodies;
}

/** Checks and strips the SHA-256(host_key) prefix of each plaintext (meta version 24 and up). */
function stripDigests(
  plain: (string | undefined)[],
  rows: readonly EncryptedRow[],
  digests: Map<string, string>,
): (string | undefined)[] {
  for (let index = 0; index < plain.length; index++) {
    const text = plain[index];
    if (text === undefined) continue;
    const hostKey = rows[index]!.hostKey;
    let digest = digests.get(hostKey);
    if (digest === undefined) {
      digest = hostKeyDigestText(hostKey);
      digests.set(hostKey, digest);
    }
    plain[index] = text.startsWith(digest) ? text.slice(digest.length) : undefined;
  }
  return plain;
}
