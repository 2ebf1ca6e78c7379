import {
  createParser,
  type EventSourceMessage,
  type EventSourceParser,
  type ParseError,
} from "eventsource-parser";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { type AbortRace, createAbortRace } from "../internal/abort-race.js";
import { type ByteReader, guardedRead } from "./guarded-read.js";
import type { ReadEventStreamOptions, ServerSentEvent } from "./server-sent-event.js";
import { toStreamFailure } from "./to-stream-failure.js";

type Result = IteratorResult<ServerSentEvent, void>;

const DEFAULT_MAX_BUFFER_SIZE = 8 * 1024 * 1024;

/** A positive limit in ms, or `undefined` for none. */
function positive(ms: number | undefined): number | undefined {
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/**
 * The iterator behind `readEventStream`, written by hand rather than as an async generator: an
 * async generator pays a suspend/resume round trip per yielded event, which was half the reader's
 * time. This one parses a whole chunk into a buffer and hands out the buffered events as already
 * resolved promises; it awaits only when the buffer is empty and the next chunk is needed.
 *
 * It keeps an async generator's contract: nothing is locked until the first `next()`; calls made
 * while a read is in flight wait for it, in order; `return()` and `throw()` cancel the body (unless
 * it ended) and release the reader; after an error or the end, every `next()` is done.
 */
export class EventStreamIterator implements AsyncGenerator<ServerSentEvent, void, undefined> {
  private readonly body: ReadableStream<Uint8Array> | Response;
  private readonly options: ReadEventStreamOptions;
  private readonly signal: AbortSignal | undefined;
  private readonly firstChunk: number | undefined;
  private readonly betweenChunks: number | undefined;
  /** Events parsed from the current chunk and the next one to hand out; reused across chunks. */
  private readonly pending: EventSourceMessage[] = [];
  private index = 0;
  private reader: ByteReader | undefined;
  /** One abort listener for all the reads, removed on release (the signal may outlive us). */
  private abort: AbortRace | undefined;
  private parser: EventSourceParser | undefined;
  private readonly decoder = new TextDecoder();
  private overflow: ParseError | undefined;
  /** The read in flight; later calls wait for it, as an async generator queues them. */
  private inflight: Promise<Result> | undefined;
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
  constructor(body: ReadableStream<Uint8Array> | Response, options: ReadEventStreamOptions) {
    this.body = body;
    this.options = options;
    this.signal = options.signal;
    this.firstChunk = positive(options.firstChunkTimeout);
    this.betweenChunks = positive(options.betweenChunksTimeout);
  }

  /** @returns the next event, or done at the end of the stream. */
  next(): Promise<Result> {
    // The hot path: an event already parsed from the current chunk.
    if (this.index < this.pending.length) {
      if (this.signal?.aborted) return this.fail(this.signal.reason);
      const value = this.pending[this.index++] as ServerSentEvent;
      return Promise.resolve({ done: false, value });
    }
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

  /**
   * Stops early: cancels the body unless it ended, and releases the reader.
   * @param value - the return value, handed back.
   * @returns done.
   */
  async return(value?: void | PromiseLike<void>): Promise<Result> {
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
  async throw(error: unknown): Promise<Result> {
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

  /** Runs `then` once the read in flight has settled, whatever its outcome. */
  private afterInflight(then: () => Promise<Result>): Promise<Result> {
    return (this.inflight as Promise<Result>).then(then, then);
  }

  /** Locks the body on the first `next()`; `false` when there is no body to read. */
  private start(): boolean {
    this.started = true;
    const stream = "getReader" in this.body ? this.body : this.body.body;
    if (stream === null) {
      this.closed = true;
      return false;
    }
    this.reader = stream.getReader() as ByteReader;
    if (this.signal !== undefined) this.abort = createAbortRace(this.signal);
    this.parser = createParser({
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

  /** Reads chunks until one yields an event or the body ends; resolves with the first event. */
  private async readChunk(): Promise<Result> {
    const reader = this.reader as ByteReader;
    const parser = this.parser as EventSourceParser;
    const decoder = this.decoder;
    this.pending.length = 0;
    this.index = 0;
    try {
      while (true) {
        const limit = this.sawChunk ? this.betweenChunks : this.firstChunk;
        // Checked before reading, so an aborted stream consumes no more of the body.
        this.signal?.throwIfAborted();
        const result = await guardedRead(reader, this.abort, limit, () => this.timeoutError(limit));
        if (result.done) {
          this.finished = true;
          parser.feed(`${decoder.decode()}\n\n`);
        } else {
          this.sawChunk = true;
          parser.feed(decoder.decode(result.value, { stream: true }));
        }
        if (this.overflow !== undefined) throw this.overflowError();
        if (this.pending.length > 0) {
          this.index = 1;
          return { done: false, value: this.pending[0] as ServerSentEvent };
        }
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

  /** Ends the iterator with the typed form of `error`, after cancelling the body. */
  private async fail(error: unknown): Promise<never> {
    const failure = toStreamFailure(error, this.options);
    await this.release();
    throw failure;
  }

  /** Marks the iterator done (dropping buffered events), cancels the body unless it ended, releases the reader once. */
  private async release(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    this.index = 0;
    this.abort?.dispose();
    this.abort = undefined;
    const reader = this.reader;
    if (reader === undefined) return;
    this.reader = undefined;
    if (!this.finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }

  private timeoutError(limit: number | undefined): TimeoutError {
    return new TimeoutError({
      provider: this.options.provider,
      timeout: this.sawChunk ? "betweenChunks" : "firstChunk",
      ms: limit ?? 0,
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

// Inherit from %AsyncIteratorPrototype%, as async generators do, so runtime additions such as
// `Symbol.asyncDispose` (used by `await using`) work on our iterator too.
const asyncIteratorPrototype: object = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype,
) as object;
Object.setPrototypeOf(EventStreamIterator.prototype, asyncIteratorPrototype);
