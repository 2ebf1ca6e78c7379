import { Buffer } from "node:buffer";
import type { EventSink } from "./event-sink.js";

const EDGE_BYTES = 24;

/**
 * Wraps a sink so every write goes out in pieces of 1–3 bytes (its first and last bytes; the
 * middle as one piece), one per macrotask, splitting UTF-8 sequences and `\r\n` pairs (the `splitWrites` fault). Order is kept; `end` and `destroy` wait their turn.
 */
export class SplitWriteSink implements EventSink {
  private readonly inner: EventSink;
  private pieces: Array<Uint8Array | "end" | "drop" | "reset"> = [];
  private running = false;
  private pieceSize = 1;

  /**
   * @param inner - the sink to write to.
   */
  constructor(inner: EventSink) {
    this.inner = inner;
  }

  get closed(): boolean {
    return this.inner.closed;
  }

  write(text: string): boolean {
    const bytes = Buffer.from(text, "utf8");
    // Tiny pieces at both ends of each write (where the framing and its `\r\n` are), the
    // middle in one piece, so a long `message` event does not take a timer tick per byte.
    const head = Math.min(bytes.length, EDGE_BYTES);
    const tail = Math.max(head, bytes.length - EDGE_BYTES);
    this.splitInto(bytes, 0, head);
    if (tail > head) this.pieces.push(bytes.subarray(head, tail));
    this.splitInto(bytes, tail, bytes.length);
    this.run();
    return true;
  }

  private splitInto(bytes: Uint8Array, start: number, end: number): void {
    for (let offset = start; offset < end; ) {
      const size = Math.min(this.pieceSize, end - offset);
      this.pieceSize = (this.pieceSize % 3) + 1;
      this.pieces.push(bytes.subarray(offset, offset + size));
      offset += size;
    }
  }

  writeBytes(bytes: Uint8Array): void {
    this.pieces.push(bytes);
    this.run();
  }

  onDrain(callback: () => void): void {
    setImmediate(callback);
  }

  end(): void {
    this.pieces.push("end");
    this.run();
  }

  destroy(mode: "drop" | "reset"): void {
    this.pieces.push(mode);
    this.run();
  }

  onClose(callback: () => void): void {
    this.inner.onClose(callback);
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    const step = (): void => {
      const piece = this.pieces.shift();
      if (piece === undefined || this.inner.closed) {
        this.running = false;
        if (this.inner.closed) this.pieces = [];
        return;
      }
      if (piece === "end") this.inner.end();
      else if (piece === "drop" || piece === "reset") this.inner.destroy(piece);
      else this.inner.writeBytes(piece);
      setTimeout(step, 1);
    };
    step();
  }
}
