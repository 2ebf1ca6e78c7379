import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { ProviderNotWorkingError } from "../errors/provider-not-working-error.js";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { createAbortRace } from "../internal/abort-race.js";
import { collectSecrets, redactSecrets } from "../internal/redact-secrets.js";
import { validateMessages } from "../prompt/validate-messages.js";
import type { Messages } from "../types/message.js";
import type { ProviderOptions } from "../types/provider-options.js";
import type { ResponsePart } from "../types/response-part.js";
import type { AsyncGeneratorProvider } from "./async-generator-provider.js";
import { getProviderName } from "./get-provider-name.js";
import { normalizeTimeouts } from "./normalize-timeouts.js";
import type { ProviderClass } from "./provider-class.js";
import { resolveModel } from "./resolve-model.js";

type Chunk = string | ResponsePart;

/**
 * How long a run that ended by abort or timeout waits for the provider's cleanup (its `finally`,
 * e.g. deleting a server-side chat) before giving up on it. Without the wait a CLI that exits
 * right after the error would cut that cleanup off.
 */
const CLEANUP_GRACE_MS = 10_000;

/** Resolves when `promise` settles or after `ms`, whichever is first; never rejects. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([
      promise.then(
        () => undefined,
        () => undefined,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Turns whatever ended the run into a typed error. */
function toTypedError(
  error: unknown,
  signal: AbortSignal,
  provider: string,
  secrets: readonly string[],
): unknown {
  if (signal.aborted && G4FError.isInstance(signal.reason)) return signal.reason;
  if (G4FError.isInstance(error)) return error;
  if (error instanceof Error && error.name === "AbortError")
    return new AbortError({ provider, cause: error });
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StreamError({
    provider,
    cause: error,
    message: `${provider}: the provider failed: ${redactSecrets(detail, secrets)}`,
  });
}

/**
 * The guarded run behind `provider.stream()`. Validates, resolves the model, combines the caller's
 * signal with timeouts into the signal the provider gets, and always lets the provider clean up.
 *
 * @param provider - the provider instance.
 * @param model - requested model, alias or empty for the default.
 * @param messages - the conversation.
 * @param options - the caller's options.
 * @returns the provider's chunks, with empty strings dropped.
 * @internal
 */
export async function* runGuarded(
  provider: AsyncGeneratorProvider,
  model: string | undefined,
  messages: Messages,
  options: ProviderOptions,
): AsyncGenerator<Chunk, void, undefined> {
  const providerClass = provider.constructor as ProviderClass;
  const name = getProviderName(providerClass);
  validateMessages(messages);
  const resolvedModel = resolveModel(providerClass, model);
  if (!providerClass.isUsable(options)) throw new ProviderNotWorkingError({ provider: name });
  const timeouts = normalizeTimeouts(options.timeout, name);
  if (providerClass.delegatesChunkTimeouts === true) {
    delete timeouts.firstChunk;
    delete timeouts.betweenChunks;
  }
  const secrets = collectSecrets({ cookies: options.cookies });
  const callerSignal = options.signal;
  if (callerSignal?.aborted) throw new AbortError({ provider: name, cause: callerSignal.reason });

  const controller = new AbortController();
  const signal = controller.signal;
  const onCallerAbort = (): void =>
    controller.abort(new AbortError({ provider: name, cause: callerSignal?.reason }));
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const fire = (timeout: "total" | "firstChunk" | "betweenChunks", ms: number): void =>
    controller.abort(new TimeoutError({ provider: name, timeout, ms }));
  const started = performance.now();
  const totalTimer =
    timeouts.total === undefined ? undefined : setTimeout(fire, timeouts.total, "total", timeouts.total);
  let chunkTimer: ReturnType<typeof setTimeout> | undefined;

  // One listener for the whole run, not one per chunk (the largest streaming cost in the profile).
  const abortRace = createAbortRace(signal);
  let iterator: AsyncIterator<Chunk> | undefined;
  let pending: Promise<IteratorResult<Chunk>> | undefined;
  let settled = false;
  let sawText = false;
  try {
    iterator = provider
      .createAsyncGenerator(resolvedModel, messages, { ...options, signal })
      [Symbol.asyncIterator]();
    while (true) {
      signal.throwIfAborted();
      // The chunk timers run only while we wait on the provider, not while the consumer works.
      if (!sawText && timeouts.firstChunk !== undefined) {
        const left = Math.max(0, timeouts.firstChunk - (performance.now() - started));
        chunkTimer = setTimeout(fire, left, "firstChunk", timeouts.firstChunk);
      } else if (sawText && timeouts.betweenChunks !== undefined) {
        chunkTimer = setTimeout(fire, timeouts.betweenChunks, "betweenChunks", timeouts.betweenChunks);
      }
      pending = iterator.next();
      let result: IteratorResult<Chunk>;
      try {
        result = await abortRace.race(pending);
      } catch (error) {
        // Not aborted: the provider itself threw, so its generator is finished.
        if (!signal.aborted) {
          pending = undefined;
          settled = true;
        }
        throw error;
      }
      pending = undefined;
      clearTimeout(chunkTimer);
      if (result.done === true) {
        settled = true;
        return;
      }
      const value = result.value;
      if (typeof value === "string") {
        if (value === "") continue;
        sawText = true;
      }
      yield value;
    }
  } catch (error) {
    throw toTypedError(error, signal, name, secrets);
  } finally {
    clearTimeout(totalTimer);
    clearTimeout(chunkTimer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
    abortRace.dispose();
    if (pending !== undefined) {
      // Aborted while the provider was mid-step: it sees the signal and runs its cleanup, which
      // we wait for (bounded); if the step still resolves, close the generator.
      const stuck = iterator;
      await settleWithin(
        pending.then(
          () => stuck?.return?.(),
          () => undefined,
        ),
        CLEANUP_GRACE_MS,
      );
    } else if (!settled && iterator?.return !== undefined) {
      // The consumer stopped early: let the provider's `finally` run before we release the signal.
      try {
        await iterator.return();
      } catch {
        // A failing cleanup must not replace the consumer's own outcome.
      }
    }
    // A run cut short releases the signal, so whatever the provider left running stops too. A
    // provider that finished by itself has nothing left; aborting anyway cost about 180 µs per
    // chat (the error's stack and a cascade through every finished request's signal).
    if (!settled && !signal.aborted)
      controller.abort(new AbortError({ provider: name, message: `${name}: the run ended.` }));
  }
}
