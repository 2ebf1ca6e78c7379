import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { StartOpenAssistantServerOptions } from "../options.js";
import { VERSION } from "../version.js";

/** What the command line asks for: start with these options, or print and exit. */
export type BinCommand =
  | { kind: "start"; options: StartOpenAssistantServerOptions }
  | { kind: "exit"; code: number; stdout: string; stderr: string };

function wholeNumber(name: string, minimum: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < minimum)
      throw new InvalidArgumentError(`${name} must be a whole number ≥ ${minimum}.`);
    return parsed;
  };
}

function number(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0)
      throw new InvalidArgumentError(`${name} must be a number ≥ 0.`);
    return parsed;
  };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function url(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("scheme");
  } catch {
    throw new InvalidArgumentError("expected an http(s) URL such as http://127.0.0.1:11434/v1.");
  }
  return value;
}

interface ParsedFlags {
  host: string;
  port: number;
  token?: string[];
  mode: "lorem" | "echo";
  tokensPerSecond?: number;
  answerTokens?: number;
  upstream?: string;
  upstreamModel?: string;
  adminToken?: string;
}

const EXAMPLES = `
Examples:
  $ g4f-openassistant-server --port 8080 --token my-session
  $ g4f-openassistant-server --mode echo --tokens-per-second 0
  $ G4F_UPSTREAM_API_KEY=sk-… g4f-openassistant-server --upstream http://127.0.0.1:11434/v1 --upstream-model llama3.2

Prints the server's URL on stdout once it listens; SIGINT or SIGTERM stop it.
Environment: G4F_UPSTREAM_API_KEY, the key sent to --upstream (never printed).`;

/**
 * Parses the bin's arguments with commander. Bad flags give exit code 2 and a message saying
 * what was wrong; `--help` and `--version` give 0.
 */
export function parseBinArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): BinCommand {
  let stdout = "";
  let stderr = "";
  const program = new Command("g4f-openassistant-server")
    .description("A reference server of the Open Assistant chat web API, for tests, demos and self-hosting.")
    .version(VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .option("--host <host>", "the interface to bind", "127.0.0.1")
    .option("--port <port>", "the port (0 picks a free one)", wholeNumber("--port", 0), 0)
    .option("--token <token>", "an accepted session token (repeatable; none: any token is accepted)", collect)
    .addOption(new Option("--mode <mode>", "the generator").choices(["lorem", "echo"]).default("lorem"))
    .option(
      "--tokens-per-second <n>",
      "generation pace (0 = as fast as possible)",
      number("--tokens-per-second"),
    )
    .option("--answer-tokens <n>", "tokens per answer", wholeNumber("--answer-tokens", 0))
    .option("--upstream <url>", "an OpenAI-compatible API to forward generation to", url)
    .option("--upstream-model <model>", "the model to ask the upstream for")
    .option("--admin-token <token>", "enable /__admin/* guarded by this token (x-g4f-admin-token)")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        stdout += text;
      },
      writeErr: (text) => {
        stderr += text;
      },
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === "commander.helpDisplayed" || error.code === "commander.version";
      if (!ok && !stderr.includes("--help")) stderr += "Run g4f-openassistant-server --help for the flags.\n";
      return { kind: "exit", code: ok ? 0 : 2, stdout, stderr };
    }
    throw error;
  }
  const flags = program.opts<ParsedFlags>();
  if (flags.upstreamModel !== undefined && flags.upstream === undefined)
    return {
      kind: "exit",
      code: 2,
      stdout,
      stderr: "error: --upstream-model needs --upstream <url>.\n",
    };
  const options: StartOpenAssistantServerOptions = { host: flags.host, port: flags.port, mode: flags.mode };
  if (flags.token) options.tokens = flags.token;
  if (flags.tokensPerSecond !== undefined) options.tokensPerSecond = flags.tokensPerSecond;
  if (flags.answerTokens !== undefined) options.answerTokens = flags.answerTokens;
  if (flags.adminToken !== undefined) options.adminToken = flags.adminToken;
  if (flags.upstream !== undefined) {
    options.upstream = { baseUrl: flags.upstream };
    if (flags.upstreamModel !== undefined) options.upstream.model = flags.upstreamModel;
    const apiKey = env.G4F_UPSTREAM_API_KEY;
    if (apiKey) options.upstream.apiKey = apiKey;
  }
  return { kind: "start", options };
}
