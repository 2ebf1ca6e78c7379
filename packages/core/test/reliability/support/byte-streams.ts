import { type ReadEventStreamOptions, readEventStream, type ServerSentEvent } from "../../../src/index.js";

/** How a test stream ends after its chunks. */
export type StreamEnd = "close" | "error" | "stall";

/** A body stream fed from fixed chunks, one per pull, with what the reader did to it. */
export interface ChunkedBody {
  stream: ReadableStream<Uint8Array>;
  /** Whether the reader cancelled it. */
  readonly cancelled: boolean;
}

/**
 * A stream that hands out the chunks one per read, then closes, errors or goes silent.
 * @param chunks - the bytes, already cut.
 * @param end - what happens after the last chunk.
 * @returns the stream and whether it was cancelled.
 */
export function chunkedBody(chunks: readonly Uint8Array[], end: StreamEnd = "close"): ChunkedBody {
  let index = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) {
        controller.enqueue(chunk);
        return undefined;
      }
      if (end === "close") controller.close();
      else if (end === "error") controller.error(new TypeError("socket hang up"));
      // "stall": never settles; only a cancel ends it.
      return end === "stall" ? new Promise<void>(() => undefined) : undefined;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    stream,
    get cancelled() {
      return cancelled;
    },
  };
}

/**
 * Cuts bytes at the given offsets (taken modulo the length, duplicates dropped).
 * @param bytes - the whole body.
 * @param cuts - any natural numbers.
 * @returns the pieces, in order; they concatenate to `bytes`.
 */
export function cutBytes(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
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

/** What reading a whole stream gave. */
export interface ReadOutcome {
  events: ServerSentEvent[];
  /** What the iteration threw, if anything. */
  error?: unknown;
  /** Set when the watchdog had to stop a read that never ended. */
  hung: boolean;
}

const HANG = Symbol("watchdog");

/**
 * Reads every event, bounded by a watchdog signal so a reader that hangs fails the test instead
 * of the run. Events are normalised to `{ event?, data, id? }`.
 * @param body - the body stream.
 * @param options - reader options (the signal is the watchdog's); `stopAfter` breaks out of the
 *   loop after that many events.
 * @param watchdogMs - how long a whole read may take before it counts as hung.
 * @returns the events, the error and whether it hung.
 */
export async function readWithWatchdog(
  body: ReadableStream<Uint8Array> | Response,
  options: Omit<ReadEventStreamOptions, "signal"> & { stopAfter?: number },
  watchdogMs = 5_000,
): Promise<ReadOutcome> {
  const { stopAfter, ...readerOptions } = options;
  const watchdog = new AbortController();
  const timer = setTimeout(() => watchdog.abort(HANG), watchdogMs);
  const events: ServerSentEvent[] = [];
  try {
    for await (const event of readEventStream(body, { ...readerOptions, signal: watchdog.signal })) {
      events.push(normalise(event));
      if (events.length === stopAfter) break;
    }
    return { events, hung: false };
  } catch (error) {
    return { events, error, hung: watchdog.signal.aborted };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Drops `undefined` fields so events compare with `toEqual` whatever the reader sets.
 * @param event - an event.
 * @returns the same event without absent fields.
 */
export function normalise(event: ServerSentEvent): ServerSentEvent {
  return {
    ...(event.event === undefined ? {} : { event: event.event }),
    data: event.data,
    ...(event.id === undefined ? {} : { id: event.id }),
  };
}
