import type { Packet } from "./packet.js";

/**
 * A FIFO of packets for one message (the Redis list `message:<id>`): single-consumer, with
 * expiry of everything unread `expireMs` after the last push. Amortised O(1) shift, no copies.
 */
export class PacketQueue {
  private items: Packet[] = [];
  private head = 0;
  /** When the last packet was pushed (ms). */
  lastPushAt = 0;

  /** Packets waiting. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Appends a packet. */
  push(packet: Packet, now: number): void {
    this.items.push(packet);
    this.lastPushAt = now;
  }

  /** Takes the oldest packet. */
  shift(): Packet | undefined {
    if (this.head >= this.items.length) return undefined;
    const packet = this.items[this.head];
    this.items[this.head] = undefined as unknown as Packet;
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return packet;
  }

  /** Looks at the oldest packet without taking it. */
  peek(): Packet | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  /** Drops everything if the last push is older than `expireMs`. */
  expire(now: number, expireMs: number): void {
    if (this.size > 0 && now - this.lastPushAt >= expireMs) this.clear();
  }

  /** Drops everything. */
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
