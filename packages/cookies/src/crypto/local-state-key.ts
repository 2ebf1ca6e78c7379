/**
 * The DPAPI-protected AES-256 key of a Chromium `Local State` file on Windows:
 * `os_crypt.encrypted_key` is base64 of `DPAPI` followed by the blob.
 *
 * @param localState - the parsed `Local State` JSON.
 * @returns the DPAPI blob, or `undefined` when the file holds no usable key.
 * @internal
 */
export function localStateEncryptedKey(localState: unknown): Uint8Array | undefined {
  const osCrypt = (localState as { os_crypt?: { encrypted_key?: unknown } } | undefined)?.os_crypt;
  const encoded = osCrypt?.encrypted_key;
  if (typeof encoded !== "string") return undefined;
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length <= 5 || bytes.subarray(0, 5).toString("latin1") !== "DPAPI") return undefined;
  return new Uint8Array(bytes.subarray(5));
}
