import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { G4FError, StreamError } from "../../src/index.js";
import { chunkedBody, cutBytes, readWithWatchdog, type StreamEnd } from "./support/byte-streams.js";
import { expectedEvents, renderStream, renderTerminated, wireStream } from "./support/sse-model.js";

const encoder = new TextEncoder();
const provider = "Prop";

describe("readEventStream properties", () => {
  it("yields the model's events for any stream and any chunking (CRLF/LF/CR, split UTF-8)", async () => {
    await fc.assert(
      fc.asyncProperty(wireStream, fc.array(fc.nat(), { maxLength: 40 }), async (stream, cuts) => {
        const bytes = encoder.encode(renderStream(stream));
        const whole = await readWithWatchdog(chunkedBody([bytes]).stream, { provider });
        const cut = await readWithWatchdog(chunkedBody(cutBytes(bytes, cuts)).stream, { provider });
        expect(whole.error).toBeUndefined();
        expect(whole.events).toEqual(expectedEvents(stream));
        expect(cut.error).toBeUndefined();
        expect(cut.events).toEqual(whole.events);
      }),
      { numRuns: 300, seed: 0x55e1 },
    );
  });

  it("gives the same events one byte at a time as in one chunk", async () => {
    await fc.assert(
      fc.asyncProperty(wireStream, async (stream) => {
        const bytes = encoder.encode(renderStream(stream));
        const single = [...bytes].map((byte) => Uint8Array.of(byte));
        const outcome = await readWithWatchdog(chunkedBody(single).stream, { provider });
        expect(outcome.error).toBeUndefined();
        expect(outcome.events).toEqual(expectedEvents(stream));
      }),
      { numRuns: 60, seed: 0x0b17 },
    );
  });

  it("a connection that breaks after whole events yields them, then a StreamError", async () => {
    await fc.assert(
      fc.asyncProperty(wireStream, fc.array(fc.nat(), { maxLength: 10 }), async (stream, cuts) => {
        const body = chunkedBody(cutBytes(encoder.encode(renderTerminated(stream)), cuts), "error");
        const outcome = await readWithWatchdog(body.stream, { provider });
        expect(outcome.hung).toBe(false);
        expect(outcome.events).toEqual(expectedEvents(stream));
        expect(StreamError.isInstance(outcome.error)).toBe(true);
        expect((outcome.error as Error).message).toMatch(/^Prop: /);
        expect(body.stream.locked).toBe(false);
      }),
      { numRuns: 150, seed: 0xb10c },
    );
  });

  it("stopping early at any event cancels the body and releases it", async () => {
    await fc.assert(
      fc.asyncProperty(wireStream, fc.nat(), async (stream, stopAt) => {
        const events = expectedEvents(stream);
        fc.pre(events.length > 0);
        const body = chunkedBody([encoder.encode(renderTerminated(stream))], "stall");
        const wanted = stopAt % events.length;
        const outcome = await readWithWatchdog(body.stream, { provider, stopAfter: wanted + 1 });
        expect(outcome.hung).toBe(false);
        expect(outcome.events).toEqual(events.slice(0, wanted + 1));
        expect(body.cancelled).toBe(true);
        expect(body.stream.locked).toBe(false);
      }),
      { numRuns: 100, seed: 0x5709 },
    );
  });

  // Bytes biased towards what the parser reacts to: line ends, colons, field names, and bytes
  // that are invalid or truncated UTF-8.
  const sseByte = fc.oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom(...encoder.encode("data: event:id: \r\n\r\n::")),
    fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xf0, 0x9f, 0x91, 0x8b, 0xff, 0xfe, 0xef, 0xbb, 0xbf),
  );
  const randomChunks = fc.array(
    fc.array(sseByte, { maxLength: 96 }).map((bytes) => Uint8Array.from(bytes)),
    { maxLength: 10 },
  );
  const randomEnd = fc.constantFrom<StreamEnd>("close", "close", "error");

  it("random bytes end with events or a typed error, never a hang or a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomChunks,
        randomEnd,
        fc.option(fc.integer({ min: 8, max: 256 }), { nil: undefined }),
        async (chunks, end, maxBufferSize) => {
          const body = chunkedBody(chunks, end);
          const outcome = await readWithWatchdog(body.stream, { provider, maxBufferSize });
          expect(outcome.hung).toBe(false);
          for (const event of outcome.events) {
            expect(typeof event.data).toBe("string");
            expect(event.event).not.toBe("ping");
          }
          if (outcome.error !== undefined) {
            expect(G4FError.isInstance(outcome.error)).toBe(true);
            expect((outcome.error as G4FError).code).toBe("STREAM_ERROR");
          } else {
            expect(end).toBe("close");
          }
          if (end === "error") expect(outcome.error).toBeDefined();
          expect(body.stream.locked).toBe(false);
        },
      ),
      { numRuns: 400, seed: 0xbad5 },
    );
  });

  it("random bytes decode the same whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(randomChunks, fc.array(fc.nat(), { maxLength: 20 }), async (chunks, cuts) => {
        const bytes = Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
        const whole = await readWithWatchdog(chunkedBody([bytes]).stream, { provider });
        const cut = await readWithWatchdog(chunkedBody(cutBytes(bytes, cuts)).stream, { provider });
        expect(cut.hung || whole.hung).toBe(false);
        expect(cut.events).toEqual(whole.events);
        expect(cut.error === undefined).toBe(whole.error === undefined);
      }),
      { numRuns: 300, seed: 0xc4a7 },
    );
  });
});
