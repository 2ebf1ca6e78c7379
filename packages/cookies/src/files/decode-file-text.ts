const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const utf16LeDecoder = new TextDecoder("utf-16le", { ignoreBOM: false });
const utf16BeDecoder = new TextDecoder("utf-16be", { ignoreBOM: false });

/** A file's text, and whether it was valid Unicode. */
export interface DecodedFileText {
  /** The text: decoded from UTF-8 (or UTF-16 with a BOM) when valid, else latin1 (one code unit per byte). */
  text: string;
  /** `true` when the text is real Unicode (strings parsed from `text` must then be re-encoded as UTF-8 bytes). */
  utf8: boolean;
}

/**
 * Decodes a cookie file: UTF-16 when it starts with a UTF-16 BOM (PowerShell and some Windows
 * editors write that), else UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else latin1
 * so every byte survives.
 * @param bytes - the file's content.
 * @returns the text and how it was decoded.
 * @internal
 */
export function decodeFileText(bytes: Uint8Array): DecodedFileText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16LeDecoder.decode(bytes), utf8: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16BeDecoder.decode(bytes), utf8: true };
  try {
    return { text: utf8Decoder.decode(bytes), utf8: true };
  } catch {
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
      utf8: false,
    };
  }
}
