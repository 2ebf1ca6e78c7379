/**
 * How a Chromium `encrypted_value` is protected, read from its first bytes:
 * `v10`/`v11` (AES with a derived or DPAPI-protected key), `v20` (app-bound, Chrome 127+ on
 * Windows), `dpapi` (a whole-value DPAPI blob, Windows before Chrome 80), `empty` (the clear
 * `value` column is used) or `unknown`.
 */
export type ChromiumScheme = "v10" | "v11" | "v20" | "dpapi" | "empty" | "unknown";

// DPAPI blobs start with dwVersion 1 and the provider GUID df9d8cd0-1501-11d1-8c7a-00c04fc297eb.
const dpapiHeader = [0x01, 0x00, 0x00, 0x00, 0xd0, 0x8c, 0x9d, 0xdf, 0x01, 0x15, 0xd1, 0x11];

/**
 * Tells which scheme protects a Chromium cookie value.
 * @param encrypted - the `encrypted_value` bytes.
 * @returns the scheme; see {@link ChromiumScheme}.
 */
export function chromiumScheme(encrypted: Uint8Array): ChromiumScheme {
  if (encrypted.length === 0) return "empty";
  // Byte by byte ("v" 0x76, "0" 0x30, "1" 0x31, "2" 0x32), no string: this runs per cookie.
  if (encrypted.length >= 3 && encrypted[0] === 0x76) {
    const tens = encrypted[1];
    const ones = encrypted[2];
    if (tens === 0x31 && ones === 0x30) return "v10";
    if (tens === 0x31 && ones === 0x31) return "v11";
    if (tens === 0x32 && ones === 0x30) return "v20";
  }
  if (dpapiHeader.every((byte, index) => encrypted[index] === byte)) return "dpapi";
  return "unknown";
}
