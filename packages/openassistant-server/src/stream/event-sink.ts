/** Where an event stream writes: a Node response on a socket, or a web ReadableStream in process. */
export interface EventSink {
  /** Writes text; `false` means the client is behind: wait for `onDrain`. */
  write(text: string): boolean;
  /** Calls back once when the client caught up after `write` returned `false`. */
  onDrain(callback: () => void): void;
  /** Writes bytes as one chunk of their own (for the `splitWrites` fault). */
  writeBytes(bytes: Uint8Array): void;
  /** Ends the stream cleanly. */
  end(): void;
  /** Kills the connection: `drop` closes the socket, `reset` sends a TCP reset. */
  destroy(mode: "drop" | "reset"): void;
  /** Calls back once when the stream is over for any reason (client left, ended, destroyed). */
  onClose(callback: () => void): void;
  /** Whether the stream is over. */
  readonly closed: boolean;
}

/** The headers of an event stream (a documented difference: the website forwarded none). */
export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache",
};
