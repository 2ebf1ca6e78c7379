import { getProvider, type ParameterSpec } from "@g4f/core";
import { Command } from "commander";
import type { CliContext } from "./cli-context.js";
import { addChatCommand, DEFAULT_PROVIDER } from "./commands/chat.js";
import { addCookiesCommand } from "./commands/cookies.js";
import { addDemoCommand } from "./commands/demo.js";
import { addProvidersCommand } from "./commands/providers.js";
import { addServeCommand } from "./commands/serve.js";
import { collectList } from "./parse/parse-duration.js";
import { findOptionValues, findPluginSpecifiers, loadPlugins } from "./plugins/load-plugins.js";
import { registerBuiltinProviders } from "./providers/register-builtin-providers.js";
import { VERSION } from "./version.js";

/** The subcommands, for finding which one argv names. */
export const COMMANDS: readonly string[] = ["chat", "providers", "cookies", "serve", "demo"];

const EXAMPLES = `
Examples:
  $ g4f demo                                  # offline: reference server + OpenAssistant provider
  $ g4f chat --base-url http://127.0.0.1:8080 --cookies-file cookies.json "Hello"
  $ g4f providers
  $ g4f cookies open-assistant.io
  $ g4f serve --port 1337
  $ g4f --plugin ./my-provider.mjs chat -p MyProvider "Hi"

Environment: G4F_PROXY, G4F_COOKIES_DIR, OPENASSISTANT_BASE_URL, G4F_PLUGINS, G4F_PROVIDER,
G4F_DEBUG, NO_COLOR. Exit codes: 0 ok, 1 failed at run time, 2 usage error, 130 interrupted.`;

/**
 * The subcommand argv names, if any (the first argument that is one).
 * @param argv - arguments after the program name.
 * @returns the command name or `undefined`.
 */
export function findCommandName(argv: readonly string[]): string | undefined {
  return argv.find((argument) => COMMANDS.includes(argument));
}

async function findChatParameters(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<readonly ParameterSpec[]> {
  if (findCommandName(argv) !== "chat") return [];
  const spec = findOptionValues(argv, "--provider", "-p").at(-1) ?? env.G4F_PROVIDER ?? DEFAULT_PROVIDER;
  try {
    return (await getProvider(spec.split(":")[0] ?? spec)).parameters;
  } catch {
    // Unknown or broken provider: the action reports it properly.
    return [];
  }
}

/**
 * Loads plugins (`G4F_PLUGINS`, `--plugin`), registers the built-in providers and builds the
 * commander program with every subcommand. Errors are thrown, never printed or exited on.
 * @param context - the run's context.
 * @param argv - arguments after the program name (pre-scanned for `--plugin` and `--provider`).
 * @returns the program, ready for `parseAsync(argv, { from: "user" })`.
 * @throws UsageError when a plugin cannot be loaded.
 */
export async function createProgram(context: CliContext, argv: readonly string[]): Promise<Command> {
  const { io } = context;
  await loadPlugins(findPluginSpecifiers(argv, io.env), io.cwd);
  registerBuiltinProviders();
  const parameters = await findChatParameters(argv, io.env);

  const program = new Command("g4f")
    .description(
      "One streaming chat API over many LLM backends: chat, list providers and cookies, serve, demo",
    )
    .version(VERSION, "-V, --version")
    .option("--debug", "print stacks and the redacted HTTP exchange on stderr (env G4F_DEBUG)")
    .option(
      "--plugin <module>",
      "load a provider plugin (ESM path or package); repeatable (env G4F_PLUGINS)",
      collectList,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    })
    .addHelpText("after", EXAMPLES);
  program.hook("preAction", (_root, action) => {
    if (action.optsWithGlobals().debug === true) context.debug = true;
  });
  addChatCommand(program, context, parameters);
  addProvidersCommand(program, context);
  addCookiesCommand(program, context);
  addServeCommand(program, context);
  addDemoCommand(program, context);
  return program;
}
