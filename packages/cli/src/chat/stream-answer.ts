import type { AsyncResult, FinishReason, ProviderInfoPart, ResponsePart, UsagePart } from "@g4f/core";
import type { CliContext } from "../cli-context.js";
import type { Spinner } from "../output/spinner.js";
import { describeProgress } from "./describe-progress.js";

/** How an answer is printed: as it streams, as JSON lines, or all at the end. */
export type OutputMode = "text" | "json" | "buffer";

/** What was received so far; kept up to date while streaming, so it is valid after an error too. */
export interface AnswerState {
  /** The text so far. */
  text: string;
  /** Text chunks received. */
  chunks: number;
  /** Milliseconds from the start to the first text chunk. */
  firstTokenMs?: number;
  /** Why the answer ended, when the provider said. */
  finishReason?: FinishReason;
  /** Token counts, when the provider reported them. */
  usage?: UsagePart;
  /** Which provider and model answered, when the provider said. */
  providerInfo?: ProviderInfoPart;
  /** Whether text was written to stdout without a final newline. */
  openLine: boolean;
}

/** Options of {@link streamAnswer}. */
export interface StreamAnswerOptions {
  /** Output mode. */
  mode: OutputMode;
  /** The spinner shown until the first token (drawn only on a terminal). */
  spinner: Spinner;
  /** Provider name for the spinner's text. */
  provider: string;
  /** Receives the state as it changes (the caller keeps it for error handling). */
  state: AnswerState;
}

/**
 * Creates an empty {@link AnswerState}.
 * @returns a state with no text.
 */
export function createAnswerState(): AnswerState {
  return { text: "", chunks: 0, openLine: false };
}

function writeJson(context: CliContext, value: unknown): void {
  context.io.stdout.write(`${JSON.stringify(value)}\n`);
}

function recordPart(state: AnswerState, part: ResponsePart): void {
  if (part.type === "finish") state.finishReason = part.reason;
  else if (part.type === "usage") state.usage = part;
  else if (part.type === "provider-info") state.providerInfo = part;
}

/**
 * Prints a provider's result as it arrives and returns what was received. Progress parts drive
 * the spinner; the first text chunk clears it.
 * @param context - the run's context.
 * @param parts - `streamChat(...).parts()`.
 * @param options - mode, spinner and the state to fill.
 * @returns the filled state.
 * @throws whatever the provider throws (the state stays valid).
 */
export async function streamAnswer(
  context: CliContext,
  parts: AsyncResult,
  options: StreamAnswerOptions,
): Promise<AnswerState> {
  const { mode, spinner, state } = options;
  const { stdout } = context.io;
  const started = performance.now();
  try {
    for await (const part of parts) {
      if (typeof part === "string") {
        if (state.chunks === 0) {
          state.firstTokenMs = performance.now() - started;
          spinner.stop();
        }
        state.chunks++;
        state.text += part;
        if (mode === "text") {
          stdout.write(part);
          state.openLine = !part.endsWith("\n");
        } else if (mode === "json") writeJson(context, { type: "text", text: part });
        continue;
      }
      recordPart(state, part);
      if (mode === "json") writeJson(context, part);
      if (part.type === "progress" && state.chunks === 0)
        spinner.update(describeProgress(part, options.provider));
    }
  } finally {
    spinner.stop();
  }
  if (mode === "buffer") {
    stdout.write(state.text);
    state.openLine = state.text !== "" && !state.text.endsWith("\n");
  }
  if (state.openLine) {
    stdout.write("\n");
    state.openLine = false;
  }
  return state;
}
