import type { AssistantJob, JobSubscriber } from "../runtime/assistant-job.js";
import type { StoredMessage } from "../store/records.js";
import { toMessageRead } from "../store/serialize.js";
import type { EventSink } from "./event-sink.js";
import { errorPacket, type Packet, pendingJson } from "./packet.js";
import { frameData, framePing } from "./sse-format.js";
import type { StreamPlan } from "./stream-plan.js";

/** What a session needs from the server. */
export interface SessionHost {
  /** Queue position of the job. */
  position(job: AssistantJob | undefined): { position: number; size: number };
  /** Stops the job for an injected error event, giving the message `state`. */
  abort(job: AssistantJob, state: string): void;
  /** Milliseconds unread packets live after the last one. */
  expireMs: number;
}

const DEFAULT_MALFORMED = '{"event_type": "token", "text": ';

/**
 * One open event stream: `pending` events until the first packet, then the job's packets
 * (tokens, then `message` or `error`), pings throughout, and the stream faults of its plan.
 * Reads the job's queue only as fast as the client takes the bytes (backpressure).
 */
export class EventStreamSession implements JobSubscriber {
  private readonly sink: EventSink;
  private readonly job: AssistantJob | undefined;
  private readonly message: StoredMessage;
  private readonly plan: StreamPlan;
  private readonly host: SessionHost;
  private pingTimer: NodeJS.Timeout | undefined;
  private pendingTimer: NodeJS.Timeout | undefined;
  private delayTimer: NodeJS.Timeout | undefined;
  private delivered = false;
  private firstDelayDone: boolean;
  private waitingDrain = false;
  private stalled = false;
  private ended = false;
  private tokensSent = 0;

  /**
   * @param sink - where the bytes go.
   * @param message - the assistant message streamed.
   * @param job - its live job (none: the message only ever shows `pending`).
   * @param plan - options and faults for this stream.
   * @param host - the scheduler side.
   */
  constructor(
    sink: EventSink,
    message: StoredMessage,
    job: AssistantJob | undefined,
    plan: StreamPlan,
    host: SessionHost,
  ) {
    this.sink = sink;
    this.message = message;
    this.job = plan.pendingForever ? undefined : job;
    this.plan = plan;
    this.host = host;
    this.firstDelayDone = plan.firstTokenDelayMs <= 0;
    sink.onClose(() => this.cleanUp());
  }

  /** Whether the server ended the stream (else the client left first). */
  get endedByServer(): boolean {
    return this.ended;
  }

  /** Starts pings, pending events and delivery. */
  start(): void {
    if (this.plan.pingIntervalMs > 0)
      this.pingTimer = setInterval(
        () => this.write(framePing(this.plan.pingStyle, this.plan.framing)),
        this.plan.pingIntervalMs,
      );
    this.pendingTimer = setInterval(() => this.sendPending(), this.plan.pendingIntervalMs);
    if (this.plan.tokenFault?.afterTokens === 0) {
      this.fireTokenFault();
      return;
    }
    if (this.job) {
      this.job.subscribers.add(this);
      this.job.queue.expire(Date.now(), this.host.expireMs);
      this.onPackets();
    }
  }

  onPackets(): void {
    const job = this.job;
    if (!job || this.ended || this.stalled || this.waitingDrain || this.sink.closed) return;
    for (;;) {
      const packet = job.queue.peek();
      if (!packet) return;
      if (!this.firstDelayDone) {
        if (!this.delayTimer)
          this.delayTimer = setTimeout(() => {
            this.firstDelayDone = true;
            this.onPackets();
          }, this.plan.firstTokenDelayMs);
        return;
      }
      const fault = this.plan.tokenFault;
      if (fault && (this.tokensSent >= fault.afterTokens || packet.kind !== "token")) {
        this.fireTokenFault();
        return;
      }
      job.queue.shift();
      this.markDelivered();
      const ok = this.write(this.frame(packet));
      if (packet.kind !== "token") {
        this.finish();
        return;
      }
      this.tokensSent++;
      if (!ok) {
        this.waitingDrain = true;
        this.sink.onDrain(() => {
          this.waitingDrain = false;
          this.onPackets();
        });
        return;
      }
    }
  }

  onGone(): void {
    this.finish();
  }

  private frame(packet: Packet): string {
    if (this.plan.framing === "crlf" && packet.sse) return packet.sse;
    return frameData(packet.json, this.plan.framing);
  }

  private write(text: string): boolean {
    if (this.ended || this.stalled || this.sink.closed) return true;
    return this.sink.write(text);
  }

  private sendPending(): void {
    if (this.delivered) return;
    const { position, size } = this.host.position(this.job);
    this.write(frameData(pendingJson(position, size), this.plan.framing));
  }

  private markDelivered(): void {
    if (this.delivered) return;
    this.delivered = true;
    clearInterval(this.pendingTimer);
    this.pendingTimer = undefined;
  }

  private fireTokenFault(): void {
    const fault = this.plan.tokenFault;
    if (!fault) return;
    this.markDelivered();
    switch (fault.type) {
      case "errorEvent": {
        const state = fault.state ?? "aborted_by_worker";
        if (this.job) this.host.abort(this.job, state);
        else this.message.state = state;
        const packet = errorPacket(
          fault.error ?? "Aborted due to worker error.",
          toMessageRead(this.message, true),
        );
        this.write(frameData(packet.json, this.plan.framing));
        this.finish();
        return;
      }
      case "drop":
        this.ended = true;
        this.sink.destroy("drop");
        this.cleanUp();
        return;
      case "stall":
        this.stalled = true;
        this.clearTimers();
        return;
      case "endWithoutMessage":
        this.finish();
        return;
      case "malformed":
        this.write(frameData(fault.payload ?? DEFAULT_MALFORMED, this.plan.framing));
        this.finish();
        return;
    }
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.sink.end();
    this.cleanUp();
  }

  private clearTimers(): void {
    clearInterval(this.pingTimer);
    clearInterval(this.pendingTimer);
    clearTimeout(this.delayTimer);
    this.pingTimer = undefined;
    this.pendingTimer = undefined;
    this.delayTimer = undefined;
  }

  private cleanUp(): void {
    this.clearTimers();
    this.job?.subscribers.delete(this);
  }
}
