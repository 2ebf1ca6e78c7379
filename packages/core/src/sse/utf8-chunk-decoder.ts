/**
 * The length of a valid but unfinished UTF-8 sequence at the end of `bytes` (0 to 3), which is
 * what a streaming decoder holds back for the next chunk. Anything else at the end (ASCII, a
 * complete sequence, bytes no valid sequence starts with) decodes now, as a streaming decoder
 * would decode it (replacing invalid bytes).
 */
function unfinishedTailLength(bytes: Uint8Array): number {
  const end = bytes.length;
  if (end === 0 || (bytes[end - 1] as number) < 0x80) return 0;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const lead = bytes[end - back] as number;
    if (lead < 0x80) return 0;
    if (lead < 0xc0) continue; // a continuation byte: its lead is further back
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (lead < 0xc2 || lead > 0xf4 || length <= back) return 0;
    if (back >= 2) {
      // The WHATWG decoder narrows the second byte for these leads (no overlongs, surrogates or
      // code points past U+10FFFF); outside that range the bytes are replaced at once.
      const second = bytes[end - back + 1] as number;
      const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      if (second < low || second > high) return 0;
    }
    return back;
  }
  return 0;
}

/**
 * Decodes a body's chunks of UTF-8 to text: each `decode(chunk)` returns exactly what
 * `TextDecoder#decode(chunk, { stream: true })` returns (sequences split across chunks joined,
 * invalid bytes replaced by U+FFFD, a leading BOM dropped), and `end()` what the final
 * `decode()` returns.
 *
 * Written by hand rather than left to the streaming `TextDecoder` because Node 20's decoder
 * leaves its fast UTF-8 path for good on the first `stream: true` call, and the path it takes
 * then is about 3× slower: a sixth of the time of reading an event stream. This one calls the
 * one-shot `decode()` (the fast path) on each chunk minus an unfinished sequence at its end,
 * which it carries over to the next chunk.
 * @internal
 */
export class Utf8ChunkDecoder {
  /** Keeps a BOM: only the stream's first one is dropped, here, not one per chunk. */
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /** The unfinished sequence at the end of the last chunk, if any. */
  private carry: Uint8Array | undefined;
  private atStart = true;

  /**
   * @param chunk - the next bytes of the body.
   * @returns the text of the chunk, less an unfinished sequence at its end.
   */
  decode(chunk: Uint8Array): string {
    const last = chunk[chunk.length - 1];
    // The usual case, checked first: nothing carried over and the chunk ends in ASCII.
    if (this.carry === undefined && (last === undefined || last < 0x80)) {
      const text = this.decoder.decode(chunk);
      return this.atStart ? this.dropLeadingBom(text) : text;
    }
    let bytes = chunk;
    if (this.carry !== undefined) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const tail = unfinishedTailLength(bytes);
    if (tail > 0) {
      this.carry = bytes.slice(bytes.length - tail);
      bytes = bytes.subarray(0, bytes.length - tail);
    }
    return this.dropLeadingBom(this.decoder.decode(bytes));
  }

  /** @returns the text of a sequence left unfinished at the end of the body (U+FFFD), or `""`. */
  end(): string {
    const carry = this.carry;
    this.carry = undefined;
    return carry === undefined ? "" : this.dropLeadingBom(this.decoder.decode(carry));
  }

  private dropLeadingBom(text: string): string {
    if (!this.atStart || text.length === 0) return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
