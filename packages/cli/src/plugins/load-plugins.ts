import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ProviderClass, registerProvider } from "@g4f/core";
import { UsageError } from "../errors/usage-error.js";

function looksLikeProvider(value: unknown): value is ProviderClass {
  return (
    typeof value === "function" &&
    typeof (value as { specificationVersion?: unknown }).specificationVersion === "string" &&
    typeof (value as { prototype?: { createAsyncGenerator?: unknown } }).prototype?.createAsyncGenerator ===
      "function"
  );
}

/**
 * Where a plugin specifier points: a path (relative to `cwd`) or a package resolved from `cwd`.
 * @param specifier - `./my-plugin.mjs`, `/abs/plugin.js`, `file:///…` or `my-g4f-plugin`.
 * @param cwd - the folder to resolve against.
 * @returns a URL or specifier that `import()` accepts.
 */
export function resolvePluginSpecifier(specifier: string, cwd: string): string {
  if (specifier.startsWith("file:")) return specifier;
  // A path that exists wins, so `plugins/my.mjs` works without a leading `./`.
  if (specifier.startsWith(".") || isAbsolute(specifier) || existsSync(resolve(cwd, specifier)))
    return pathToFileURL(resolve(cwd, specifier)).href;
  try {
    return pathToFileURL(createRequire(join(cwd, "package.json")).resolve(specifier)).href;
  } catch {
    // Not installed next to cwd: let Node resolve it from the CLI's own location.
    return specifier;
  }
}

/**
 * Loads provider plugins: each is an ESM module that either exports `register()` (called, and
 * awaited), or exports provider classes (each registered), or registers providers when imported.
 * @param specifiers - module paths or package names, in order.
 * @param cwd - the folder relative paths are resolved against.
 * @returns the specifiers that were loaded.
 * @throws {@link UsageError} when a module cannot be imported or its `register()` throws.
 */
export async function loadPlugins(specifiers: readonly string[], cwd: string): Promise<string[]> {
  const loaded: string[] = [];
  for (const specifier of specifiers) {
    let module: Record<string, unknown>;
    try {
      module = (await import(resolvePluginSpecifier(specifier, cwd))) as Record<string, unknown>;
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new UsageError({
        message: `Could not load plugin "${specifier}": ${detail}`,
        hint: "Pass a path to an ESM module (./plugin.mjs) or an installed package name to --plugin / G4F_PLUGINS.",
        cause: error,
      });
    }
    try {
      if (typeof module.register === "function") await (module.register as () => unknown)();
      else for (const value of Object.values(module)) if (looksLikeProvider(value)) registerProvider(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new UsageError({ message: `Plugin "${specifier}" failed to register: ${detail}`, cause: error });
    }
    loaded.push(specifier);
  }
  return loaded;
}

/**
 * The plugins named by `G4F_PLUGINS` (comma-separated) and by every `--plugin` in argv.
 * @param argv - the arguments after the program name.
 * @param env - the environment.
 * @returns specifiers in order, environment first.
 */
export function findPluginSpecifiers(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): string[] {
  const fromEnv = (env.G4F_PLUGINS ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return [...fromEnv, ...findOptionValues(argv, "--plugin")];
}

/**
 * Every value of a long option in argv (`--name value` or `--name=value`), before a `--`.
 * @param argv - the arguments.
 * @param name - the option, e.g. `--provider`.
 * @param short - its short form, e.g. `-p`.
 * @returns the values in order.
 */
export function findOptionValues(argv: readonly string[], name: string, short?: string): string[] {
  const values: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--") break;
    if (argument.startsWith(`${name}=`)) values.push(argument.slice(name.length + 1));
    else if ((argument === name || (short !== undefined && argument === short)) && index + 1 < argv.length) {
      values.push(argv[index + 1]!);
      index++;
    }
  }
  return values;
}
