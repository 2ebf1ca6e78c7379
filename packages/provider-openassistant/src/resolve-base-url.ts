import { InvalidRequestError } from "@g4f/core";
import { PROVIDER_NAME } from "./provider-name.js";

/** The public site's origin, used when no base URL is given. */
export const DEFAULT_BASE_URL = "https://open-assistant.io";

/** The environment variable that points the provider at another server. */
export const BASE_URL_ENV = "OPENASSISTANT_BASE_URL";

/**
 * The base URL the caller chose: `options.baseUrl`, else `OPENASSISTANT_BASE_URL`.
 *
 * @param baseUrl - the `baseUrl` option.
 * @param env - the environment to read.
 * @returns the chosen URL, or `undefined` when neither is set (or both are empty).
 */
export function getChosenBaseUrl(
  baseUrl: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  if (typeof baseUrl === "string" && baseUrl.trim() !== "") return baseUrl.trim();
  const fromEnv = env[BASE_URL_ENV];
  return fromEnv !== undefined && fromEnv.trim() !== "" ? fromEnv.trim() : undefined;
}

/**
 * Checks and normalises the base URL: the chosen one or the public site, without a trailing slash.
 *
 * @param baseUrl - the `baseUrl` option.
 * @param env - the environment to read.
 * @returns an `http:` or `https:` URL without a trailing slash.
 * @throws {@link @g4f/core!index.InvalidRequestError | InvalidRequestError} (`baseUrl`) when it is not an http(s) URL or not a string.
 */
export function resolveBaseUrl(
  baseUrl: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (baseUrl !== undefined && typeof baseUrl !== "string") {
    throw new InvalidRequestError({
      provider: PROVIDER_NAME,
      field: "baseUrl",
      message: `${PROVIDER_NAME}: \`baseUrl\` must be a URL string such as "http://127.0.0.1:8080".`,
    });
  }
  const chosen = getChosenBaseUrl(baseUrl, env) ?? DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const from = typeof baseUrl === "string" && baseUrl.trim() !== "" ? "`baseUrl`" : BASE_URL_ENV;
    throw new InvalidRequestError({
      provider: PROVIDER_NAME,
      field: "baseUrl",
      message: `${PROVIDER_NAME}: ${from} must be an http:// or https:// URL such as "http://127.0.0.1:8080" (${chosen.length} chars given).`,
    });
  }
  return url.toString().replace(/\/+$/, "");
}

/**
 * The base URL without credentials, query or fragment, safe for error messages.
 *
 * @param baseUrl - a URL from {@link resolveBaseUrl}.
 * @returns origin and path.
 */
export function describeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname === "/" ? "" : url.pathname}`;
}
