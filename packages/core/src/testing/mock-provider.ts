import { StreamError } from "../errors/stream-error.js";
import { wait, waitForAbort } from "../internal/wait.js";
import { AsyncGeneratorProvider } from "../provider/async-generator-provider.js";
import type { ProviderClass } from "../provider/provider-class.js";
import type { Messages } from "../types/message.js";
import type { ParameterSpec } from "../types/parameter-spec.js";
import type { ProviderOptions } from "../types/provider-options.js";
import type { ResponsePart } from "../types/response-part.js";

/** One thing a mock provider yields: a text chunk or a response part. */
export type MockToken = string | ResponsePart;

/** How a mock provider behaves. Every field is optional. */
export interface MockProviderOptions {
  /** Registry name. @defaultValue "Mock" */
  name?: string;
  /** What to yield: a list, or a function of the call. @defaultValue ["Hello", ", ", "world", "!"] */
  tokens?:
    | readonly MockToken[]
    | ((model: string, messages: Messages, options: ProviderOptions) => readonly MockToken[]);
  /** Milliseconds to wait before each token (honours the signal). @defaultValue 0 */
  delayMs?: number;
  /** Throw after yielding this many tokens (`0` = before the first). */
  failAfter?: number;
  /** What to throw at `failAfter`: a value or a factory. @defaultValue a StreamError */
  error?: unknown;
  /** Hang after this many tokens until the signal aborts (`0` = before the first). */
  stallAfter?: number;
  /** `working` flag. @defaultValue true */
  working?: boolean;
  /** `needsAuth` flag. @defaultValue false */
  needsAuth?: boolean;
  /** Default model. @defaultValue "mock-model" */
  model?: string;
  /** Accepted models. @defaultValue ["mock-model", "mock-large"] */
  models?: readonly string[];
  /** Alias to model. @defaultValue { large: "mock-large" } */
  modelAliases?: Readonly<Record<string, string>>;
  /** Declared provider-specific options. @defaultValue [] */
  parameters?: readonly ParameterSpec[];
}

/** One recorded call of a mock provider. */
export interface MockCall {
  /** Resolved model. */
  model: string;
  /** Messages it got. */
  messages: Messages;
  /** Options it got (with the guarded run's signal). */
  options: ProviderOptions;
}

/** Counters of what a mock provider went through. */
export interface MockStats {
  /** Calls started. */
  calls: MockCall[];
  /** Times its `finally` cleanup ran. */
  cleanups: number;
}

/**
 * A configurable provider for tests: set `mockOptions` (or use {@link createMockProvider}), read
 * `stats` afterwards. It honours `options.signal` like a real provider must.
 *
 * @example
 * ```ts
 * const Flaky = createMockProvider({ tokens: ["a", "b"], failAfter: 1 });
 * await expect(collect(new Flaky().stream("", [{ role: "user", content: "hi" }]))).rejects.toThrow();
 * expect(Flaky.stats.cleanups).toBe(1);
 * ```
 */
export class MockProvider extends AsyncGeneratorProvider {
  /** Home page (never contacted). */
  static readonly url: string = "https://mock.invalid";
  /** Label. */
  static readonly label: string = "Mock";
  /** Registry name. */
  static override providerName: string | undefined = "Mock";
  /** `working` flag. */
  static working: boolean = true;
  /** `needsAuth` flag. */
  static needsAuth: boolean = false;
  /** Default model. */
  static model: string = "mock-model";
  /** Accepted models. */
  static override models: readonly string[] = ["mock-model", "mock-large"];
  /** Aliases. */
  static override modelAliases: Readonly<Record<string, string>> = { large: "mock-large" };
  /** Behaviour. */
  static mockOptions: MockProviderOptions = {};
  /** What happened so far. */
  static stats: MockStats = { calls: [], cleanups: 0 };

  /**
   * Yields the configured tokens, with delays, failures and stalls as configured.
   * @param model - resolved model.
   * @param messages - the conversation.
   * @param options - options with the guarded run's signal.
   * @returns the tokens.
   */
  async *createAsyncGenerator(
    model: string,
    messages: Messages,
    options: ProviderOptions,
  ): AsyncGenerator<MockToken, void, undefined> {
    const self = this.constructor as typeof MockProvider;
    const config = self.mockOptions;
    self.stats.calls.push({ model, messages, options });
    const signal = options.signal;
    const source = config.tokens ?? ["Hello", ", ", "world", "!"];
    const tokens = typeof source === "function" ? source(model, messages, options) : source;
    try {
      for (let index = 0; index <= tokens.length; index++) {
        if (config.failAfter === index) {
          const error =
            config.error ??
            new StreamError({
              provider: self.providerName ?? "Mock",
              message: `Mock failure after ${index} tokens.`,
            });
          throw typeof error === "function" ? (error as () => unknown)() : error;
        }
        if (config.stallAfter === index) await waitForAbort(signal);
        if (index === tokens.length) break;
        if ((config.delayMs ?? 0) > 0) await wait(config.delayMs ?? 0, signal);
        signal?.throwIfAborted();
        yield tokens[index]!;
      }
    } finally {
      self.stats.cleanups++;
    }
  }
}

/**
 * Creates a fresh mock provider class with its own options and stats.
 * @param options - behaviour and flags.
 * @returns a provider class ready for `registerProvider` or `streamChat`.
 */
export function createMockProvider(options: MockProviderOptions = {}): ProviderClass & typeof MockProvider {
  const Mock = class extends MockProvider {};
  Object.defineProperty(Mock, "name", { value: options.name ?? "Mock" });
  Mock.providerName = options.name ?? "Mock";
  Mock.mockOptions = options;
  Mock.stats = { calls: [], cleanups: 0 };
  Mock.working = options.working ?? true;
  Mock.needsAuth = options.needsAuth ?? false;
  Mock.model = options.model ?? "mock-model";
  Mock.models = options.models ?? ["mock-model", "mock-large"];
  Mock.modelAliases = options.modelAliases ?? { large: "mock-large" };
  Mock.parameters = options.parameters ?? [];
  return Mock;
}
