import type { CliIO } from "./cli-io.js";
import { createStyle, type Style } from "./output/create-style.js";

/** What every command gets: the IO, styles for both streams and the exit code to set. */
export interface CliContext {
  /** Streams, environment and signals. */
  io: CliIO;
  /** Styling for stdout. */
  out: Style;
  /** Styling for stderr. */
  err: Style;
  /** Whether `--debug` or `G4F_DEBUG` is on. */
  debug: boolean;
  /** The exit code the command ends with; commands set it. */
  exitCode: number;
}

/** Whether an environment flag such as `G4F_DEBUG` is on (set, and not `0`/`false`). */
export function isFlagSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/**
 * Builds the context for one run.
 * @param io - streams, environment and signals.
 * @returns a context with exit code 0.
 */
export function createCliContext(io: CliIO): CliContext {
  return {
    io,
    out: createStyle(io.stdout, io.env),
    err: createStyle(io.stderr, io.env),
    debug: isFlagSet(io.env.G4F_DEBUG),
    exitCode: 0,
  };
}
