import type { Message, ParameterSpec } from "@g4f/core";
import type { Command } from "commander";
import { buildChatOptions, type ChatCommandOptions } from "../chat/build-chat-options.js";
import { createParameterOptions } from "../chat/parameter-options.js";
import { readStdin } from "../chat/read-stdin.js";
import { resolveChatProvider } from "../chat/resolve-chat-provider.js";
import { runInteractive } from "../chat/run-interactive.js";
import { runOneShot } from "../chat/run-one-shot.js";
import type { OutputMode } from "../chat/stream-answer.js";
import type { CliContext } from "../cli-context.js";
import { UsageError } from "../errors/usage-error.js";
import { collectList, parseDuration } from "../parse/parse-duration.js";

/** The provider `g4f chat` uses when `--provider` is not given. */
export const DEFAULT_PROVIDER = "OpenAssistant";

const EXAMPLES = `
Examples:
  $ g4f chat "Write a haiku about rain"
  $ g4f chat --base-url http://127.0.0.1:8080 --cookies-file cookies.json "Hello"
  $ g4f chat -p OpenAssistant:OA_SFT_Llama_30B_6 --temperature 0.7 --max-new-tokens 200 "Hi"
  $ git diff | g4f chat --system "Review this diff"
  $ g4f chat --json "Hi" | jq -r 'select(.type == "text") | .text'
  $ g4f chat                     # interactive chat on a terminal (/help inside)

The text comes from the arguments, else from standard input when it is not a terminal.
Exit codes: 0 ok, 1 failed at run time, 2 usage error, 130 interrupted (Ctrl-C).`;

/**
 * Adds `g4f chat [text...]`.
 * @param program - the root command.
 * @param context - the run's context.
 * @param parameters - the provider parameters to expose as options (from the pre-scanned `--provider`).
 */
export function addChatCommand(
  program: Command,
  context: CliContext,
  parameters: readonly ParameterSpec[],
): void {
  const { env } = context.io;
  const command = program
    .command("chat")
    .description("Chat with a provider: one prompt from the arguments or stdin, or an interactive chat")
    .argument("[text...]", "the prompt (joined with spaces)")
    .option("-p, --provider <name>", "provider name or Provider:model", env.G4F_PROVIDER ?? DEFAULT_PROVIDER)
    .option("-m, --model <model>", "model or alias (overrides Provider:model)")
    .option("-s, --system <text>", "a system message sent first")
    .option(
      "--base-url <url>",
      "where the provider sends requests (OpenAssistant: env OPENASSISTANT_BASE_URL)",
    )
    .option("--cookies-file <file>", "a JSON, HAR or cookies.txt file with the site's cookies")
    .option("--cookies-dir <dir>", "folder of cookie files (env G4F_COOKIES_DIR)")
    .option("--browser <name>", "browser to read cookies from; repeatable (firefox, chrome, …)", collectList)
    .option("--proxy <url>", "HTTP(S) or SOCKS5 proxy (env G4F_PROXY)")
    .option("--timeout <duration>", "limit for the whole answer: 30 (s), 30s, 500ms, 2m", parseDuration)
    .option("--idle-timeout <duration>", "limit on silence before and between tokens", parseDuration)
    .option("--json", "print one JSON object per stream part (text, progress, finish, error)")
    .option("--no-stream", "print the whole answer at the end");
  const taken = new Set(command.options.map((option) => option.long?.replace(/^--/, "") ?? ""));
  for (const name of ["debug", "plugin", "help", "version", "no-stream"]) taken.add(name);
  const parameterOptions = createParameterOptions(parameters, taken);
  for (const { option } of parameterOptions) command.addOption(option);
  command.addHelpText("after", EXAMPLES);

  command.action(async (words: string[], options: ChatCommandOptions) => {
    const resolved = await resolveChatProvider(options.provider, options.model);
    const chatOptions = await buildChatOptions(context, resolved, options, parameterOptions);
    const mode: OutputMode = options.json === true ? "json" : options.stream ? "text" : "buffer";
    const system: Message[] =
      options.system === undefined ? [] : [{ role: "system", content: options.system }];
    let text = words.join(" ").trim();
    const { stdin } = context.io;
    if (text === "" && stdin.isTTY !== true) text = (await readStdin(stdin)).trim();
    else if (text === "") {
      await runInteractive(context, {
        provider: resolved.name,
        model: resolved.model,
        ...(options.system === undefined ? {} : { system: options.system }),
        chatOptions,
        mode,
      });
      return;
    }
    if (text === "")
      throw new UsageError({
        message: "No prompt: the arguments were empty and standard input held no text.",
        hint: 'Pass the text as arguments (g4f chat "Hello"), pipe it in, or run g4f chat on a terminal for an interactive chat.',
      });
    await runOneShot(context, {
      provider: resolved.name,
      messages: [...system, { role: "user", content: text }],
      chatOptions,
      mode,
    });
  });
}
