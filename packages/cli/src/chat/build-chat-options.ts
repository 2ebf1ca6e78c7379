import type { ChatOptions, DebugEvent, ResolvedProvider } from "@g4f/core";
import type { CliContext } from "../cli-context.js";
import { getCookieDomain } from "./cookie-domain.js";
import { loadCookiesFile } from "./load-cookies-file.js";
import { NULL_VALUE, type ParameterOption } from "./parameter-options.js";

/** The chat command's parsed options. */
export interface ChatCommandOptions {
  /** `--provider`: name or `Provider:model`. */
  provider: string;
  /** `--model`. */
  model?: string;
  /** `--system`. */
  system?: string;
  /** `--base-url`. */
  baseUrl?: string;
  /** `--cookies-file`. */
  cookiesFile?: string;
  /** `--cookies-dir`. */
  cookiesDir?: string;
  /** `--browser`, repeatable. */
  browser?: string[];
  /** `--proxy`. */
  proxy?: string;
  /** `--timeout` in ms. */
  timeout?: number;
  /** `--idle-timeout` in ms. */
  idleTimeout?: number;
  /** `--json`. */
  json?: boolean;
  /** `--no-stream` sets it to false. */
  stream: boolean;
  /** Generated provider options and anything else commander stored. */
  [key: string]: unknown;
}

/**
 * Writes core's redacted debug events to stderr, one line each.
 * @param context - the run's context.
 * @returns the `onDebug` hook.
 */
export function createDebugWriter(context: CliContext): (event: DebugEvent) => void {
  return (event) => {
    const { type, method, url, status, elapsedMs, message, ...rest } = event;
    const head = [
      type,
      method,
      url,
      status,
      elapsedMs === undefined ? undefined : `${Math.round(elapsedMs)} ms`,
      message,
    ]
      .filter((item) => item !== undefined && item !== "")
      .join(" ");
    const extra = Object.keys(rest).length === 0 ? "" : ` ${JSON.stringify(rest)}`;
    context.io.stderr.write(`${context.err.dim(`debug ${head}${extra}`)}\n`);
  };
}

/**
 * Turns the command line (and `G4F_COOKIES_DIR`) into the options of `streamChat`.
 * @param context - the run's context.
 * @param resolved - the provider and model picked.
 * @param options - the parsed options.
 * @param parameters - the generated provider options.
 * @returns chat options without `signal`.
 * @throws UsageError when `--cookies-file` cannot be used.
 */
export async function buildChatOptions(
  context: CliContext,
  resolved: ResolvedProvider,
  options: ChatCommandOptions,
  parameters: readonly ParameterOption[],
): Promise<ChatOptions> {
  const { env } = context.io;
  const chatOptions: ChatOptions = { model: resolved.model };
  if (options.baseUrl !== undefined) chatOptions.baseUrl = options.baseUrl;
  if (options.proxy !== undefined) chatOptions.proxy = options.proxy;
  const cookiesDir = options.cookiesDir ?? env.G4F_COOKIES_DIR;
  if (cookiesDir !== undefined && cookiesDir !== "") chatOptions.cookiesDir = cookiesDir;
  if (options.browser !== undefined && options.browser.length > 0) chatOptions.browsers = options.browser;
  if (options.timeout !== undefined || options.idleTimeout !== undefined) {
    chatOptions.timeout = {
      ...(options.timeout === undefined || options.timeout === 0 ? {} : { total: options.timeout }),
      ...(options.idleTimeout === undefined || options.idleTimeout === 0
        ? {}
        : { firstChunk: options.idleTimeout, betweenChunks: options.idleTimeout }),
    };
  }
  for (const { attribute, parameter } of parameters) {
    const value = options[attribute];
    if (value !== undefined) chatOptions[parameter] = value === NULL_VALUE ? null : value;
  }
  if (options.cookiesFile !== undefined) {
    const domain =
      typeof chatOptions.cookieDomain === "string"
        ? chatOptions.cookieDomain
        : getCookieDomain(resolved.provider);
    chatOptions.cookies = await loadCookiesFile(options.cookiesFile, domain, { cwd: context.io.cwd });
  }
  if (context.debug) chatOptions.onDebug = createDebugWriter(context);
  return chatOptions;
}
