import type { Packet } from "../stream/packet.js";

/** What a running generation reports to its message. */
export interface GenerationCallbacks {
  /** A token was generated (more may follow in the same tick). */
  onToken(packet: Packet): void;
  /** The tokens of one tick were all reported: deliver them. */
  onFlush(): void;
  /** Generation ended normally. */
  onComplete(): void;
  /** Generation failed with this error text (e.g. `Upstream error: 500`). */
  onError(error: string): void;
}

/** A generation in progress; `cancel` stops it without any callback. */
export interface Generation {
  /** Stops generating and releases every timer and connection. */
  cancel(): void;
}
