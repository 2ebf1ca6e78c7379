import { InvalidRequestError, MissingAuthError } from "@g4f/core";
import type { OpenAssistantWarning } from "./open-assistant-options.js";
import { PROVIDER_NAME } from "./provider-name.js";

/** The domain whose cookies are looked up by default. */
export const DEFAULT_COOKIE_DOMAIN = "open-assistant.io";

/** What {@link resolveCookies} needs. */
export interface ResolveCookiesOptions {
  /** The caller's cookies; `undefined` or an empty object means "look them up". */
  cookies?: Record<string, string> | undefined;
  /** Domain to look up. @defaultValue "open-assistant.io" */
  cookieDomain?: string | undefined;
  /** Folder of cookie files. */
  cookiesDir?: string | undefined;
  /** Browsers to search, in order. */
  browsers?: readonly string[] | undefined;
  /** More `getCookies` options. */
  cookieLookup?: Record<string, unknown> | undefined;
  /** Aborts the lookup. */
  signal?: AbortSignal | undefined;
  /** Receives every lookup warning. */
  onWarning?: ((warning: OpenAssistantWarning) => void) | undefined;
}

/** A warning as `@g4f/cookies` reports it (the subset we read). */
interface LookupWarning {
  code: string;
  source: string;
  message?: string;
  error?: Error;
}

/** The `getCookies` function of `@g4f/cookies`, as we call it. */
type GetCookies = (domain: string, options: Record<string, unknown>) => Promise<Record<string, string>>;

async function loadGetCookies(): Promise<GetCookies> {
  // Loaded on demand: callers who pass `cookies` never load the browser readers (and sql.js).
  const module = (await import("@g4f/cookies")) as unknown as { getCookies: GetCookies };
  return module.getCookies;
}

function summarise(warnings: readonly LookupWarning[]): string {
  if (warnings.length === 0) return "";
  const shown = warnings
    .slice(0, 5)
    .map((warning) => `${warning.source} (${warning.code})`)
    .join(", ");
  const more = warnings.length > 5 ? ` and ${warnings.length - 5} more` : "";
  return ` Skipped ${warnings.length} source${warnings.length === 1 ? "" : "s"}: ${shown}${more}; see the error's \`cause\`.`;
}

/**
 * Finds the cookies to send: the caller's, else those `getCookies` of `@g4f/cookies` finds for
 * `cookieDomain` (cookie files in `cookiesDir`, then the browsers).
 *
 * @param options - the caller's cookies and the lookup options.
 * @returns name to value, values as latin1 byte strings.
 * @throws {@link @g4f/core!index.MissingAuthError | MissingAuthError} before any request when nothing is found, saying how to supply
 *   cookies; its `cause` is the list of lookup warnings. {@link @g4f/core!index.InvalidRequestError | InvalidRequestError} for a bad
 *   `cookieDomain`.
 */
export async function resolveCookies(options: ResolveCookiesOptions): Promise<Record<string, string>> {
  const given = options.cookies;
  if (given !== undefined && given !== null && Object.keys(given).length > 0) return given;
  const domain = options.cookieDomain ?? DEFAULT_COOKIE_DOMAIN;
  if (typeof domain !== "string" || domain.trim() === "") {
    throw new InvalidRequestError({
      provider: PROVIDER_NAME,
      field: "cookieDomain",
      message: `${PROVIDER_NAME}: \`cookieDomain\` must be a domain such as "open-assistant.io".`,
    });
  }
  const warnings: LookupWarning[] = [];
  const getCookies = await loadGetCookies();
  const found = await getCookies(domain, {
    ...options.cookieLookup,
    ...(options.cookiesDir === undefined ? {} : { cookiesDir: options.cookiesDir }),
    ...(options.browsers === undefined ? {} : { browsers: options.browsers }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onWarning: (warning: LookupWarning) => {
      warnings.push(warning);
      options.onWarning?.({
        code: warning.code,
        message: warning.message ?? `${warning.source}: ${warning.code}`,
        source: warning.source,
        ...(warning.error === undefined ? {} : { error: warning.error }),
      });
    },
  });
  if (Object.keys(found).length > 0) return found;
  throw new MissingAuthError({
    provider: PROVIDER_NAME,
    cause: warnings,
    message:
      `${PROVIDER_NAME}: no cookies found for ${domain}, so no request was sent. Log in at https://open-assistant.io ` +
      "with Firefox or a Chromium browser on this machine, put an exported cookies file (HAR, JSON or cookies.txt) " +
      "in the cookies folder (`cookiesDir` or G4F_COOKIES_DIR), or pass " +
      '`cookies: { "__Secure-next-auth.session-token": "…" }` (`next-auth.session-token` on http).' +
      summarise(warnings),
  });
}
