import { createInterface } from "node:readline";
import { AbortError, type ChatOptions, type Message, streamChat } from "@g4f/core";
import type { CliContext } from "../cli-context.js";
import { ExitCode } from "../errors/exit-codes.js";
import { reportError } from "../errors/report-error.js";
import { createSpinner } from "../output/spinner.js";
import { createAnswerState, type OutputMode, streamAnswer } from "./stream-answer.js";

/** Options of {@link runInteractive}. */
export interface InteractiveOptions {
  /** Registry name of the provider. */
  provider: string;
  /** The resolved model, for the header. */
  model: string;
  /** The `--system` message, kept across `/reset`. */
  system?: string;
  /** Options for `streamChat` (without `signal`). */
  chatOptions: ChatOptions;
  /** How to print answers. */
  mode: OutputMode;
}

const HELP = [
  "/help   this list",
  "/reset  forget the conversation (keeps --system)",
  "/exit   leave (also Ctrl-D)",
  "Ctrl-C  stops the current answer; at an empty prompt it leaves",
].join("\n");

/**
 * A multi-turn chat on a terminal: a readline prompt, the history kept and sent each turn,
 * answers streamed as they arrive. Ctrl-C stops the current answer (the provider cleans up);
 * a second Ctrl-C, or one at an empty prompt, leaves.
 * @param context - the run's context.
 * @param options - provider, model, system message, chat options and output mode.
 * @returns when the user leaves.
 */
export async function runInteractive(context: CliContext, options: InteractiveOptions): Promise<void> {
  const { io, out, err } = context;
  const base: Message[] = options.system === undefined ? [] : [{ role: "system", content: options.system }];
  let history: Message[] = [...base];
  let current: AbortController | undefined;
  let stopping = false;
  let lineEnded = false;
  const rl = createInterface({ input: io.stdin, output: io.stdout as NodeJS.WritableStream, terminal: true });
  const prompt = `${out.cyan(out.bold("you ›"))} `;
  rl.setPrompt(prompt);

  io.stdout.write(
    `${out.bold("g4f chat")} ${out.dim(`· ${options.provider} (${options.model}) · /help for commands, Ctrl-D to leave`)}\n`,
  );

  const done = new Promise<void>((resolve) => rl.once("close", resolve));
  const interrupt = (): void => {
    if (current !== undefined) {
      if (stopping) io.exit(ExitCode.interrupted);
      stopping = true;
      current.abort(new Error("Interrupted (Ctrl-C)."));
      return;
    }
    if (rl.line !== "") {
      io.stdout.write("\n");
      rl.write(null, { ctrl: true, name: "u" });
      rl.prompt();
      return;
    }
    io.stdout.write("\n");
    lineEnded = true;
    rl.close();
  };
  rl.on("SIGINT", interrupt);
  const unsubscribe = io.onSignal("SIGINT", interrupt);

  const answer = async (text: string): Promise<void> => {
    history.push({ role: "user", content: text });
    current = new AbortController();
    stopping = false;
    const spinner = createSpinner(io.stderr, {
      enabled: io.stderr.isTTY === true && options.mode !== "json",
    });
    const state = createAnswerState();
    try {
      spinner.update(`Waiting for ${options.provider}…`);
      const stream = streamChat(options.provider, history, {
        ...options.chatOptions,
        signal: current.signal,
      });
      await streamAnswer(context, stream.parts(), {
        mode: options.mode,
        spinner,
        provider: options.provider,
        state,
      });
      history.push({ role: "assistant", content: state.text });
    } catch (error) {
      if (state.openLine) io.stdout.write("\n");
      if (current.signal.aborted && AbortError.isInstance(error)) {
        io.stderr.write(`${err.dim("stopped")}\n`);
        // Keep what the user saw, so the next turn follows on from it.
        if (state.text !== "") history.push({ role: "assistant", content: state.text });
        else history.pop();
      } else {
        history.pop();
        reportError(context, error);
        context.exitCode = ExitCode.ok;
      }
    } finally {
      current = undefined;
    }
  };

  const handle = async (line: string): Promise<void> => {
    const text = line.trim();
    if (text === "") return;
    if (text === "/exit" || text === "/quit") {
      lineEnded = true;
      rl.close();
      return;
    }
    if (text === "/help") {
      io.stdout.write(`${out.dim(HELP)}\n`);
      return;
    }
    if (text === "/reset") {
      history = [...base];
      io.stdout.write(`${out.dim("conversation cleared")}\n`);
      return;
    }
    if (text.startsWith("/")) {
      io.stdout.write(`${out.dim(`unknown command ${text.split(/\s/)[0]}; /help lists them`)}\n`);
      return;
    }
    await answer(text);
  };

  let queue = Promise.resolve();
  let closed = false;
  rl.on("close", () => {
    closed = true;
    // Ctrl-D leaves the cursor after the prompt.
    if (!lineEnded) io.stdout.write("\n");
    current?.abort(new Error("The chat was closed."));
  });
  rl.on("line", (line) => {
    // Lines typed while an answer streams wait their turn.
    queue = queue.then(async () => {
      if (closed) return;
      await handle(line);
      if (!closed) rl.prompt();
    });
  });
  rl.prompt();
  await done;
  await queue;
  unsubscribe();
}
