import type { IncomingMessage, ServerResponse } from "node:http";
import { EVENT_STREAM_HEADERS, type EventSink } from "./event-sink.js";

/** An {@link EventSink} writing straight to a Node response (no web-stream layer in between). */
export class NodeEventSink implements EventSink {
  private readonly response: ServerResponse;
  private readonly request: IncomingMessage;
  private closeCallbacks: Array<() => void> = [];
  private isClosed = false;

  /**
   * @param request - the Node request (for its socket).
   * @param response - the Node response; its head is written at once.
   */
  constructor(request: IncomingMessage, response: ServerResponse) {
    this.request = request;
    this.response = response;
    response.writeHead(200, EVENT_STREAM_HEADERS);
    response.flushHeaders();
    response.once("close", () => this.markClosed());
  }

  get closed(): boolean {
    return this.isClosed;
  }

  write(text: string): boolean {
    if (this.isClosed) return true;
    return this.response.write(text);
  }

  writeBytes(bytes: Uint8Array): void {
    if (!this.isClosed) this.response.write(bytes);
  }

  onDrain(callback: () => void): void {
    this.response.once("drain", callback);
  }

  end(): void {
    if (this.isClosed) return;
    this.response.end();
  }

  destroy(mode: "drop" | "reset"): void {
    const socket = this.request.socket;
    if (mode === "reset" && typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
    else socket.destroy();
    this.markClosed();
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
