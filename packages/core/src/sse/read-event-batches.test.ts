import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkedBody, cutBytes } from "../../test/reliability/support/byte-streams.js";
import { AbortError } from "../errors/abort-error.js";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { readEventBatches } from "./read-event-batches.js";
import { readEventStream } from "./read-event-stream.js";
import type { ServerSentEvent } from "./server-sent-event.js";

const encoder = new TextEncoder();

function bodyOf(chunks: ReadonlyArray<Uint8Array | string>, end: "close" | "error" | "stall" = "close") {
  return chunkedBody(
    chunks.map((chunk) => (typeof chunk === "string" ? encoder.encode(chunk) : chunk)),
    end,
  );
}

/** Events as plain objects, so readers' results compare by value. */
function plain(event: ServerSentEvent): ServerSentEvent {
  return {
    ...(event.event === undefined ? {} : { event: event.event }),
    data: event.data,
    ...(event.id === undefined ? {} : { id: event.id }),
  };
}

async function readBatches(chunks: ReadonlyArray<Uint8Array | string>): Promise<ServerSentEvent[][]> {
  const batches: ServerSentEvent[][] = [];
  for await (const batch of readEventBatches(bodyOf(chunks).stream, { provider: "Test" })) {
    batches.push(batch.map(plain));
  }
  return batches;
}

async function readEvents(chunks: ReadonlyArray<Uint8Array | string>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readEventStream(bodyOf(chunks).stream, { provider: "Test" }))
    events.push(plain(event));
  return events;
}

const sample =
  'event: token\ndata: {"text":"Grüße 👋"}\nid: 1\n\n: keep-alive comment\n\nevent: ping\ndata: {}\n\ndata: line1\ndata: line2\n\n';

