import { IdleTimeoutError } from "../errors/idle-timeout-error.js";
import type { ChatCreatedRecord, FiredFaultRecord, RequestRecord, ServerState } from "../server-state.js";

/**
 * The live {@link ServerState} plus the counters `waitForIdle` watches: requests in flight,
 * open event streams and generations that are queued or running.
 */
export class StateTracker implements ServerState {
  chatsCreated: ChatCreatedRecord[] = [];
  chatsDeleted: string[] = [];
  requests: RequestRecord[] = [];
  firedFaults: FiredFaultRecord[] = [];
  /** Requests whose handler has not answered yet. */
  inFlight = 0;
  /** Generations queued or running. */
  busyGenerations = 0;
  private streams = 0;
  private readonly alive = new Set<string>();
  private readonly maxRequests: number;
  private waiters = new Set<() => void>();

  /** @param maxRequests - how many request records to keep. */
  constructor(maxRequests: number) {
    this.maxRequests = maxRequests;
  }

  get openStreams(): number {
    return this.streams;
  }

  aliveChats(): string[] {
    return [...this.alive];
  }

  /** Records a created chat. */
  chatCreated(record: ChatCreatedRecord): void {
    this.chatsCreated.push(record);
    this.alive.add(record.id);
  }

  /** Records a deleted chat. */
  chatDeleted(id: string): void {
    this.chatsDeleted.push(id);
    this.alive.delete(id);
  }

  /** Records a request (dropping the oldest past the limit) and returns the live record. */
  request(record: RequestRecord): RequestRecord {
    this.requests.push(record);
    if (this.requests.length > this.maxRequests)
      this.requests.splice(0, this.requests.length - this.maxRequests);
    return record;
  }

  /** Moves a counter by `delta` and wakes `waitForIdle` callers when everything is quiet. */
  adjust(counter: "inFlight" | "streams" | "busyGenerations", delta: number): void {
    if (counter === "streams") this.streams += delta;
    else this[counter] += delta;
    if (delta < 0 && this.isIdle()) {
      const waiters = this.waiters;
      this.waiters = new Set();
      for (const wake of waiters) wake();
    }
  }

  /** Whether no request, stream or generation is in flight. */
  isIdle(): boolean {
    return this.inFlight === 0 && this.streams === 0 && this.busyGenerations === 0;
  }

  /** Resolves once idle; rejects with {@link IdleTimeoutError} after `timeoutMs`. */
  waitForIdle(timeoutMs: number): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(
          new IdleTimeoutError({
            openStreams: this.streams,
            inFlight: this.inFlight + this.busyGenerations,
            timeoutMs,
          }),
        );
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** Forgets every record (counters of live work stay). */
  clearRecords(): void {
    this.chatsCreated.length = 0;
    this.chatsDeleted.length = 0;
    this.requests.length = 0;
    this.firedFaults.length = 0;
    this.alive.clear();
  }
}
