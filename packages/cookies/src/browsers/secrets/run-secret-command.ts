import { execFile } from "node:child_process";

/** Options of {@link runSecretCommand}. @internal */
export interface RunSecretCommandOptions {
  /** Written to the child's stdin (so no secret ever travels in argv). */
  input?: string;
  /** Kills the child; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Kill after this long. @defaultValue 5000 */
  timeoutMs?: number;
}

/**
 * Runs a secret-store tool with `execFile` (never a shell), a 5 s timeout and the caller's signal,
 * and resolves with its stdout, or `undefined` when it is missing, fails or times out. Its
 * error, stdout and stderr are dropped on failure: they may hold a secret.
 * @internal
 */
export function runSecretCommand(
  file: string,
  args: readonly string[],
  options: RunSecretCommandOptions = {},
): Promise<string | undefined> {
  const { signal } = options;
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {
        encoding: "utf8",
        timeout: options.timeoutMs ?? 5000,
        windowsHide: true,
        maxBuffer: 1024 * 1024,
        ...(signal === undefined ? {} : { signal }),
      },
      (error, stdout) => {
        if (!signal?.aborted) {
          resolve(error === null ? stdout : undefined);
          return;
        }
        // On abort execFile calls back as soon as the kill is sent; settle once the child is
        // really gone, so an aborted lookup leaves no process behind.
        if (child.exitCode !== null || child.signalCode !== null) reject(signal.reason);
        else child.once("exit", () => reject(signal.reason));
      },
    );
    child.stdin?.on("error", () => {
      // The tool may exit before reading stdin (EPIPE); its exit status tells the outcome.
    });
    child.stdin?.end(options.input ?? "");
  });
}

/** Drops one trailing line break (the tools print one after the secret). @internal */
export function stripLineBreak(text: string): string {
  return text.replace(/\r?\n$/, "");
}
