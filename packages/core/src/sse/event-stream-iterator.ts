import type { EventSourceMessage } from "eventsource-parser";
import { ParsedChunkIterator } from "./parsed-chunk-iterator.js";
import type { ServerSentEvent } from "./server-sent-event.js";

/**
 * The iterator behind `readEventStream`: one event per `next()`. The first event of a chunk comes
 * from the read; the rest are handed out of the chunk's buffer as already resolved promises, so it
 * awaits only when the buffer is empty and the next chunk is needed.
 * @internal
 */
export class EventStreamIterator extends ParsedChunkIterator<ServerSentEvent> {
  /** The next buffered event to hand out; `pending` is reused across chunks. */
  private index = 0;

  /** @returns the next event, or done at the end of the stream. */
  override next(): Promise<IteratorResult<ServerSentEvent, void>> {
    // The hot path: an event already parsed from the current chunk. `pending` is emptied on
    // release and before each read, so this never hands out a stale event.
    if (this.index < this.pending.length) {
      if (this.signal?.aborted) return this.fail(this.signal.reason);
      const value = this.pending[this.index++] as ServerSentEvent;
      return Promise.resolve({ done: false, value });
    }
    return this.advance();
  }

  protected override take(events: EventSourceMessage[]): ServerSentEvent {
    this.index = 1;
    return events[0] as ServerSentEvent;
  }
}
