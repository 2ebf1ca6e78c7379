import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { parseEventJson } from "./parse-event-json.js";
import { readEventStream } from "./read-event-stream.js";
import type { ServerSentEvent } from "./server-sent-event.js";

const encoder = new TextEncoder();

function streamOf(chunks: ReadonlyArray<Uint8Array | string>, options: { stallAtEnd?: boolean } = {}) {
  const state = { cancelled: false };
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) {
        if (!options.stallAtEnd) controller.close();
        return options.stallAtEnd ? new Promise<void>(() => undefined) : undefined;
      }
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      return undefined;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function readAll(chunks: ReadonlyArray<Uint8Array | string>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readEventStream(streamOf(chunks).stream, { provider: "Test" })) {
    events.push({
      ...(event.event === undefined ? {} : { event: event.event }),
      data: event.data,
      ...(event.id === undefined ? {} : { id: event.id }),
    });
  }
  return events;
}

function splitBytes(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort(
    (left, right) => left - right,
  );
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  return pieces;
}

const sample =
  'event: token\ndata: {"text":"Grüße 👋"}\nid: 1\n\n: keep-alive comment\n\nevent: ping\ndata: {}\n\ndata: line1\ndata: line2\n\n';

describe("readEventStream", () => {
  it.each([
    ["\\n", sample],
    ["\\r\\n", sample.replaceAll("\n", "\r\n")],
    ["\\r", sample.replaceAll("\n", "\r")],
  ])("reads %s framing, skipping comments and ping events", async (_label, text) => {
    expect(await readAll([text])).toEqual([
      { event: "token", data: '{"text":"Grüße 👋"}', id: "1" },
      { data: "line1\nline2" },
    ]);
  });

  it("decodes UTF-8 split inside a character across chunks", async () => {
    const bytes = encoder.encode("data: é👋中\n\n");
    const pieces = [bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9, 11), bytes.slice(11)];
    expect(await readAll(pieces)).toEqual([{ data: "é👋中" }]);
  });

  it("handles \\r\\n split between chunks", async () => {
    expect(await readAll(["data: a\r", "\n\r", "\ndata: b\r\n\r\n"])).toEqual([{ data: "a" }, { data: "b" }]);
  });

  it("dispatches a last event left without its blank line at a clean end", async () => {
    expect(await readAll(["data: one\n\ndata: two"])).toEqual([{ data: "one" }, { data: "two" }]);
  });

  it("gives the same events for any chunking (property)", async () => {
    const bytes = encoder.encode(sample.replaceAll("\n", "\r\n") + sample);
    const expected = await readAll([bytes]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (cuts) => {
        expect(await readAll(splitBytes(bytes, cuts))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("turns random bytes into events or typed errors, never a crash or a hang (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), async (chunks) => {
        try {
          const events = await readAll(chunks);
          for (const event of events) expect(typeof event.data).toBe("string");
        } catch (error) {
          expect(G4FError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a line beyond the buffer limit with a StreamError", async () => {
    const iterator = readEventStream(streamOf([`data: ${"x".repeat(100)}`]).stream, {
      provider: "Big",
      maxBufferSize: 50,
    });
    const error = await iterator.next().catch((caught: unknown) => caught);
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Big: /);
  });

  it("cancels the body when the consumer stops early", async () => {
    const { stream, state } = streamOf(["data: a\n\n", "data: b\n\n"], { stallAtEnd: true });
    for await (const event of readEventStream(stream, { provider: "T" })) {
      expect(event.data).toBe("a");
      break;
    }
    expect(state.cancelled).toBe(true);
  });

  it("names the timeout that fired and cancels the body", async () => {
    const first = streamOf([], { stallAtEnd: true });
    const firstError = await readEventStream(first.stream, { provider: "T", firstChunkTimeout: 5 })
      .next()
      .catch((caught: unknown) => caught);
    expect((firstError as TimeoutError).timeout).toBe("firstChunk");
    expect(first.state.cancelled).toBe(true);
    const between = streamOf(["data: a\n\n"], { stallAtEnd: true });
    const iterator = readEventStream(between.stream, { provider: "T", betweenChunksTimeout: 5 });
    expect((await iterator.next()).value).toMatchObject({ data: "a" });
    const betweenError = await iterator.next().catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(betweenError)).toBe(true);
    expect((betweenError as TimeoutError).timeout).toBe("betweenChunks");
  });

  it("stops on abort with the signal's typed reason or an AbortError", async () => {
    const controller = new AbortController();
    const { stream, state } = streamOf([], { stallAtEnd: true });
    const pending = readEventStream(stream, { provider: "T", signal: controller.signal }).next();
    controller.abort("user stop");
    const error = await pending.catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toBe("user stop");
    expect(state.cancelled).toBe(true);
  });

  it("returns early mid-buffer: cancels the body, then every next() is done", async () => {
    const { stream, state } = streamOf(["data: a\n\ndata: b\n\ndata: c\n\n"], { stallAtEnd: true });
    const iterator = readEventStream(stream, { provider: "T" });
    expect((await iterator.next()).value).toMatchObject({ data: "a" });
    expect(await iterator.return()).toEqual({ done: true, value: undefined });
    expect(state.cancelled).toBe(true);
    expect(stream.locked).toBe(false);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("throw() cancels the body and rejects with a typed error", async () => {
    const { stream, state } = streamOf(["data: a\n\ndata: b\n\n"], { stallAtEnd: true });
    const iterator = readEventStream(stream, { provider: "Thrower" });
    await iterator.next();
    const error = await iterator.throw(new Error("consumer gave up")).catch((caught: unknown) => caught);
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Thrower: the event stream broke \(consumer gave up\)/);
    expect(state.cancelled).toBe(true);
    expect(stream.locked).toBe(false);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });

    const typed = new TimeoutError({ provider: "Thrower", timeout: "total", ms: 1 });
    const second = readEventStream(streamOf(["data: a\n\n"]).stream, { provider: "Thrower" });
    await second.next();
    expect(await second.throw(typed).catch((caught: unknown) => caught)).toBe(typed);
  });

  it("throw() before the first next() rejects as given and leaves the body unlocked", async () => {
    const { stream, state } = streamOf(["data: a\n\n"]);
    const iterator = readEventStream(stream, { provider: "T" });
    const reason = new Error("not wanted");
    expect(await iterator.throw(reason).catch((caught: unknown) => caught)).toBe(reason);
    expect(stream.locked).toBe(false);
    expect(state.cancelled).toBe(false);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("stops on abort while events are still buffered, and cancels the body", async () => {
    const controller = new AbortController();
    const { stream, state } = streamOf(["data: a\n\ndata: b\n\ndata: c\n\n"], { stallAtEnd: true });
    const iterator = readEventStream(stream, { provider: "T", signal: controller.signal });
    expect((await iterator.next()).value).toMatchObject({ data: "a" });
    const typedReason = new TimeoutError({ provider: "T", timeout: "total", ms: 3 });
    controller.abort(typedReason);
    expect(await iterator.next().catch((caught: unknown) => caught)).toBe(typedReason);
    expect(state.cancelled).toBe(true);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("rejects at once on a signal aborted before reading, without waiting for data", async () => {
    const controller = new AbortController();
    controller.abort("early");
    const { stream, state } = streamOf([], { stallAtEnd: true });
    const error = await readEventStream(stream, { provider: "T", signal: controller.signal })
      .next()
      .catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(state.cancelled).toBe(true);
  });

  it("answers next() calls made before earlier ones settle, in order", async () => {
    const { stream } = streamOf(["data: a\n\n", "data: b\n\ndata: c\n\n"]);
    const iterator = readEventStream(stream, { provider: "T" });
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((result) => (result.done ? "done" : result.value.data))).toEqual([
      "a",
      "b",
      "c",
      "done",
    ]);
  });

  it("does not lock the body before the first next(), and releases it at the end", async () => {
    const { stream } = streamOf(["data: a\n\n"]);
    const iterator = readEventStream(stream, { provider: "T" });
    expect(stream.locked).toBe(false);
    expect(iterator[Symbol.asyncIterator]()).toBe(iterator);
    await iterator.next();
    expect(stream.locked).toBe(true);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(stream.locked).toBe(false);
  });

  it("accepts a Response and reads nothing from an empty body", async () => {
    const response = new Response("data: r\n\n");
    const events: string[] = [];
    for await (const event of readEventStream(response, { provider: "T" })) events.push(event.data);
    expect(events).toEqual(["r"]);
    const empty: string[] = [];
    for await (const event of readEventStream(new Response(null), { provider: "T" })) empty.push(event.data);
    expect(empty).toEqual([]);
  });
});

describe("parseEventJson", () => {
  it("parses JSON data", () => {
    expect(parseEventJson({ data: '{"a":1}' }, { provider: "T" })).toEqual({ a: 1 });
  });

  it("throws a StreamError naming the provider and event for malformed data", () => {
    try {
      parseEventJson({ event: "token", data: "{not json" }, { provider: "OpenAssistant" });
      expect.unreachable();
    } catch (error) {
      expect(StreamError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^OpenAssistant: an event "token" carried data that is not JSON \(9 chars/,
      );
      expect((error as StreamError).provider).toBe("OpenAssistant");
    }
  });
});
