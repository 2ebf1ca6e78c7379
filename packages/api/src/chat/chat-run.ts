import type { FinishReason, Messages, ProviderOptions, ResponsePart, UsagePart } from "@g4f/core";
import type { ChatTarget } from "../catalog/resolve-target.js";

/**
 * One provider call behind a chat completion: pulls text chunks, remembers the finish reason,
 * usage and which provider/model answered, and can be stopped at any time (which aborts the
 * provider's work and lets its cleanup run).
 * @internal
 */
export class ChatRun {
  /** Registry name of the provider that answers (updated by `provider-info` parts). */
  provider: string;
  /** Model that answers (updated by `provider-info` parts). */
  model: string;
  /** Why the answer ended, once it has. */
  finishReason: FinishReason = "stop";
  /** Token counts the provider reported, if any. */
  usage: Omit<UsagePart, "type"> | undefined;
  /** All text so far. */
  text = "";
  readonly #iterator: AsyncIterator<string | ResponsePart>;
  readonly #controller: AbortController;
  #finished = false;

  /**
   * Starts the provider (lazily: nothing runs before the first {@link ChatRun.next}).
   * @param target - provider and model.
   * @param messages - the conversation.
   * @param options - merged provider options (without `signal`).
   * @param signals - aborting any of them stops the run.
   */
  constructor(
    target: ChatTarget,
    messages: Messages,
    options: ProviderOptions,
    signals: readonly AbortSignal[],
  ) {
    this.provider = target.entry.name;
    this.model = target.model;
    this.#controller = new AbortController();
    const signal = AbortSignal.any([this.#controller.signal, ...signals]);
    const instance = new target.entry.providerClass();
    this.#iterator = instance.stream(target.model, messages, { ...options, signal })[Symbol.asyncIterator]();
  }

  /** Whether the provider has finished (normally or not). */
  get finished(): boolean {
    return this.#finished;
  }

  /**
   * Waits for the next text chunk, taking note of the parts in between.
   * @returns the chunk, or `undefined` when the answer is complete.
   * @throws the provider's typed errors (`TimeoutError`, `RateLimitError`, `StreamError`…).
   */
  async next(): Promise<string | undefined> {
    try {
      while (true) {
        const result = await this.#iterator.next();
        if (result.done === true) {
          this.#finished = true;
          return undefined;
        }
        const value = result.value;
        if (typeof value === "string") {
          this.text += value;
          return value;
        }
        this.#note(value);
      }
    } catch (error) {
      this.#finished = true;
      throw error;
    }
  }

  #note(part: ResponsePart): void {
    if (part.type === "finish") this.finishReason = part.reason;
    else if (part.type === "usage") {
      const { type: _type, ...usage } = part;
      this.usage = usage;
    } else if (part.type === "provider-info") {
      this.provider = part.provider;
      this.model = part.model;
    }
  }

  /**
   * Stops the run: aborts the provider's signal and waits for its cleanup.
   * @param reason - the abort reason.
   * @returns a promise that settles once the provider has let go.
   */
  async stop(reason?: unknown): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    this.#controller.abort(reason);
    await this.#iterator.return?.().catch(() => undefined);
  }
}
