import { type ApiLogEntry, type StartApiServerOptions, startApiServer } from "@g4f/api";
import type { ProviderOptions } from "@g4f/core";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.js";
import { UsageError } from "../errors/usage-error.js";
import { collectList, parsePort } from "../parse/parse-duration.js";
import { waitForShutdownSignal } from "./wait-for-signal.js";

const EXAMPLES = `
Examples:
  $ g4f serve                                   # http://127.0.0.1:1337/v1
  $ g4f serve --port 8000 --api-key "$MY_KEY"
  $ g4f serve --base-url http://127.0.0.1:8080  # OpenAssistant talks to this server
  $ curl http://127.0.0.1:1337/v1/models

Stops gracefully on Ctrl-C or SIGTERM (running answers get a few seconds to finish).`;

interface ServeOptions {
  host: string;
  port: number;
  apiKey?: string[];
  baseUrl?: string;
  provider?: string[];
  cors?: boolean;
}

function logLine(context: CliContext, entry: ApiLogEntry): void {
  const { err } = context;
  const status =
    entry.status >= 500
      ? err.red(String(entry.status))
      : entry.status >= 400
        ? err.yellow(String(entry.status))
        : String(entry.status);
  const extra = entry.errorCode === undefined ? "" : ` ${entry.errorCode}`;
  context.io.stderr.write(
    `${err.dim(`${entry.method} ${entry.path}`)} ${status} ${err.dim(`${Math.round(entry.durationMs)} ms${extra}`)}\n`,
  );
}

/**
 * Adds `g4f serve`: the OpenAI-compatible API of @g4f/api over every registered provider.
 * @param program - the root command.
 * @param context - the run's context.
 */
export function addServeCommand(program: Command, context: CliContext): void {
  program
    .command("serve")
    .description("Serve an OpenAI-compatible API (/v1/models, /v1/chat/completions) over the providers")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", parsePort, 1337)
    .option("--api-key <key>", "require this bearer key; repeatable (env G4F_API_KEY)", collectList)
    .option("--base-url <url>", "where OpenAssistant sends requests (env OPENASSISTANT_BASE_URL)")
    .option("--provider <name>", "serve only these providers; repeatable", collectList)
    .option("--cors", "allow browsers from any origin")
    .addHelpText("after", EXAMPLES)
    .action(async (options: ServeOptions) => {
      const { io, out } = context;
      const keys = options.apiKey ?? (io.env.G4F_API_KEY === undefined ? [] : [io.env.G4F_API_KEY]);
      const baseUrl = options.baseUrl ?? io.env.OPENASSISTANT_BASE_URL;
      const providerOptions: Record<string, ProviderOptions> = {};
      if (baseUrl !== undefined && baseUrl !== "") providerOptions.OpenAssistant = { baseUrl };
      const serverOptions: StartApiServerOptions = {
        host: options.host,
        port: options.port,
        providerOptions,
        onLog: (entry) => logLine(context, entry),
      };
      if (keys.length > 0) serverOptions.apiKey = keys;
      if (options.provider !== undefined) serverOptions.providers = options.provider;
      if (options.cors === true) serverOptions.cors = true;
      let server: Awaited<ReturnType<typeof startApiServer>>;
      try {
        server = await startApiServer(serverOptions);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === "EADDRINUSE" || code === "EACCES")
          throw new UsageError({
            message: `Cannot listen on ${options.host}:${options.port} (${String(code)}).`,
            hint: "Pick another --port (0 picks a free one), or stop what is using it.",
            cause: error,
          });
        throw error;
      }
      io.stdout.write(
        `${out.bold("g4f API")} listening on ${server.url} ${out.dim(`(OpenAI base URL: ${server.url}/v1)`)}\n`,
      );
      if (keys.length === 0 && options.host !== "127.0.0.1" && options.host !== "localhost")
        io.stderr.write(
          `${context.err.yellow("warning:")} no --api-key while listening on ${options.host}\n`,
        );
      const signal = await waitForShutdownSignal(io);
      io.stderr.write(`${context.err.dim(`${signal}: shutting down…`)}\n`);
      await server.close({ graceMs: 5000 });
      io.stderr.write(`${context.err.dim("stopped")}\n`);
    });
}
