import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8ChunkDecoder } from "./utf8-chunk-decoder.js";

const encoder = new TextEncoder();

/** What TextDecoder's stream mode returns for each chunk, then for the final flush. */
function streamingTexts(chunks: Uint8Array[]): string[] {
  const decoder = new TextDecoder();
  return [...chunks.map((chunk) => decoder.decode(chunk, { stream: true })), decoder.decode()];
}

function chunkTexts(chunks: Uint8Array[]): string[] {
  const decoder = new Utf8ChunkDecoder();
  return [...chunks.map((chunk) => decoder.decode(chunk)), decoder.end()];
}

function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((point) => point % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  return pieces;
}

/** Bytes rich in the cases that matter: valid sequences of every length, their prefixes, invalid leads and continuations. */
const utf8ishBytes = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 4 }).map((text) => [...encoder.encode(text)]),
      fc.constantFrom(
        [0xef, 0xbb, 0xbf],
        [0xe0, 0x9f],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90],
        [0xf0, 0x8f],
        [0xc0],
        [0xc1, 0x80],
      ),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 4 }),
      fc.array(fc.nat(0xff), { maxLength: 3 }),
    ),
    { maxLength: 24 },
  )
  .map((groups) => Uint8Array.from(groups.flat()));

describe("Utf8ChunkDecoder", () => {
  it("returns what TextDecoder's stream mode returns, chunk by chunk, for any bytes and cuts (property)", () => {
    fc.assert(
      fc.property(utf8ishBytes, fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
        const chunks = cut(bytes, cuts);
        expect(chunkTexts(chunks)).toEqual(streamingTexts(chunks));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a 4-byte character one byte at a time", [[0xf0], [0x9f], [0x91], [0x8b]]],
    ["a sequence left unfinished at the end", [[0x61, 0xe2, 0x82]]],
    [
      "a BOM split across chunks, then another BOM",
      [
        [0xef, 0xbb],
        [0xbf, 0x61, 0xef, 0xbb, 0xbf],
      ],
    ],
    ["a lead byte followed by ASCII in the next chunk", [[0xe2], [0x41]]],
    ["a surrogate encoded in UTF-8", [[0xed], [0xa0, 0x80]]],
    ["empty chunks between the bytes of one character", [[0xc3], [], [0xa9]]],
  ])("matches the streaming decoder on %s", (_label, pieces) => {
    const chunks = pieces.map((piece) => Uint8Array.from(piece));
    expect(chunkTexts(chunks)).toEqual(streamingTexts(chunks));
  });

  it("does not modify the chunks it is given", () => {
    const first = Uint8Array.of(0x61, 0xe2, 0x82);
    const second = Uint8Array.of(0xac, 0x62);
    const decoder = new Utf8ChunkDecoder();
    expect(decoder.decode(first) + decoder.decode(second) + decoder.end()).toBe("a€b");
    expect([...first, ...second]).toEqual([0x61, 0xe2, 0x82, 0xac, 0x62]);
  });
});
