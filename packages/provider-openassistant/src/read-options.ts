import { InvalidRequestError, normalizeTimeouts, type ProviderOptions } from "@g4f/core";
import type { OpenAssistantWarning } from "./open-assistant-options.js";
import { PROVIDER_NAME } from "./provider-name.js";
import { resolveBaseUrl } from "./resolve-base-url.js";
import { buildSamplingParameters, type SamplingParameters } from "./sampling-parameters.js";

/** The call's options, checked once at the top of a run. */
export interface OpenAssistantSettings {
  /** http(s) base URL without a trailing slash. */
  baseUrl: string;
  /** The `sampling_parameters` to send. */
  sampling: SamplingParameters;
  /** Cookie lookup domain, when given. */
  cookieDomain: string | undefined;
  /** Cookie folder, when given. */
  cookiesDir: string | undefined;
  /** Browsers to search, when given. */
  browsers: readonly string[] | undefined;
  /** Extra `getCookies` options. */
  cookieLookup: Record<string, unknown> | undefined;
  /** Per-request limit until headers, when given. */
  requestTimeout: number | undefined;
  /** The caller's warning hook. */
  onWarning: ((warning: OpenAssistantWarning) => void) | undefined;
}

function invalid(field: string, expected: string): InvalidRequestError {
  return new InvalidRequestError({
    provider: PROVIDER_NAME,
    field,
    message: `${PROVIDER_NAME}: \`${field}\` must be ${expected}.`,
  });
}

function readString(options: ProviderOptions, field: string): string | undefined {
  const value = options[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw invalid(field, "a non-empty string");
  return value;
}

function readBrowsers(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list =
    typeof value === "string"
      ? value
          .split(",")
          .map((name) => name.trim())
          .filter((name) => name !== "")
      : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((name) => typeof name === "string")) {
    throw invalid(
      "browsers",
      'a non-empty list of browser names such as ["firefox", "chrome"] or "firefox,chrome"',
    );
  }
  return list;
}

/**
 * Reads and checks every option the provider uses, before any I/O.
 *
 * @param options - the call's options.
 * @param env - the environment (for `OPENASSISTANT_BASE_URL`).
 * @returns the checked settings.
 * @throws {@link @g4f/core!index.InvalidRequestError | InvalidRequestError} naming the first bad option.
 */
export function readOptions(
  options: ProviderOptions,
  env: Readonly<Record<string, string | undefined>> = process.env,
): OpenAssistantSettings {
  const lookup = options.cookieLookup;
  if (lookup !== undefined && (typeof lookup !== "object" || lookup === null || Array.isArray(lookup))) {
    throw invalid("cookieLookup", "an object of getCookies options");
  }
  const onWarning = options.onWarning;
  if (onWarning !== undefined && typeof onWarning !== "function") throw invalid("onWarning", "a function");
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, env),
    sampling: buildSamplingParameters(options),
    cookieDomain: readString(options, "cookieDomain"),
    cookiesDir: readString(options, "cookiesDir"),
    browsers: readBrowsers(options.browsers),
    cookieLookup: lookup as Record<string, unknown> | undefined,
    requestTimeout: normalizeTimeouts(options.timeout, PROVIDER_NAME).request,
    onWarning: onWarning as ((warning: OpenAssistantWarning) => void) | undefined,
  };
}
