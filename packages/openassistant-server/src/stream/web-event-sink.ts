import { EVENT_STREAM_HEADERS, type EventSink } from "./event-sink.js";

const encoder = new TextEncoder();
const HIGH_WATER_BYTES = 64 * 1024;

/** An {@link EventSink} feeding a web `ReadableStream`, for the in-process `fetch`. */
export class WebEventSink implements EventSink {
  /** The response to hand back. */
  readonly response: Response;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private closeCallbacks: Array<() => void> = [];
  private drainCallbacks: Array<() => void> = [];
  private isClosed = false;
  private failPending = false;

  constructor() {
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => {
          if (this.failPending) this.failIfDrained();
          const callbacks = this.drainCallbacks;
          this.drainCallbacks = [];
          for (const callback of callbacks) callback();
        },
        cancel: () => this.markClosed(),
      },
      { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
    );
    this.response = new Response(stream, { status: 200, headers: EVENT_STREAM_HEADERS });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  write(text: string): boolean {
    if (this.isClosed) return true;
    this.controller.enqueue(encoder.encode(text));
    return (this.controller.desiredSize ?? 0) > 0;
  }

  /** Writes bytes as one chunk (for `splitWrites`). */
  writeBytes(bytes: Uint8Array): void {
    if (!this.isClosed) this.controller.enqueue(bytes);
  }

  onDrain(callback: () => void): void {
    this.drainCallbacks.push(callback);
  }

  end(): void {
    if (this.isClosed) return;
    this.controller.close();
    this.markClosed();
  }

  /** Errors the stream once what was written is read (erroring at once would discard it). */
  destroy(_mode: "drop" | "reset"): void {
    if (this.isClosed) return;
    this.failPending = true;
    this.markClosed();
    this.failIfDrained();
  }

  private failIfDrained(): void {
    // desiredSize equals the high-water mark exactly when the queue is empty.
    if (this.controller.desiredSize !== HIGH_WATER_BYTES) return;
    this.failPending = false;
    this.controller.error(new TypeError("terminated: the server dropped the connection (fault injection)"));
  }

  onClose(callback: () => void): void {
    if (this.isClosed) callback();
    else this.closeCallbacks.push(callback);
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    const callbacks = this.closeCallbacks;
    this.closeCallbacks = [];
    for (const callback of callbacks) callback();
  }
}
