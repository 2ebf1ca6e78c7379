import {
  AsyncGeneratorProvider,
  type AsyncResult,
  type Messages,
  type ParameterSpec,
  type ProviderOptions,
} from "@g4f/core";
import { DEFAULT_MODEL, MODELS } from "./models.js";
import { PARAMETERS } from "./parameters.js";
import { PROVIDER_NAME } from "./provider-name.js";
import { getChosenBaseUrl } from "./resolve-base-url.js";
import { runOpenAssistant } from "./run-open-assistant.js";

/**
 * The Open Assistant chat (open-assistant.io), ported from g4f's `OpenAssistant` provider with its
 * defects fixed: every status is checked and typed, `error` events and cut-off streams are
 * errors, and the chat it creates is always deleted (after success, errors, `break`, abort and
 * timeouts). It needs the site's next-auth session cookie (`options.cookies`, or found by
 * `@g4f/cookies`).
 *
 * The public site closed in 2023, so `working` is `false`; a call that names a server with
 * `baseUrl` (or `OPENASSISTANT_BASE_URL`) runs anyway.
 *
 * @example
 * ```ts
 * import { OpenAssistant } from "@g4f/provider-openassistant";
 *
 * const provider = new OpenAssistant();
 * for await (const chunk of provider.stream(undefined, [{ role: "user", content: "Hello" }], {
 *   baseUrl: "http://127.0.0.1:8080",
 *   cookies: { "next-auth.session-token": "…" },
 * })) {
 *   if (typeof chunk === "string") process.stdout.write(chunk);
 * }
 * ```
 */
export class OpenAssistant extends AsyncGeneratorProvider {
  /** Registry name. */
  static override providerName: string = PROVIDER_NAME;
  /** Home page of the chat. */
  static readonly url: string = "https://open-assistant.io/chat";
  /** Human-readable name. */
  static readonly label: string = "Open Assistant";
  /** `false`: the public site is closed (a `baseUrl` lets it run anyway). */
  static readonly working: boolean = false;
  /** `true`: it needs the site's session cookie. */
  static readonly needsAuth: boolean = true;
  /** The model g4f asks for by default. */
  static readonly model: string = DEFAULT_MODEL;
  /** The model configs of the Open Assistant inference server. */
  static override models: readonly string[] = MODELS;
  /** `true`: tokens are yielded as they arrive. */
  static override supportsStream: boolean = true;
  /** `true`: the whole conversation is sent, formatted as one prompt. */
  static override supportsMessageHistory: boolean = true;
  /** `true`: system messages are part of the prompt. */
  static override supportsSystemMessage: boolean = true;
  /** Sampling parameters and cookie lookup options. */
  static override parameters: readonly ParameterSpec[] = PARAMETERS;

  /**
   * Whether the provider may run: when `working`, with `allowNotWorking`, or when the call names a
   * server (`baseUrl` or `OPENASSISTANT_BASE_URL`), since the user pointed it at a live one.
   *
   * @param options - the call's options.
   * @returns whether the call may run.
   */
  static override isUsable(options: ProviderOptions): boolean {
    // biome-ignore lint/complexity/noThisInStatic: super keeps `this` the subclass, which the base check reads
    return super.isUsable(options) || getChosenBaseUrl(options.baseUrl) !== undefined;
  }

  /**
   * Runs one chat. Called by `stream()`; do not call it directly.
   *
   * @param model - the resolved model config name.
   * @param messages - the validated conversation.
   * @param options - {@link OpenAssistantOptions} with the guarded signal.
   * @returns text chunks, `progress` parts while queued, and a `finish` part.
   */
  createAsyncGenerator(model: string, messages: Messages, options: ProviderOptions): AsyncResult {
    return runOpenAssistant(model, messages, options);
  }
}
