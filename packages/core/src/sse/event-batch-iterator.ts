import type { EventSourceMessage } from "eventsource-parser";
import { ParsedChunkIterator } from "./parsed-chunk-iterator.js";
import type { ServerSentEvent } from "./server-sent-event.js";

/**
 * The iterator behind `readEventBatches`: one array per chunk that produced events. A consumer
 * pays one `for await` step per chunk instead of per event, which is most of the cost of a
 * per-event iterator when chunks carry dozens of events.
 * @internal
 */
export class EventBatchIterator extends ParsedChunkIterator<ServerSentEvent[]> {
  protected override take(events: EventSourceMessage[]): ServerSentEvent[] {
    // The consumer owns the batch (it may keep it), so the parser fills a fresh array from now on.
    this.pending = [];
    return events;
  }
}
