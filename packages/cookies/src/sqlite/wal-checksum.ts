/** First four bytes of a WAL whose checksums use little-endian words. @internal */
export const walMagicLittleEndian = 0x377f0682;
/** First four bytes of a WAL whose checksums use big-endian words. @internal */
export const walMagicBigEndian = 0x377f0683;
/** The only WAL format version SQLite writes. @internal */
export const walFormatVersion = 3007000;
/** Size of the WAL file header. @internal */
export const walHeaderSize = 32;
/** Size of each frame header. @internal */
export const walFrameHeaderSize = 24;

/**
 * SQLite's WAL checksum: a Fibonacci-weighted sum over pairs of 32-bit words, continued from
 * `seed` (the previous frame's checksum). `bytes.length` must be a multiple of 8.
 * @internal
 */
export function walChecksum(
  bytes: Uint8Array,
  bigEndian: boolean,
  seed: readonly [number, number] = [0, 0],
): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const littleEndian = !bigEndian;
  let s0 = seed[0];
  let s1 = seed[1];
  for (let offset = 0; offset + 8 <= bytes.length; offset += 8) {
    s0 = (s0 + view.getUint32(offset, littleEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(offset + 4, littleEndian) + s0) >>> 0;
  }
  return [s0, s1];
}
