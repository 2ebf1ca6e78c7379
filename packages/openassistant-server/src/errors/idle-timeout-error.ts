import { hasMark, mark, OpenAssistantServerError } from "./open-assistant-server-error.js";

const marker: symbol = Symbol.for("g4f.error.IDLE_TIMEOUT");

/** `waitForIdle` gave up: event streams or requests were still open (the message gives the counts). */
export class IdleTimeoutError extends OpenAssistantServerError {
  /** Event streams still open when it gave up. */
  readonly openStreams: number;
  /** Requests still in flight when it gave up. */
  readonly inFlight: number;

  /**
   * @param options - the counts still open and the timeout that elapsed.
   */
  constructor(options: {
    openStreams: number;
    inFlight: number;
    generations?: number;
    pendingDeletes?: number;
    timeoutMs: number;
  }) {
    super("IDLE_TIMEOUT", {
      message: `The Open Assistant server was not idle after ${options.timeoutMs} ms: ${options.openStreams} event stream(s), ${options.inFlight} request(s) and ${options.generations ?? 0} generation(s) still open, ${options.pendingDeletes ?? 0} chat(s) whose stream was closed early not deleted yet. Close the streams your test opened (read them to the end, cancel them or abort the request), delete the chats, or raise timeoutMs.`,
    });
    this.openStreams = options.openStreams;
    this.inFlight = options.inFlight;
    mark(this, marker);
  }

  /**
   * Whether a value is an {@link IdleTimeoutError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is IdleTimeoutError {
    return hasMark(value, marker);
  }
}
