import { createSessionPolicy, type SessionPolicy } from "../auth/resolve-session.js";
import { FaultRegistry } from "../faults/fault-registry.js";
import type { OpenAssistantServerOptions } from "../options.js";
import type { JobSubscriber } from "./assistant-job.js";
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
  /** Open event streams per chat, ended when the chat is deleted. */
  readonly openSessions: Map<string, Set<JobSubscriber>> = new Map();

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
    this.endSessions(chatId);
    this.state.chatDeleted(chatId);
    return true;
  }

  /** Tracks an open event stream of a chat; returns the function that forgets it. */
  addSession(chatId: string, session: JobSubscriber): () => void {
    let sessions = this.openSessions.get(chatId);
    if (!sessions) {
      sessions = new Set();
      this.openSessions.set(chatId, sessions);
    }
    sessions.add(session);
    return () => {
      sessions.delete(session);
      if (sessions.size === 0 && this.openSessions.get(chatId) === sessions) this.openSessions.delete(chatId);
    };
  }

  private endSessions(chatId?: string): void {
    const groups = chatId === undefined ? [...this.openSessions.values()] : [this.openSessions.get(chatId)];
    for (const sessions of groups) for (const session of [...(sessions ?? [])]) session.onGone();
  }

  /** Clears faults, records, chats and their jobs (between tests). */
  reset(): void {
    this.faults.clear();
    this.scheduler.clear();
    this.endSessions();
    this.store.clear();
    this.state.clearRecords();
    this.rateLimiter?.clear();
  }

  /** Stops every job and timer; hanging requests end. */
  shutdown(): void {
    this.closing.abort();
    this.scheduler.clear();
    this.endSessions();
  }
}