describe("readEventBatches", () => {
  it.each([
    [
      "two events in one chunk make one batch",
      ["data: a\n\ndata: b\n\n", "data: c\n\n"],
      [[{ data: "a" }, { data: "b" }], [{ data: "c" }]],
    ],
    [
      "chunks with only comments, pings or half an event make no batch",
      [": hi\n\n", "event: ping\ndata: {}\n\n", "data: a", "\n\n"],
      [[{ data: "a" }]],
    ],
    [
      "the last event left without its blank line comes at the end",
      ["data: one\n\ndata: two"],
      [[{ data: "one" }], [{ data: "two" }]],
    ],
    ["an empty body makes no batch", [], []],
  ])("%s", async (_label, chunks, expected) => {
    expect(await readBatches(chunks)).toEqual(expected);
  });

  it("gives readEventStream's events, in batches that are never empty, for any chunking (property)", async () => {
    const bytes = encoder.encode(sample.replaceAll("\n", "\r\n") + sample + sample.replaceAll("\n", "\r"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (cuts) => {
        const chunks = cutBytes(bytes, cuts);
        const batches = await readBatches(chunks);
        expect(batches.every((batch) => batch.length > 0)).toBe(true);
        expect(batches.length).toBeLessThanOrEqual(chunks.length + 1);
        expect(batches.flat()).toEqual(await readEvents(chunks));
      }),
      { numRuns: 200 },
    );
  });

  it("hands out a fresh array each time, which later reads leave alone", async () => {
    const iterator = readEventBatches(bodyOf(["data: a\n\n", "data: b\n\ndata: c\n\n"]).stream, {
      provider: "T",
    });
    const first = await iterator.next();
    const second = await iterator.next();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(first.value).not.toBe(second.value);
    expect((first.value as ServerSentEvent[]).map((event) => event.data)).toEqual(["a"]);
    expect((second.value as ServerSentEvent[]).map((event) => event.data)).toEqual(["b", "c"]);
  });

  it("rejects a line beyond the buffer limit with a StreamError and cancels the body", async () => {
    const body = bodyOf(["data: ok\n\n", `data: ${"x".repeat(100)}`], "stall");
    const iterator = readEventBatches(body.stream, { provider: "Big", maxBufferSize: 50 });
    expect((await iterator.next()).value).toMatchObject([{ data: "ok" }]);
    const error = await iterator.next().catch((caught: unknown) => caught);
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Big: an event stream line exceeded 50 characters/);
    expect(body.cancelled).toBe(true);
    expect(body.stream.locked).toBe(false);
  });

  it("yields the whole events before a broken connection, then a StreamError", async () => {
    const body = bodyOf(["data: a\n\ndata: b\n\n", "data: half"], "error");
    const seen: string[] = [];
    const error = await (async () => {
      for await (const batch of readEventBatches(body.stream, { provider: "Net" })) {
        seen.push(...batch.map((event) => event.data));
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(["a", "b"]);
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Net: the event stream broke \(socket hang up\)/);
  });

  it("cancels the body and releases it when the consumer breaks out", async () => {
    const body = bodyOf(["data: a\n\ndata: b\n\n", "data: c\n\n"], "stall");
    for await (const batch of readEventBatches(body.stream, { provider: "T" })) {
      expect(batch).toHaveLength(2);
      break;
    }
    expect(body.cancelled).toBe(true);
    expect(body.stream.locked).toBe(false);
  });

  it("does not cancel a body that was read to its end, and releases it", async () => {
    const body = bodyOf(["data: a\n\n", "data: b\n\n"]);
    let batches = 0;
    for await (const _batch of readEventBatches(body.stream, { provider: "T" })) batches++;
    expect(batches).toBe(2);
    expect(body.cancelled).toBe(false);
    expect(body.stream.locked).toBe(false);
  });

  it("names the timeout that fired and cancels the body", async () => {
    const first = bodyOf([], "stall");
    const firstError = await readEventBatches(first.stream, { provider: "T", firstChunkTimeout: 5 })
      .next()
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(firstError)).toBe(true);
    expect((firstError as TimeoutError).timeout).toBe("firstChunk");
    expect(first.cancelled).toBe(true);

    const between = bodyOf(["data: a\n\n"], "stall");
    const iterator = readEventBatches(between.stream, { provider: "T", betweenChunksTimeout: 5 });
    expect((await iterator.next()).value).toMatchObject([{ data: "a" }]);
    const betweenError = await iterator.next().catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(betweenError)).toBe(true);
    expect((betweenError as TimeoutError).timeout).toBe("betweenChunks");
    expect((betweenError as TimeoutError).ms).toBe(5);
    expect(between.cancelled).toBe(true);
  });

  it("stops a pending read on abort with an AbortError carrying the reason", async () => {
    const controller = new AbortController();
    const body = bodyOf([], "stall");
    const pending = readEventBatches(body.stream, { provider: "T", signal: controller.signal }).next();
    controller.abort("user stop");
    const error = await pending.catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toBe("user stop");
    expect(body.cancelled).toBe(true);
  });

  it("rejects the next read after an abort between batches with the signal's typed reason", async () => {
    const controller = new AbortController();
    const body = bodyOf(["data: a\n\n", "data: b\n\n"], "stall");
    const iterator = readEventBatches(body.stream, { provider: "T", signal: controller.signal });
    expect((await iterator.next()).value).toMatchObject([{ data: "a" }]);
    const typedReason = new TimeoutError({ provider: "T", timeout: "total", ms: 3 });
    controller.abort(typedReason);
    expect(await iterator.next().catch((caught: unknown) => caught)).toBe(typedReason);
    expect(body.cancelled).toBe(true);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("rejects at once on a signal aborted before reading", async () => {
    const controller = new AbortController();
    controller.abort("early");
    const body = bodyOf(["data: a\n\n"], "stall");
    const error = await readEventBatches(body.stream, { provider: "T", signal: controller.signal })
      .next()
      .catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(body.cancelled).toBe(true);
  });

  it("throw() mid-batch makes the signal's reason typed and cancels the body", async () => {
    const controller = new AbortController();
    const body = bodyOf(["data: a\n\ndata: b\n\n"], "stall");
    const iterator = readEventBatches(body.stream, { provider: "Stop", signal: controller.signal });
    await iterator.next();
    controller.abort("pressed stop");
    const error = await iterator.throw(controller.signal.reason).catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toBe("pressed stop");
    expect(body.cancelled).toBe(true);
    expect(body.stream.locked).toBe(false);
  });

  it("answers next() calls made before earlier ones settle, in order", async () => {
    const iterator = readEventBatches(
      bodyOf(["data: a\n\n", ": none\n\n", "data: b\n\ndata: c\n\n"]).stream,
      {
        provider: "T",
      },
    );
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((result) => (result.done ? "done" : result.value.map((event) => event.data)))).toEqual(
      [["a"], ["b", "c"], "done"],
    );
  });

  it("does not lock the body before the first next(), and accepts a Response", async () => {
    const body = bodyOf(["data: a\n\n"]);
    const iterator = readEventBatches(body.stream, { provider: "T" });
    expect(body.stream.locked).toBe(false);
    expect(iterator[Symbol.asyncIterator]()).toBe(iterator);
    await iterator.next();
    expect(body.stream.locked).toBe(true);
    const fromResponse: string[] = [];
    for await (const batch of readEventBatches(new Response("data: r\n\n"), { provider: "T" })) {
      fromResponse.push(...batch.map((event) => event.data));
    }
    expect(fromResponse).toEqual(["r"]);
    expect(await readEventBatches(new Response(null), { provider: "T" }).next()).toEqual({
      done: true,
      value: undefined,
    });
  });
});
