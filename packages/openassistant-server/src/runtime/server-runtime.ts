import { createSessionPolicy, type SessionPolicy } from "../auth/resolve-session.js";
import { FaultRegistry } from "../faults/fault-registry.js";
import type { OpenAssistantServerOptions } from "../options.js";
import { ChatStore } from "./chat-store.js";
import { RateLimiter } from "./rate-limiter.js";
import { type ResolvedOptions, resolveOptions } from "./resolve-options.js";
import { Scheduler } from "./scheduler.js";
import { StateTracker } from "./state-tracker.js";

/** Everything one server instance holds: options, chats, jobs, faults and bookkeeping. */
export class ServerRuntime {
  /** The options with defaults. */
  readonly options: ResolvedOptions;
  /** Session checks. */
  readonly sessions: SessionPolicy;
  /** Chats and messages. */
  readonly store: ChatStore = new ChatStore();
  /** Bookkeeping for tests. */
  readonly state: StateTracker;
  /** Fault rules. */
  readonly faults: FaultRegistry;
  /** Queues, workers and jobs. */
  readonly scheduler: Scheduler;
  /** The assistant-message rate limit, when on. */
  readonly rateLimiter: RateLimiter | undefined;
  private readonly closing = new AbortController();

  /** @param options - the server options (validated here). */
  constructor(options: OpenAssistantServerOptions) {
    this.options = resolveOptions(options);
    this.sessions = createSessionPolicy(this.options);
    this.state = new StateTracker(this.options.maxRecordedRequests);
    this.faults = new FaultRegistry(this.state.firedFaults);
    for (const rule of options.faults ?? []) this.faults.add(rule);
    this.scheduler = new Scheduler(this.options, this.state, this.store);
    const rate = this.options.rateLimit;
    this.rateLimiter = rate ? new RateLimiter(rate.times, rate.windowMs) : undefined;
  }

  /** Aborted when the server closes: hanging requests and delays end. */
  get closingSignal(): AbortSignal {
    return this.closing.signal;
  }

  /** Deletes a chat: its generations stop and its streams end. Returns whether it existed. */
  deleteChat(chatId: string): boolean {
    const chat = this.store.deleteChat(chatId);
    if (!chat) return false;
    this.scheduler.removeChat(chat);
    this.state.chatDeleted(chatId);
    return true;
  }

  /** Clears faults, records, chats and their jobs (between tests). */
  reset(): void {
    this.faults.clear();
    this.scheduler.clear();
    this.store.clear();
    this.state.clearRecords();
    this.rateLimiter?.clear();
  }

  /** Stops every job and timer; hanging requests end. */
  shutdown(): void {
    this.closing.abort();
    this.scheduler.clear();
  }
}
