import { listProviders, type ProviderInfo } from "@g4f/core";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.js";
import { formatTable } from "../output/format-table.js";

const EXAMPLES = `
Examples:
  $ g4f providers
  $ g4f providers --working
  $ g4f providers --json | jq -r '.[].name'
  $ g4f --plugin ./my-provider.mjs providers`;

function toJson(info: ProviderInfo): Record<string, unknown> {
  return {
    name: info.name,
    label: info.label,
    url: info.url,
    needsAuth: info.needsAuth,
    working: info.working,
    model: info.model,
    models: info.models,
    modelAliases: info.modelAliases,
    supportsStream: info.supportsStream,
    supportsMessageHistory: info.supportsMessageHistory,
    supportsSystemMessage: info.supportsSystemMessage,
    parameters: info.parameters,
  };
}

function describeModels(info: ProviderInfo): string {
  const others = info.models.filter((model) => model !== info.model);
  if (others.length <= 3) return [info.model, ...others].filter((model) => model !== "").join(", ");
  return `${info.model} +${others.length} more (--json lists them)`;
}

/**
 * Adds `g4f providers [--json] [--working]`.
 * @param program - the root command.
 * @param context - the run's context.
 */
export function addProvidersCommand(program: Command, context: CliContext): void {
  program
    .command("providers")
    .description("List the registered providers: name, label, url, needs auth, working, models")
    .option("--json", "print a JSON array")
    .option("--working", "only providers marked as working")
    .addHelpText("after", EXAMPLES)
    .action(async (options: { json?: boolean; working?: boolean }) => {
      const infos = await listProviders(options.working === true ? { working: true } : {});
      const { stdout } = context.io;
      if (options.json === true) {
        stdout.write(`${JSON.stringify(infos.map(toJson), null, 2)}\n`);
        return;
      }
      if (infos.length === 0) {
        stdout.write(
          options.working === true
            ? "No provider is marked as working. `g4f providers` lists all; `g4f demo` runs one offline.\n"
            : "No provider is registered. Load one with --plugin <module>.\n",
        );
        return;
      }
      const { out } = context;
      const rows = infos.map((info) => [
        info.name,
        info.label,
        info.url,
        info.needsAuth ? "yes" : "no",
        info.working ? "yes" : "no",
        describeModels(info),
      ]);
      stdout.write(formatTable(["NAME", "LABEL", "URL", "AUTH", "WORKING", "MODELS"], rows, out.bold));
      const notWorking = infos.filter((info) => !info.working).length;
      if (notWorking > 0)
        stdout.write(
          out.dim(
            "\nA provider that is not working runs when you point it at a live server (--base-url); `g4f demo` shows one.\n",
          ),
        );
    });
}
