const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** A file's text, and whether it was valid UTF-8. */
export interface DecodedFileText {
  /** The text: UTF-8-decoded when valid, else latin1 (one code unit per byte). */
  text: string;
  /** `true` when the bytes were valid UTF-8 (strings parsed from `text` must then be re-encoded). */
  utf8: boolean;
}

/**
 * Decodes a JSON or HAR file: as UTF-8 when it is valid UTF-8 (a BOM is dropped), else as latin1
 * so every byte survives.
 * @param bytes - the file's content.
 * @returns the text and how it was decoded.
 * @internal
 */
export function decodeFileText(bytes: Uint8Array): DecodedFileText {
  try {
    return { text: utf8Decoder.decode(bytes), utf8: true };
  } catch {
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
      utf8: false,
    };
  }
}
