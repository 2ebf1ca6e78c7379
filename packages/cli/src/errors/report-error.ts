import type { CliContext } from "../cli-context.js";
import { describeError, type ErrorReport } from "./describe-error.js";

function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    lines.push(current.stack ?? `${current.name}: ${current.message}`);
    current = current.cause;
    if (current instanceof Error) lines.push("caused by:");
  }
  return lines;
}

/**
 * Prints an error as `error CODE: message` plus a hint on stderr (and the stack with `--debug`),
 * and sets the context's exit code.
 * @param context - the run's context.
 * @param error - what was caught.
 * @returns the report that was printed.
 */
export function reportError(context: CliContext, error: unknown): ErrorReport {
  const report = describeError(error);
  const { err, io } = context;
  io.stderr.write(`${err.red(err.bold(`error ${report.code}`))}${err.red(":")} ${report.message}\n`);
  if (report.hint !== undefined) io.stderr.write(`${err.dim(`hint: ${report.hint}`)}\n`);
  if (context.debug) io.stderr.write(`${err.dim(causeChain(error).join("\n"))}\n`);
  context.exitCode = report.exitCode;
  return report;
}
