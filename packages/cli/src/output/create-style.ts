import type { CliOutput } from "../cli-io.js";

/** ANSI styling for one output stream; every function returns its input when colour is off. */
export interface Style {
  /** Whether colour is on for this stream. */
  readonly enabled: boolean;
  /** Bold text. */
  bold(text: string): string;
  /** Dim (faint) text. */
  dim(text: string): string;
  /** Red text. */
  red(text: string): string;
  /** Yellow text. */
  yellow(text: string): string;
  /** Green text. */
  green(text: string): string;
  /** Cyan text. */
  cyan(text: string): string;
}

/**
 * Whether to colour a stream: only a terminal, never with a non-empty `NO_COLOR` or `TERM=dumb`;
 * `FORCE_COLOR` (not `0`) forces it.
 */
export function isColorEnabled(stream: CliOutput, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

function wrap(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

/**
 * Builds the styling functions for a stream.
 * @param stream - stdout or stderr.
 * @param env - the environment (`NO_COLOR`, `FORCE_COLOR`, `TERM`).
 * @returns a {@link Style}.
 */
export function createStyle(stream: CliOutput, env: Record<string, string | undefined>): Style {
  const enabled = isColorEnabled(stream, env);
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    yellow: wrap(enabled, 33, 39),
    green: wrap(enabled, 32, 39),
    cyan: wrap(enabled, 36, 39),
  };
}
