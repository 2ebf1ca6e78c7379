import type { ByteStream } from "../http/http-types.js";

/** One server-sent event, as parsed by eventsource-parser. */
export interface ServerSentEvent {
  /** The `event:` field; `undefined` for the default `message` type. */
  event?: string | undefined;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The `id:` field, when sent. */
  id?: string | undefined;
}

/** Options of {@link readEventStream} (and of {@link readEventBatches}). */
export interface ReadEventStreamOptions {
  /** Provider name, used in errors. */
  provider: string;
  /** Stops reading and cancels the body; the error is the signal's reason (typed) or an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Max ms until the first bytes arrive. */
  firstChunkTimeout?: number | undefined;
  /** Max idle ms between chunks (comments and pings count as activity). */
  betweenChunksTimeout?: number | undefined;
  /**
   * Max characters buffered for one line or event before the stream is rejected.
   * @defaultValue 8_388_608
   */
  maxBufferSize?: number | undefined;
}

/** Options of {@link readEventBatches}: the same as {@link ReadEventStreamOptions}. */
export type ReadEventBatchesOptions = ReadEventStreamOptions;

/**
 * A body the event-stream readers accept: a fetch `Response`, its body stream, or the body of
 * `http.stream()` (read straight from the connection, the cheapest).
 */
export type EventStreamBody = Response | ReadableStream<Uint8Array> | ByteStream;
