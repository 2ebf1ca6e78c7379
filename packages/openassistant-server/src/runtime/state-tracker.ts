import { IdleTimeoutError } from "../errors/idle-timeout-error.js";
import type { ChatCreatedRecord, FiredFaultRecord, RequestRecord, ServerState } from "../server-state.js";

const QUIET_MS = 15;

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
  // Chats whose event stream the client closed early: a delete is most likely on its way.
  private readonly abandoned = new Map<string, NodeJS.Timeout>();

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
    this.settleAbandoned(id);
  }

  /**
   * Notes that a client closed a chat's event stream before it ended: `waitForIdle` then waits up
   * to `graceMs` for that chat's delete, which a client sends only after closing the stream.
   */
  streamAbandoned(chatId: string, graceMs: number): void {
    if (!this.alive.has(chatId) || this.abandoned.has(chatId)) return;
    const timer = setTimeout(() => this.settleAbandoned(chatId), graceMs);
    timer.unref();
    this.abandoned.set(chatId, timer);
  }

  private settleAbandoned(chatId: string): void {
    const timer = this.abandoned.get(chatId);
    if (!timer) return;
    clearTimeout(timer);
    this.abandoned.delete(chatId);
    this.wakeIfIdle();
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
    if (delta < 0) this.wakeIfIdle();
  }

  private wakeIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Whether no request, stream or generation is in flight. */
  isIdle(): boolean {
    return (
      this.inFlight === 0 && this.streams === 0 && this.busyGenerations === 0 && this.abandoned.size === 0
    );
  }

  /**
   * Resolves once idle, and still idle after a short quiet window (a client's next request, such
   * as the delete after a stream, is often a few milliseconds behind); rejects with
   * {@link IdleTimeoutError} after `timeoutMs`.
   */
  async waitForIdle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.untilIdle(deadline, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      if (this.isIdle()) return;
    }
  }

  private untilIdle(deadline: number, timeoutMs: number): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          this.waiters.delete(wake);
          reject(
            new IdleTimeoutError({
              openStreams: this.streams,
              inFlight: this.inFlight,
              generations: this.busyGenerations,
              pendingDeletes: this.abandoned.size,
              timeoutMs,
            }),
          );
        },
        Math.max(0, deadline - Date.now()),
      );
      this.waiters.add(wake);
    });
  }

  /** Forgets every record (counters of live work stay). */
  clearRecords(): void {
    for (const timer of this.abandoned.values()) clearTimeout(timer);
    this.abandoned.clear();
    this.chatsCreated.length = 0;
    this.chatsDeleted.length = 0;
    this.requests.length = 0;
    this.firedFaults.length = 0;
    this.alive.clear();
  }
}
