/**
 * Re-encodes a UTF-16 string as a byte string of its UTF-8 bytes (one code unit per byte).
 * @param text - text decoded from UTF-8.
 * @returns the byte string.
 * @internal
 */
export function utf8ToByteString(text: string): string {
  // Pure ASCII is already its own byte string; skip the Buffer round trip.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return Buffer.from(text, "utf8").toString("latin1");
}

/**
 * Makes a caller's string a byte string: unchanged when every code unit is ≤ 0xFF (it already
 * is one), else UTF-8 encoded.
 * @param text - a name or value from the caller.
 * @returns the byte string.
 * @internal
 */
export function toByteString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
  return /^[\x00-\xff]*$/.test(text) ? text : Buffer.from(text, "utf8").toString("latin1");
}

/**
 * Whether a byte string cannot appear in a `Cookie` header (CR, LF or NUL).
 * @param text - a name or value.
 * @returns `true` when it must not be sent.
 * @internal
 */
export function isUnsendable(text: string): boolean {
  return /[\r\n\0]/.test(text);
}
