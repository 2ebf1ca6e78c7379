import {
  type BrowserName,
  type CookieRecord,
  type CookieSource,
  type CookieWarning,
  type GetCookiesOptions,
  getCookieList,
} from "@g4f/cookies";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.js";

import { formatTable } from "../output/format-table.js";
import { collectList } from "../parse/parse-duration.js";

const EXAMPLES = `
Examples:
  $ g4f cookies open-assistant.io
  $ g4f cookies open-assistant.io --browser firefox --browser chrome
  $ g4f cookies open-assistant.io --cookies-dir ./har_and_cookies --json

Values are never printed: only names, sizes, domains, sources and expiry.`;

interface CookiesOptions {
  browser?: string[];
  cookiesDir?: string;
  json?: boolean;
}

/**
 * A short label for where a cookie came from.
 * @param source - the cookie's source.
 * @returns e.g. `firefox (abcd.default)` or `file cookies.json (extension-json)`.
 */
export function describeSource(source: CookieSource): string {
  if (source.kind === "browser") return `${source.browser} (${source.profile})`;
  if (source.kind === "file") return `file ${source.path} (${source.format})`;
  return "caller";
}

function describeWarning(warning: CookieWarning): string {
  const message = (warning as CookieWarning & { message?: string }).message;
  const count = warning.count === undefined ? "" : ` (${warning.count})`;
  return `${warning.code} ${warning.source}${count}${message === undefined ? "" : `: ${message}`}`;
}

function redactedView(cookie: CookieRecord): Record<string, unknown> {
  return {
    name: cookie.name,
    size: cookie.value.length,
    domain: cookie.domain,
    hostOnly: cookie.hostOnly,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    expires: cookie.expires === undefined ? null : new Date(cookie.expires).toISOString(),
    source: cookie.source,
  };
}

/**
 * Adds `g4f cookies <domain>`: which cookies are found, from which source, values redacted.
 * @param program - the root command.
 * @param context - the run's context.
 */
export function addCookiesCommand(program: Command, context: CliContext): void {
  program
    .command("cookies")
    .description("Show which cookies are found for a domain and where (values redacted)")
    .argument("<domain>", "site domain, e.g. open-assistant.io")
    .option(
      "--browser <name>",
      "browser to read; repeatable (firefox, chrome, chromium, brave, edge, …)",
      collectList,
    )
    .option("--cookies-dir <dir>", "folder of cookie files (env G4F_COOKIES_DIR)")
    .option("--json", "print JSON: cookies (no values) and warnings")
    .addHelpText("after", EXAMPLES)
    .action(async (domain: string, options: CookiesOptions) => {
      const lookup: GetCookiesOptions = { cache: false };
      const cookiesDir = options.cookiesDir ?? context.io.env.G4F_COOKIES_DIR;
      if (cookiesDir !== undefined && cookiesDir !== "") lookup.cookiesDir = cookiesDir;
      // Unknown names are skipped by the lookup with a NOT_FOUND warning, which the command prints.
      if (options.browser !== undefined) lookup.browsers = options.browser as BrowserName[];
      const { cookies, warnings } = await getCookieList(domain, lookup);
      const { io, out } = context;
      if (options.json === true) {
        io.stdout.write(
          `${JSON.stringify(
            {
              domain,
              cookies: cookies.map(redactedView),
              warnings: warnings.map((warning) => ({
                code: warning.code,
                source: warning.source,
                count: warning.count,
                message: (warning as { message?: string }).message,
              })),
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      if (cookies.length === 0) io.stdout.write(`No cookies found for ${domain}.\n`);
      else {
        const rows = cookies.map((cookie) => [
          cookie.name,
          `${cookie.value.length} B`,
          cookie.hostOnly ? cookie.domain : `.${cookie.domain}`,
          cookie.expires === undefined
            ? "session"
            : new Date(cookie.expires).toISOString().slice(0, 16).replace("T", " "),
          describeSource(cookie.source),
        ]);
        io.stdout.write(formatTable(["NAME", "SIZE", "DOMAIN", "EXPIRES", "SOURCE"], rows, out.bold));
      }
      for (const warning of warnings)
        io.stderr.write(`${context.err.yellow("warning")} ${describeWarning(warning)}\n`);
    });
}
