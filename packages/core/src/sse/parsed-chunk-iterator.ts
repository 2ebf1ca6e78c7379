import {
  createParser,
  type EventSourceMessage,
  type EventSourceParser,
  type ParseError,
} from "eventsource-parser";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { type AbortRace, createAbortRace } from "../internal/abort-race.js";
import { type ByteReader, guardedRead, type ReadResult } from "./guarded-read.js";
import type { EventStreamBody, ReadEventStreamOptions } from "./server-sent-event.js";
import { toStreamFailure } from "./to-stream-failure.js";
import { Utf8ChunkDecoder } from "./utf8-chunk-decoder.js";

const DEFAULT_MAX_BUFFER_SIZE = 8 * 1024 * 1024;

/** A positive limit in ms, or `undefined` for none. */
function positive(ms: number | undefined): number | undefined {
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/**
 * The state machine shared by the event-stream readers: it locks the body on the first `next()`,
 * reads it chunk by chunk (timeouts, abort, buffer limit), parses each chunk into `pending`, and
 * hands the chunk's events to {@link ParsedChunkIterator.take}, which decides what one `next()`
 * resolves with (one event, or the whole batch). Written by hand rather than as an async
 * generator: a generator pays a suspend/resume round trip per yielded value, which was half the
 * reader's time.
 *
 * It keeps an async generator's contract: nothing is locked until the first `next()`; calls made
 * while a read is in flight wait for it, in order; `return()` and `throw()` cancel the body (unless
 * it ended) and release the reader; after an error or the end, every `next()` is done.
 *
 * @typeParam T - what one `next()` resolves with.
 * @internal
 */
export abstract class ParsedChunkIterator<T> implements AsyncGenerator<T, void, undefined> {
  /** Events parsed from the current chunk, pings dropped; `take` may hand it out or swap it. */
  protected pending: EventSourceMessage[] = [];
  /** The caller's signal, checked before every read (subclasses may check it more often). */
  protected readonly signal: AbortSignal | undefined;
  private readonly body: EventStreamBody;
  private readonly options: ReadEventStreamOptions;
  private readonly firstChunk: number | undefined;
  private readonly betweenChunks: number | undefined;
  private reader: ByteReader | undefined;
  /** One abort listener for all the reads, removed on release (the signal may outlive us). */
  private abort: AbortRace | undefined;
  private parser: EventSourceParser | undefined;
  /** Joins UTF-8 sequences split across chunks; see Utf8ChunkDecoder for why not TextDecoder's stream mode. */
  private readonly decoder = new Utf8ChunkDecoder();
  private overflow: ParseError | undefined;
  /** Made once, not per read: it reads `sawChunk` when the timer fires, which a pending read has not changed. */
  private readonly onTimeout = (): TimeoutError => this.timeoutError();
  /** The read in flight; later calls wait for it, as an async generator queues them. */
  private inflight: Promise<IteratorResult<T, void>> | undefined;
  private started = false;
  /** The body reached its end (so it needs no cancel). */
  private finished = false;
  /** The iterator is done: ended, failed, returned or thrown into. */
  private closed = false;
  private sawChunk = false;

  /**
   * @param body - a fetch `Response` or its body stream.
   * @param options - provider name, signal, timeouts, buffer limit.
   */
  constructor(body: EventStreamBody, options: ReadEventStreamOptions) {
    this.body = body;
    this.options = options;
    this.signal = options.signal;
    this.firstChunk = positive(options.firstChunkTimeout);
    this.betweenChunks = positive(options.betweenChunksTimeout);
  }

  /**
   * Turns the events parsed from one chunk into the value a `next()` resolves with.
   * @param events - `pending`, never empty.
   * @returns the value to hand out.
   */
  protected abstract take(events: EventSourceMessage[]): T;

  /** @returns the next value, or done at the end of the stream. */
  next(): Promise<IteratorResult<T, void>> {
    return this.advance();
  }

  /**
   * Stops early: cancels the body unless it ended, and releases the reader.
   * @param value - the return value, handed back.
   * @returns done.
   */
  async return(value?: void | PromiseLike<void>): Promise<IteratorResult<T, void>> {
    if (this.inflight !== undefined) return this.afterInflight(() => this.return(value));
    this.closed = true;
    if (this.reader !== undefined) await this.release();
    return { done: true, value: await value };
  }

  /**
   * Stops with an error: cancels the body unless it ended, releases the reader and rejects with the
   * error made typed (the same rules as a broken read). Before the first `next()` or after the end,
   * rejects with the error as given.
   * @param error - the reason.
   * @returns a rejected promise.
   */
  async throw(error: unknown): Promise<IteratorResult<T, void>> {
    if (this.inflight !== undefined) return this.afterInflight(() => this.throw(error));
    if (this.closed || this.reader === undefined) {
      this.closed = true;
      throw error;
    }
    return this.fail(error);
  }

  /** @returns itself, so it can be used in `for await`. */
  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The path of a `next()` with nothing buffered: waits for a read in flight, or starts one. */
  protected advance(): Promise<IteratorResult<T, void>> {
    if (this.inflight !== undefined) return this.afterInflight(() => this.next());
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    if (!this.started && !this.start()) return Promise.resolve({ done: true, value: undefined });
    if (this.finished) {
      void this.release();
      return Promise.resolve({ done: true, value: undefined });
    }
    const read = this.readChunk();
    this.inflight = read;
    return read;
  }

  /** Ends the iterator with the typed form of `error`, after cancelling the body. */
  protected async fail(error: unknown): Promise<never> {
    const failure = toStreamFailure(error, this.options);
    await this.release();
    throw failure;
  }

  /** Runs `then` once the read in flight has settled, whatever its outcome. */
  private afterInflight(then: () => Promise<IteratorResult<T, void>>): Promise<IteratorResult<T, void>> {
    return (this.inflight as Promise<IteratorResult<T, void>>).then(then, then);
  }

  /** Locks the body on the first `next()`; `false` when there is no body to read. */
  private start(): boolean {
    this.started = true;
    const reader = openReader(this.body);
    if (reader === undefined) {
      this.closed = true;
      return false;
    }
    this.reader = reader;
    if (this.signal !== undefined) this.abort = createAbortRace(this.signal);
    this.parser = createParser({
      // Reads `this.pending` on every event: `take` may have swapped the array.
      onEvent: (event) => {
        if (event.event !== "ping") this.pending.push(event);
      },
      onError: (error) => {
        if (error.type === "max-buffer-size-exceeded") this.overflow = error;
      },
      maxBufferSize: this.options.maxBufferSize ?? DEFAULT_MAX_BUFFER_SIZE,
    });
    return true;
  }

  /** Reads chunks until one yields an event or the body ends; resolves with `take` of its events. */
  private async readChunk(): Promise<IteratorResult<T, void>> {
    const reader = this.reader as ByteReader;
    const parser = this.parser as EventSourceParser;
    const decoder = this.decoder;
    // Already empty after a batch was handed out; emptied here after single events were.
    if (this.pending.length > 0) this.pending.length = 0;
    try {
      while (true) {
        const limit = this.sawChunk ? this.betweenChunks : this.firstChunk;
        // Checked before reading, so an aborted stream consumes no more of the body.
        this.signal?.throwIfAborted();
        const result = await guardedRead(reader, this.abort, limit, this.onTimeout);
        if (result.done) {
          this.finished = true;
          parser.feed(`${decoder.end()}\n\n`);
        } else {
          this.sawChunk = true;
          parser.feed(decoder.decode(result.value));
        }
        if (this.overflow !== undefined) throw this.overflowError();
        if (this.pending.length > 0) return { done: false, value: this.take(this.pending) };
        if (this.finished) {
          await this.release();
          return { done: true, value: undefined };
        }
      }
    } catch (error) {
      return await this.fail(error);
    } finally {
      this.inflight = undefined;
    }
  }

  /** Marks the iterator done (dropping events not handed out), cancels the body unless it ended, releases the reader once. */
  private async release(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    this.abort?.dispose();
    this.abort = undefined;
    const reader = this.reader;
    if (reader === undefined) return;
    this.reader = undefined;
    if (!this.finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }

  private timeoutError(): TimeoutError {
    return new TimeoutError({
      provider: this.options.provider,
      timeout: this.sawChunk ? "betweenChunks" : "firstChunk",
      ms: (this.sawChunk ? this.betweenChunks : this.firstChunk) ?? 0,
    });
  }

  private overflowError(): StreamError {
    const { provider, maxBufferSize } = this.options;
    return new StreamError({
      provider,
      cause: this.overflow,
      message: `${provider}: an event stream line exceeded ${maxBufferSize ?? DEFAULT_MAX_BUFFER_SIZE} characters; the response is not a usable event stream.`,
    });
  }
}

/** A reader over any body we accept; `undefined` for a response without a body. */
function openReader(body: EventStreamBody): ByteReader | undefined {
  if ("getReader" in body) return body.getReader() as unknown as ByteReader;
  if (body instanceof Response || !(Symbol.asyncIterator in body)) {
    const stream = (body as Response).body;
    return stream === null ? undefined : (stream.getReader() as unknown as ByteReader);
  }
  // An `http.stream()` body: its iterator already has the reader's shape.
  const iterator = body[Symbol.asyncIterator]();
  return {
    read: () => iterator.next() as Promise<ReadResult>,
    cancel: () => body.cancel(),
    releaseLock: () => undefined,
  };
}

// Inherit from %AsyncIteratorPrototype%, as async generators do, so runtime additions such as
// `Symbol.asyncDispose` (used by `await using`) work on our iterators too.
const asyncIteratorPrototype: object = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype,
) as object;
Object.setPrototypeOf(ParsedChunkIterator.prototype, asyncIteratorPrototype);
