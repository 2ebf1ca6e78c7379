import type { CliIO, CliSignal } from "../cli-io.js";

/**
 * Resolves on the first SIGINT or SIGTERM.
 * @param io - where signals come from.
 * @returns the signal that arrived.
 */
export function waitForShutdownSignal(io: CliIO): Promise<CliSignal> {
  return new Promise((resolve) => {
    const offs: Array<() => void> = [];
    const stop = (signal: CliSignal): void => {
      for (const off of offs) off();
      resolve(signal);
    };
    offs.push(io.onSignal("SIGINT", () => stop("SIGINT")));
    offs.push(io.onSignal("SIGTERM", () => stop("SIGTERM")));
  });
}
