import { closeHttpConnections } from "@g4f/core";
import { CommanderError } from "commander";
import { createCliContext } from "./cli-context.js";
import { type CliIO, createProcessIO } from "./cli-io.js";
import { createProgram, findCommandName } from "./create-program.js";
import { ExitCode } from "./errors/exit-codes.js";
import { reportError } from "./errors/report-error.js";
import { UsageError } from "./errors/usage-error.js";

function toUsageError(error: CommanderError, argv: readonly string[]): UsageError {
  const command = findCommandName(argv);
  return new UsageError({
    message: error.message.replace(/^error:\s*/, ""),
    hint: `\`g4f ${command === undefined ? "" : `${command} `}--help\` shows the options and examples.`,
    cause: error,
  });
}

/**
 * Runs the g4f command line in this process and returns its exit code (it never calls
 * `process.exit`, except on a second Ctrl-C through `io.exit`).
 *
 * @param argv - the arguments after the program name, e.g. `["chat", "Hello"]`.
 * @param io - streams, environment, cwd and signals to use instead of the process's.
 * @returns 0 on success, 1 on a run-time failure, 2 on a usage error, 130 when interrupted.
 * @example
 * ```ts
 * import { runCli } from "@g4f/cli";
 * process.exitCode = await runCli(["providers", "--json"]);
 * ```
 */
export async function runCli(argv: readonly string[], io: Partial<CliIO> = {}): Promise<number> {
  const context = createCliContext({ ...createProcessIO(), ...io });
  if (argv.includes("--debug")) context.debug = true;
  try {
    const program = await createProgram(context, argv);
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.ok;
      // `g4f` alone: commander already printed the help on stderr.
      if (error.code === "commander.help") return ExitCode.usage;
      reportError(context, toUsageError(error, argv));
      return ExitCode.usage;
    }
    reportError(context, error);
  } finally {
    await closeHttpConnections();
  }
  return context.exitCode;
}
