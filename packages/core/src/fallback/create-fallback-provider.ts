import { AllProvidersFailedError, type ProviderAttempt } from "../errors/all-providers-failed-error.js";
import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { AsyncGeneratorProvider } from "../provider/async-generator-provider.js";
import { getProviderName } from "../provider/get-provider-name.js";
import type { ProviderClass } from "../provider/provider-class.js";
import { resolveModel } from "../provider/resolve-model.js";
import { resolveProvider } from "../registry/resolve-provider.js";
import type { Messages } from "../types/message.js";
import type { ProviderOptions } from "../types/provider-options.js";
import type { AsyncResult, ResponsePart } from "../types/response-part.js";

/** Options of {@link createFallbackProvider}. */
export interface FallbackOptions {
  /** Try the providers in a random order on each call. @defaultValue false */
  shuffle?: boolean;
  /** Extra rounds over the whole list after every provider failed. @defaultValue 0 */
  retries?: number;
  /** Registry name of the fallback. @defaultValue `"Fallback(A,B,C)"` */
  name?: string;
}

function refName(ref: string | ProviderClass): string {
  return typeof ref === "string" ? ref : getProviderName(ref);
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

async function resolveMember(
  ref: string | ProviderClass,
  model: string,
): Promise<{ provider: ProviderClass; name: string; model: string }> {
  if (typeof ref === "string") return resolveProvider(ref, model);
  return { provider: ref, name: getProviderName(ref), model: resolveModel(ref, model) };
}

/**
 * Builds a provider that tries several providers in turn. It moves to the next one only while
 * nothing was yielded: once text flowed, an error is re-thrown as is, never followed by a second
 * answer. Before a member's first text it yields a `provider-info` part naming who answers.
 * `timeout.firstChunk` and `timeout.betweenChunks` apply to each provider in turn; `timeout.total`
 * and a caller abort stop the whole fallback at once.
 *
 * @param providers - registry names (`"A"`, `"A:model"`) or classes, in order.
 * @param options - `shuffle`, `retries` (extra rounds), `name`.
 * @returns a provider class usable anywhere a provider is (streamChat, registerProvider…).
 * @throws {@link InvalidRequestError} for an empty list.
 * @example
 * ```ts
 * const Any = createFallbackProvider(["OpenAssistant", "Other"], { retries: 1 });
 * for await (const text of streamChat(Any, "Hello")) process.stdout.write(text);
 * // when all fail: AllProvidersFailedError with error.attempts [{ provider, model, error, ms }, …]
 * ```
 */
export function createFallbackProvider(
  providers: readonly (string | ProviderClass)[],
  options: FallbackOptions = {},
): ProviderClass {
  if (providers.length === 0) {
    throw new InvalidRequestError({
      field: "providers",
      message: "createFallbackProvider needs at least one provider.",
    });
  }
  const list = [...providers];
  const name = options.name ?? `Fallback(${list.map(refName).join(",")})`;
  const rounds = 1 + Math.max(0, Math.floor(options.retries ?? 0));
  const shuffle = options.shuffle ?? false;

  class FallbackProvider extends AsyncGeneratorProvider {
    static readonly url: string = "";
    static readonly label: string = name;
    static readonly working: boolean = true;
    static readonly needsAuth: boolean = false;
    static readonly model: string = "";
    static readonly acceptsAnyModel: boolean = true;
    static readonly delegatesChunkTimeouts: boolean = true;
    static override providerName: string | undefined = name;

    async *createAsyncGenerator(
      model: string,
      messages: Messages,
      callOptions: ProviderOptions,
    ): AsyncResult {
      const signal = callOptions.signal;
      const attempts: ProviderAttempt[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const ref of shuffle ? shuffled(list) : list) {
          signal?.throwIfAborted();
          const started = performance.now();
          let memberName = refName(ref);
          let memberModel = model;
          let sawText = false;
          let sawInfo = false;
          try {
            const member = await resolveMember(ref, model);
            memberName = member.name;
            memberModel = member.model;
            for await (const chunk of new member.provider().stream(member.model, messages, callOptions)) {
              if (typeof chunk === "string") {
                if (!sawText && !sawInfo) {
                  const info: ResponsePart = {
                    type: "provider-info",
                    provider: memberName,
                    model: memberModel,
                    label: member.provider.label,
                    url: member.provider.url,
                  };
                  yield info;
                }
                sawText = true;
              } else if (chunk.type === "provider-info") {
                sawInfo = true;
              }
              yield chunk;
            }
            return;
          } catch (error) {
            // Once text flowed, a second answer would be glued to the first: surface the failure.
            if (sawText || signal?.aborted) throw error;
            attempts.push({
              provider: memberName,
              model: memberModel,
              error,
              ms: Math.round(performance.now() - started),
            });
          }
        }
      }
      throw new AllProvidersFailedError({ provider: name, attempts });
    }
  }
  Object.defineProperty(FallbackProvider, "name", { value: name });
  return FallbackProvider;
}
