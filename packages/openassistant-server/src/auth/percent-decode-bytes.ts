function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

/**
 * Percent-decodes into bytes, returned as a latin1 byte string (so `%FF` is one byte 0xFF, not
 * an error as `decodeURIComponent` would make it). A `%` not followed by two hex digits stays as is.
 */
export function percentDecodeBytes(text: string): string {
  if (!text.includes("%")) return text;
  let out = "";
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x25 && index + 2 < text.length) {
      const high = hexValue(text.charCodeAt(index + 1));
      const low = hexValue(text.charCodeAt(index + 2));
      if (high >= 0 && low >= 0) {
        out += String.fromCharCode(high * 16 + low);
        index += 2;
        continue;
      }
    }
    out += text[index];
  }
  return out;
}
