import type { Messages } from "../types/message.js";
import type { ParameterSpec } from "../types/parameter-spec.js";
import type { ProviderOptions } from "../types/provider-options.js";
import type { AsyncResult } from "../types/response-part.js";
import type { SpecificationVersion } from "./provider-class.js";
import { runGuarded } from "./run-guarded.js";

/**
 * The base class of every provider. A provider sets its static capability flags and writes one
 * method, {@link AsyncGeneratorProvider.createAsyncGenerator}; callers use `stream()` or `create()`,
 * which validate input, resolve the model and enforce timeouts, abort and cleanup.
 *
 * Required statics (a class without them does not satisfy {@link ProviderClass}): `url`, `label`,
 * `working`, `needsAuth`, `model`. The others have defaults here.
 *
 * @example
 * ```ts
 * class Echo extends AsyncGeneratorProvider {
 *   static readonly url = "https://example.com";
 *   static readonly label = "Echo";
 *   static readonly working = true;
 *   static readonly needsAuth = false;
 *   static readonly model = "echo-1";
 *   async *createAsyncGenerator(model: string, messages: Messages, options: ProviderOptions) {
 *     options.signal?.throwIfAborted();
 *     yield formatPrompt(messages);
 *   }
 * }
 * ```
 */
export abstract class AsyncGeneratorProvider {
  /** The provider spec this class implements; the registry rejects other values. */
  static readonly specificationVersion: SpecificationVersion = "g4f-provider-v1";
  /** Whether it streams text as it is generated. @defaultValue true */
  static supportsStream: boolean = true;
  /** Whether it sends earlier messages, not just the last. @defaultValue true */
  static supportsMessageHistory: boolean = true;
  /** Whether it honours system messages. @defaultValue true */
  static supportsSystemMessage: boolean = true;
  /** Models it accepts besides the default. @defaultValue [] */
  static models: readonly string[] = [];
  /** Alias to model name. @defaultValue {} */
  static modelAliases: Readonly<Record<string, string>> = {};
  /** Options it accepts beyond the common {@link ProviderOptions}. @defaultValue [] */
  static parameters: readonly ParameterSpec[] = [];
  /** Registry name; defaults to the class name. */
  static providerName?: string | undefined;

  /** The default model (the class's static `model`). */
  static get defaultModel(): string {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass; its own statics are meant.
    return (this as unknown as { model?: string }).model ?? "";
  }

  /**
   * Whether the provider may run with these options.
   * @param options - the call's options.
   * @returns `working`, or `true` when `options.allowNotWorking` is set.
   */
  static isUsable(options: ProviderOptions): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass; its own statics are meant.
    return (this as unknown as { working?: boolean }).working === true || options.allowNotWorking === true;
  }

  /**
   * Produces the answer. Called by `stream()` after validation with the resolved model and an
   * `options.signal` that fires on caller abort and on timeouts: pass it to every request and wait,
   * and release what you opened in `finally`. Do not call it directly; use `stream()`.
   *
   * @param model - the resolved model name.
   * @param messages - validated messages.
   * @param options - the caller's options with a combined `signal`.
   * @returns text chunks and {@link ResponsePart}s as they arrive.
   */
  abstract createAsyncGenerator(model: string, messages: Messages, options: ProviderOptions): AsyncResult;

  /**
   * Runs the provider with every guard: message validation, model resolution, the `working` check,
   * timeouts, abort, and cleanup when the consumer stops early. After an abort or a timeout the
   * error is thrown once the provider's own cleanup has run (waiting at most 10 s), so a process
   * that exits on the error does not cut that cleanup off.
   *
   * @param model - a model, alias, or `undefined`/`""` for the default.
   * @param messages - the conversation.
   * @param options - common and provider-specific options.
   * @returns text chunks and response parts.
   * @throws {@link @g4f/core!index.InvalidRequestError | InvalidRequestError}, {@link @g4f/core!index.ModelNotSupportedError | ModelNotSupportedError}, {@link @g4f/core!index.ProviderNotWorkingError | ProviderNotWorkingError},
   *   {@link @g4f/core!index.TimeoutError | TimeoutError}, {@link @g4f/core!index.AbortError | AbortError}, and whatever typed error the provider throws.
   */
  stream(model: string | undefined, messages: Messages, options: ProviderOptions = {}): AsyncResult {
    return runGuarded(this, model, messages, options);
  }

  /**
   * Runs the provider like `stream()` and returns the whole text.
   *
   * @param model - a model, alias, or `undefined`/`""` for the default.
   * @param messages - the conversation.
   * @param options - common and provider-specific options.
   * @returns the concatenated text.
   * @throws the same errors as `stream()`.
   */
  async create(
    model: string | undefined,
    messages: Messages,
    options: ProviderOptions = {},
  ): Promise<string> {
    let text = "";
    for await (const chunk of this.stream(model, messages, options)) {
      if (typeof chunk === "string") text += chunk;
    }
    return text;
  }
}
