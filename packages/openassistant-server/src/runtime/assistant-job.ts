import type { Generation } from "../generation/generation.js";
import type { StoredMessage } from "../store/records.js";
import { PacketQueue } from "../stream/packet-queue.js";

/** Something reading a job's packets: an open event stream. */
export interface JobSubscriber {
  /** Packets are waiting: take what you can. */
  onPackets(): void;
  /** The job is gone (chat deleted, server closed): end the stream. */
  onGone(): void;
}

/**
 * The live side of one assistant message: its packet queue (the Redis list of the real
 * server), its generation and the streams reading it.
 */
export class AssistantJob {
  /** The stored message. */
  readonly message: StoredMessage;
  /** The prompt the generation answers (the parent prompter message's content). */
  readonly prompt: string;
  /** Packets generated and not yet read. */
  readonly queue: PacketQueue = new PacketQueue();
  /** Streams reading this job. */
  readonly subscribers: Set<JobSubscriber> = new Set();
  /** The running generation, once a worker took it. */
  generation: Generation | undefined;
  /** Whether it counts as queued or running work. */
  busy = false;
  /** The answer so far, joined at completion (kept once, as pieces). */
  pieces: string[] = [];
  /** Timers owned by the job (queue timeout, packet expiry). */
  timer: NodeJS.Timeout | undefined;
  /** Milliseconds of delay before the first token (options or a fault). */
  firstTokenDelayMs: number;

  /**
   * @param message - the stored assistant message.
   * @param prompt - the parent prompter content.
   * @param firstTokenDelayMs - delay before the first token.
   */
  constructor(message: StoredMessage, prompt: string, firstTokenDelayMs: number) {
    this.message = message;
    this.prompt = prompt;
    this.firstTokenDelayMs = firstTokenDelayMs;
  }

  /** Tells every subscriber packets are waiting. */
  notify(): void {
    for (const subscriber of this.subscribers) {
      if (this.queue.size === 0) return;
      subscriber.onPackets();
    }
  }
}
