import { AbortError, type ChatOptions, type Messages, streamChat } from "@g4f/core";
import type { CliContext } from "../cli-context.js";
import { describeError } from "../errors/describe-error.js";
import { ExitCode } from "../errors/exit-codes.js";
import { reportError } from "../errors/report-error.js";
import { createSpinner } from "../output/spinner.js";
import { createAnswerState, type OutputMode, streamAnswer } from "./stream-answer.js";

/** Options of {@link runOneShot}. */
export interface OneShotOptions {
  /** Registry name of the provider (selected by name). */
  provider: string;
  /** The conversation to send. */
  messages: Messages;
  /** Options for `streamChat` (without `signal`). */
  chatOptions: ChatOptions;
  /** How to print the answer. */
  mode: OutputMode;
}

/**
 * Sends one prompt and prints the answer. Ctrl-C aborts the request (the provider's cleanup
 * runs, exit code 130); a second Ctrl-C exits at once.
 * @param context - the run's context; its exit code is set.
 * @param options - provider, messages, chat options and output mode.
 */
export async function runOneShot(context: CliContext, options: OneShotOptions): Promise<void> {
  const { io } = context;
  const controller = new AbortController();
  let interrupted = false;
  const unsubscribe = io.onSignal("SIGINT", () => {
    if (interrupted) io.exit(ExitCode.interrupted);
    interrupted = true;
    controller.abort(new Error("Interrupted (Ctrl-C)."));
  });
  const spinner = createSpinner(io.stderr, { enabled: io.stderr.isTTY === true && options.mode !== "json" });
  const state = createAnswerState();
  try {
    spinner.update(`Waiting for ${options.provider}…`);
    const stream = streamChat(options.provider, options.messages, {
      ...options.chatOptions,
      signal: controller.signal,
    });
    await streamAnswer(context, stream.parts(), {
      mode: options.mode,
      spinner,
      provider: options.provider,
      state,
    });
  } catch (error) {
    if (state.openLine) io.stdout.write("\n");
    if (options.mode === "buffer" && state.text !== "") io.stdout.write(`${state.text}\n`);
    if (interrupted && (AbortError.isInstance(error) || controller.signal.aborted)) {
      if (options.mode === "json")
        io.stdout.write(
          `${JSON.stringify({ type: "error", code: "ABORTED", message: "Interrupted (Ctrl-C).", exitCode: ExitCode.interrupted })}\n`,
        );
      io.stderr.write(`${context.err.dim("interrupted: the answer was stopped (Ctrl-C)")}\n`);
      context.exitCode = ExitCode.interrupted;
      return;
    }
    if (options.mode === "json") {
      const report = describeError(error);
      io.stdout.write(`${JSON.stringify({ type: "error", ...report })}\n`);
    }
    reportError(context, error);
  } finally {
    unsubscribe();
  }
}
