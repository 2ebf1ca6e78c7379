import type { ParameterSpec } from "../types/parameter-spec.js";
import type { ProviderOptions } from "../types/provider-options.js";
import type { AsyncGeneratorProvider } from "./async-generator-provider.js";

/** The provider specification this core implements; plugins built for another one are rejected. */
export type SpecificationVersion = "g4f-provider-v1";

/**
 * The static side of a provider class: what the registry stores and what callers introspect.
 * A subclass of {@link AsyncGeneratorProvider} that lacks `url`, `label`, `working`, `needsAuth`
 * or `model` is not assignable to it, so registering it fails to compile.
 */
export interface ProviderClass {
  /** Creates an instance; providers take no constructor arguments. */
  new (): AsyncGeneratorProvider;
  /** Home page of the backend. */
  readonly url: string;
  /** Human-readable name. */
  readonly label: string;
  /** Whether the provider is known to work today. */
  readonly working: boolean;
  /** Whether it needs cookies or a token. */
  readonly needsAuth: boolean;
  /** Whether it streams text as it is generated. */
  readonly supportsStream: boolean;
  /** Whether it sends earlier messages, not just the last. */
  readonly supportsMessageHistory: boolean;
  /** Whether it honours system messages. */
  readonly supportsSystemMessage: boolean;
  /** Default model. */
  readonly model: string;
  /** Models it accepts (the default model is always accepted). */
  readonly models: readonly string[];
  /** Alias to model name. */
  readonly modelAliases: Readonly<Record<string, string>>;
  /** Options it accepts beyond the common {@link ProviderOptions}. */
  readonly parameters: readonly ParameterSpec[];
  /** Which provider spec it was built for. */
  readonly specificationVersion: SpecificationVersion;
  /** Registry name; defaults to the class name. */
  providerName?: string | undefined;
  /** When `true`, any model name is passed through (used by fallbacks and passthrough proxies). */
  readonly acceptsAnyModel?: boolean;
  /**
   * When `true`, the guarded run enforces only `timeout.total` and leaves `firstChunk` and
   * `betweenChunks` to the providers this one runs (composite providers such as fallbacks).
   */
  readonly delegatesChunkTimeouts?: boolean;
  /**
   * Whether the provider may run with these options.
   * @param options - the call's options (`allowNotWorking` overrides `working`).
   */
  isUsable(options: ProviderOptions): boolean;
}
