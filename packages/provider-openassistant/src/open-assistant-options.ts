import type { ProviderOptions } from "@g4f/core";

/**
 * Something that went wrong on the side without failing the call: a cookie source that could not
 * be read, or a chat that could not be deleted. Never contains a cookie value.
 */
export interface OpenAssistantWarning {
  /**
   * Stable code: a `@g4f/cookies` warning code (`NOT_FOUND`, `LOCKED`, `DECRYPT_FAILED`…) or
   * `CHAT_NOT_DELETED`.
   */
  code: string;
  /** What happened and what to do, for people. */
  message: string;
  /** Where it happened: a cookie file, a browser profile, or `chat <id>`. */
  source?: string;
  /** The underlying error, when there is one. */
  error?: Error;
}

/**
 * Options of the OpenAssistant provider: the common {@link @g4f/core!index.ProviderOptions | ProviderOptions} plus the keys below,
 * all optional. Sampling values left out use g4f's defaults (the server preset `k50-Plugins`).
 *
 * @example
 * ```ts
 * const options: OpenAssistantOptions = {
 *   baseUrl: "http://127.0.0.1:8080",
 *   cookies: { "next-auth.session-token": token },
 *   temperature: 0.7,
 *   maxNewTokens: 256,
 * };
 * ```
 */
export interface OpenAssistantOptions extends ProviderOptions {
  /**
   * Where the Open Assistant web app runs. Also read from `OPENASSISTANT_BASE_URL`. Giving one lets
   * the provider run although it is marked as not working (the public site is closed).
   * @defaultValue "https://open-assistant.io"
   */
  baseUrl?: string;
  /**
   * The domain whose cookies are looked up when `cookies` is not given.
   * @defaultValue "open-assistant.io"
   */
  cookieDomain?: string;
  /** A folder of cookie files (HAR, JSON, `cookies.txt`) searched before the browsers. */
  cookiesDir?: string;
  /** Browsers to search, in order (`firefox`, `chrome`…); an array or a comma-separated string. */
  browsers?: readonly string[] | string;
  /**
   * More options for `getCookies` of `@g4f/cookies` (`profiles`, `home`, `env`, `cache`…), for
   * unusual set-ups and tests.
   */
  cookieLookup?: Record<string, unknown>;
  /** Sampling temperature. @defaultValue 0.35 */
  temperature?: number | null;
  /** Top-k sampling: keep the k most likely tokens. @defaultValue 50 */
  topK?: number | null;
  /** Nucleus sampling probability mass. @defaultValue null */
  topP?: number | null;
  /** Typical sampling probability mass. @defaultValue null */
  typicalP?: number | null;
  /** Penalty for repeated tokens. @defaultValue 1.1111111111111112 */
  repetitionPenalty?: number | null;
  /** Longest answer, in tokens. @defaultValue 1024 */
  maxNewTokens?: number | null;
  /** Receives cookie lookup warnings and a chat that could not be deleted. */
  onWarning?: (warning: OpenAssistantWarning) => void;
}
