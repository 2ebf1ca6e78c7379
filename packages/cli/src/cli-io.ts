/** A stream the CLI writes to: `process.stdout`, `process.stderr` or a test double. */
export interface CliOutput {
  /**
   * Writes a chunk of text.
   * @param chunk - the text.
   * @returns whether the chunk was flushed (see `stream.Writable.write`).
   */
  write(chunk: string): boolean;
  /** Whether the stream is a terminal (colour, spinner). */
  isTTY?: boolean | undefined;
  /** Terminal width, when it is one. */
  columns?: number | undefined;
}

/** Where the CLI reads from: `process.stdin` or a test double. */
export type CliInput = NodeJS.ReadableStream & {
  /** Whether the stream is a terminal (then `g4f chat` without text is interactive). */
  isTTY?: boolean | undefined;
};

/** The signals the CLI reacts to. */
export type CliSignal = "SIGINT" | "SIGTERM";

/** Everything the CLI touches outside itself, so it can run in-process in tests. */
export interface CliIO {
  /** Where answers and tables go. */
  stdout: CliOutput;
  /** Where errors, progress and the spinner go. */
  stderr: CliOutput;
  /** Where piped prompts and the interactive chat's input come from. */
  stdin: CliInput;
  /** Environment variables (`G4F_PROXY`, `G4F_COOKIES_DIR`, `OPENASSISTANT_BASE_URL`, `G4F_DEBUG`, `NO_COLOR`…). */
  env: Record<string, string | undefined>;
  /** Folder that relative paths (plugins, cookie files) are resolved against. */
  cwd: string;
  /**
   * Subscribes to a process signal.
   * @param signal - `SIGINT` or `SIGTERM`.
   * @param handler - called on each delivery.
   * @returns a function that unsubscribes.
   */
  onSignal(signal: CliSignal, handler: () => void): () => void;
  /**
   * Ends the process at once (a second Ctrl-C). In-process runs may throw instead.
   * @param code - the exit code.
   */
  exit(code: number): void;
}

/**
 * The real process's streams, environment and signals.
 * @returns a {@link CliIO} bound to `process`.
 */
export function createProcessIO(): CliIO {
  const interruptHandlers = new Set<() => void>();
  let readerGone = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && !readerGone) throw error;
    if (readerGone) return;
    // The reader went away (`g4f chat … | head`): stop as on Ctrl-C, so a running chat is still
    // cleaned up, instead of crashing on an unhandled EPIPE.
    readerGone = true;
    // Not an interruption by the user: the pipeline got what it wanted, so exit 0 (not 130).
    process.once("exit", () => {
      process.exitCode = 0;
    });
    if (interruptHandlers.size === 0) process.exit(0);
    for (const handler of interruptHandlers) handler();
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    onSignal(signal, handler) {
      process.on(signal, handler);
      if (signal === "SIGINT") interruptHandlers.add(handler);
      return () => {
        process.off(signal, handler);
        interruptHandlers.delete(handler);
      };
    },
    exit(code) {
      process.exit(code);
    },
  };
}
