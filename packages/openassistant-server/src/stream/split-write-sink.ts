import { Buffer } from "node:buffer";
import type { EventSink } from "./event-sink.js";

/**
 * Wraps a sink so every write goes out in pieces of 1–3 bytes, one per macrotask, splitting
 * UTF-8 sequences (the `splitWrites` fault). Order is kept; `end` and `destroy` wait their turn.
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
    for (let offset = 0; offset < bytes.length; ) {
      const size = this.pieceSize;
      this.pieceSize = (this.pieceSize % 3) + 1;
      this.pieces.push(bytes.subarray(offset, offset + size));
      offset += size;
    }
    this.run();
    return true;
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
