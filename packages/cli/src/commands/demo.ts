import { randomUUID } from "node:crypto";
import { AbortError, streamChat } from "@g4f/core";
import { type StartOpenAssistantServerOptions, startOpenAssistantServer } from "@g4f/openassistant-server";
import { register } from "@g4f/provider-openassistant";
import type { Command } from "commander";
import { createAnswerState, streamAnswer } from "../chat/stream-answer.js";
import type { CliContext } from "../cli-context.js";
import { ExitCode } from "../errors/exit-codes.js";
import { reportError } from "../errors/report-error.js";

import { createSpinner } from "../output/spinner.js";

const DEFAULT_PROMPT = "Tell me, in a few sentences, what g4f-ts is for.";
const ANSWER_TOKENS = 32;
const TOKENS_PER_SECOND = 16;

const EXAMPLES = `
Examples:
  $ g4f demo
  $ g4f demo "Write a haiku about rain"
  $ g4f demo --upstream http://127.0.0.1:11434/v1 --upstream-model llama3.2   # a real model behind it

Starts the Open Assistant reference server in this process on a free port, selects the
OpenAssistant provider by name, streams its answer over real HTTP and prints a summary.`;

interface DemoOptions {
  upstream?: string;
  upstreamModel?: string;
  upstreamApiKey?: string;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Adds `g4f demo [text]`: the reference server and the real provider, end to end, offline.
 * @param program - the root command.
 * @param context - the run's context.
 */
export function addDemoCommand(program: Command, context: CliContext): void {
  program
    .command("demo")
    .description("Chat through the OpenAssistant provider with the reference server, in-process and offline")
    .argument("[text...]", "the prompt", [])
    .option("--upstream <url>", "an OpenAI-compatible API the reference server forwards to")
    .option("--upstream-model <model>", "model to ask the upstream for")
    .option("--upstream-api-key <key>", "API key for the upstream (env G4F_UPSTREAM_API_KEY)")
    .addHelpText("after", EXAMPLES)
    .action(async (words: string[], options: DemoOptions) => {
      const { io, out, err } = context;
      const prompt = words.join(" ").trim() || DEFAULT_PROMPT;
      const token = `g4f-demo-${randomUUID()}`;
      const serverOptions: StartOpenAssistantServerOptions = {
        tokens: [token],
        answerTokens: ANSWER_TOKENS,
        tokensPerSecond: TOKENS_PER_SECOND,
        host: "127.0.0.1",
        port: 0,
      };
      if (options.upstream !== undefined) {
        const apiKey = options.upstreamApiKey ?? io.env.G4F_UPSTREAM_API_KEY;
        serverOptions.upstream = {
          baseUrl: options.upstream,
          ...(options.upstreamModel === undefined ? {} : { model: options.upstreamModel }),
          ...(apiKey === undefined ? {} : { apiKey }),
        };
        serverOptions.tokensPerSecond = 0;
      }
      const server = await startOpenAssistantServer(serverOptions);
      const controller = new AbortController();
      let interrupted = false;
      const unsubscribe = io.onSignal("SIGINT", () => {
        if (interrupted) io.exit(ExitCode.interrupted);
        interrupted = true;
        controller.abort(new Error("Interrupted (Ctrl-C)."));
      });
      const state = createAnswerState();
      const spinner = createSpinner(io.stderr, { enabled: io.stderr.isTTY === true });
      const started = performance.now();
      try {
        register();
        io.stdout.write(
          `${out.bold("g4f demo")} ${out.dim(`· OpenAssistant → reference server ${server.url}${options.upstream === undefined ? "" : ` → ${options.upstream}`}`)}\n`,
        );
        io.stdout.write(`${out.cyan(out.bold("you ›"))} ${prompt}\n`);
        spinner.update("Waiting for OpenAssistant…");
        const stream = streamChat("OpenAssistant", prompt, {
          baseUrl: server.url,
          cookies: { "next-auth.session-token": token },
          signal: controller.signal,
        });
        await streamAnswer(context, stream.parts(), {
          mode: "text",
          spinner,
          provider: "OpenAssistant",
          state,
        });
        const totalMs = performance.now() - started;
        await server.waitForIdle({ timeoutMs: 5000 }).catch(() => undefined);
        const created = server.state.chatsCreated.map((chat) => chat.id);
        const deleted = created.length > 0 && created.every((id) => server.state.chatsDeleted.includes(id));
        const model = state.providerInfo?.model ?? "OA_SFT_Llama_30B_6";
        const summary = [
          "provider OpenAssistant",
          `model ${model}`,
          `first token ${state.firstTokenMs === undefined ? "-" : formatMs(state.firstTokenMs)}`,
          `${state.chunks} tokens`,
          `total ${formatMs(totalMs)}`,
          `chat deleted ${deleted ? "yes" : "no"}`,
        ].join(" · ");
        io.stdout.write(`\n${out.dim(summary)}\n`);
        if (!deleted) context.exitCode = ExitCode.failure;
      } catch (error) {
        if (state.openLine) io.stdout.write("\n");
        if (interrupted && AbortError.isInstance(error)) {
          io.stderr.write(`${err.dim("interrupted: the answer was stopped (Ctrl-C)")}\n`);
          context.exitCode = ExitCode.interrupted;
        } else reportError(context, error);
      } finally {
        spinner.stop();
        unsubscribe();
        await server.waitForIdle({ timeoutMs: 5000 }).catch(() => undefined);
        await server.close();
      }
    });
}
