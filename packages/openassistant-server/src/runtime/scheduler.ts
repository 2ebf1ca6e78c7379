import type { Generation, GenerationCallbacks } from "../generation/generation.js";
import { startPacedGeneration } from "../generation/paced-generation.js";
import { unwrapPrompt } from "../generation/token-source.js";
import { startUpstreamGeneration, type UpstreamMessage } from "../generation/upstream-generation.js";
import type { StoredChat, StoredMessage } from "../store/records.js";
import { toMessageRead } from "../store/serialize.js";
import { errorPacket, messagePacket } from "../stream/packet.js";
import type { AssistantJob } from "./assistant-job.js";
import type { ChatStore } from "./chat-store.js";
import type { ResolvedOptions } from "./resolve-options.js";
import type { StateTracker } from "./state-tracker.js";
import { tokenSourceFor } from "./token-source-for.js";

interface ModelQueue {
  waiting: AssistantJob[];
  running: number;
}

/**
 * Per-model queues and worker slots, as the inference server's work queues: a job waits
 * (`pending`) until a slot takes it (`in_progress`), generates, then ends `complete` or with an
 * error. Generation goes on when no stream reads it; deleting the chat stops it.
 */
export class Scheduler {
  /** Live jobs by message id. */
  readonly jobs: Map<string, AssistantJob> = new Map();
  private readonly queues = new Map<string, ModelQueue>();
  private readonly options: ResolvedOptions;
  private readonly state: StateTracker;
  private readonly store: ChatStore;

  /**
   * @param options - the resolved options.
   * @param state - counters for `waitForIdle`.
   * @param store - the chats, for upstream threads.
   */
  constructor(options: ResolvedOptions, state: StateTracker, store: ChatStore) {
    this.options = options;
    this.state = state;
    this.store = store;
  }

  private queueOf(model: string): ModelQueue {
    let queue = this.queues.get(model);
    if (!queue) {
      queue = { waiting: [], running: 0 };
      this.queues.set(model, queue);
    }
    return queue;
  }

  private setBusy(job: AssistantJob, busy: boolean): void {
    if (job.busy === busy) return;
    job.busy = busy;
    this.state.adjust("busyGenerations", busy ? 1 : -1);
  }

  /** Whether the model's queue has room for one more. */
  hasRoom(model: string): boolean {
    return this.queueOf(model).waiting.length < this.options.queueMaxSize;
  }

  /** Registers a job without queueing it (a `pendingForever` fault, or a full queue). */
  track(job: AssistantJob): void {
    this.jobs.set(job.message.id, job);
  }

  /** Queues a job for its model and starts it when a slot is free. */
  enqueue(job: AssistantJob): void {
    this.track(job);
    const queue = this.queueOf(job.message.modelName ?? "");
    queue.waiting.push(job);
    this.setBusy(job, true);
    job.timer = setTimeout(() => this.timeOut(job), this.options.assistantMessageTimeoutMs);
    job.timer.unref();
    this.dispatch(job.message.modelName ?? "");
  }

  /** `queue_position` (1-based, 0 once taken) and `queue_size` of a job. */
  position(job: AssistantJob | undefined): { position: number; size: number } {
    if (!job) return { position: 0, size: 0 };
    const waiting = this.queueOf(job.message.modelName ?? "").waiting;
    const index = waiting.indexOf(job);
    const position = index < 0 ? 0 : index + 1;
    return { position, size: Math.max(waiting.length, position) };
  }

  /** Step 4 of `assistant_message`: the user's other pending messages with another parent become `cancelled`. */
  cancelOtherPending(userId: string, parentId: string): void {
    for (const job of this.jobs.values()) {
      const { message } = job;
      if (message.state !== "pending" || message.parentId === parentId) continue;
      if (this.store.chats.get(message.chatId)?.userId !== userId) continue;
      this.unqueue(job);
      message.state = "cancelled";
    }
  }

  /**
   * Stops a job for an injected `errorEvent`: cancels its generation, gives the message `state`
   * and drops its unread packets.
   */
  abort(job: AssistantJob, state: string): void {
    this.stopGeneration(job);
    this.unqueue(job);
    job.message.state = state;
    job.queue.clear();
  }

  /** Ends the jobs of a deleted chat: generations stop and their streams end. */
  removeChat(chat: StoredChat): void {
    for (const message of chat.messages) {
      const job = this.jobs.get(message.id);
      if (!job) continue;
      this.stopGeneration(job);
      this.unqueue(job);
      this.jobs.delete(message.id);
      for (const subscriber of [...job.subscribers]) subscriber.onGone();
    }
  }

  /** Stops everything (reset or close). */
  clear(): void {
    for (const job of [...this.jobs.values()]) {
      this.stopGeneration(job);
      this.unqueue(job);
      for (const subscriber of [...job.subscribers]) subscriber.onGone();
    }
    this.jobs.clear();
    this.queues.clear();
  }

  private unqueue(job: AssistantJob): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = undefined;
    const model = job.message.modelName ?? "";
    const waiting = this.queueOf(model).waiting;
    const index = waiting.indexOf(job);
    if (index >= 0) waiting.splice(index, 1);
    this.setBusy(job, false);
  }

  private stopGeneration(job: AssistantJob): void {
    if (!job.generation) return;
    job.generation.cancel();
    job.generation = undefined;
    const model = job.message.modelName ?? "";
    this.queueOf(model).running--;
    queueMicrotask(() => this.dispatch(model));
  }

  private timeOut(job: AssistantJob): void {
    job.timer = undefined;
    if (job.message.state !== "pending") return;
    this.unqueue(job);
    job.message.state = "timeout";
    this.finalPacket(job, errorPacket("Timeout", toMessageRead(job.message, true)));
  }

  private dispatch(model: string): void {
    const queue = this.queueOf(model);
    while (queue.running < this.options.workers && queue.waiting.length > 0) {
      const job = queue.waiting.shift() as AssistantJob;
      if (job.timer) clearTimeout(job.timer);
      job.timer = undefined;
      queue.running++;
      job.message.state = "in_progress";
      job.generation = this.startGeneration(job);
    }
  }

  private startGeneration(job: AssistantJob): Generation {
    const callbacks: GenerationCallbacks = {
      onToken: (packet) => {
        job.queue.push(packet, Date.now());
        job.pieces.push(packet.text);
      },
      onFlush: () => job.notify(),
      onComplete: () => {
        this.release(job);
        job.message.state = "complete";
        job.message.content = job.pieces.join("");
        job.pieces = [];
        this.finalPacket(job, messagePacket(toMessageRead(job.message, true)));
      },
      onError: (error) => {
        this.release(job);
        job.message.state = "aborted_by_worker";
        job.pieces = [];
        this.finalPacket(job, errorPacket(error, toMessageRead(job.message, true)));
      },
    };
    const { message } = job;
    const parameters = message.workParameters;
    const maxNewTokens = parameters?.sampling_parameters.max_new_tokens ?? 1024;
    const upstream = this.options.upstream;
    if (upstream) {
      return startUpstreamGeneration(
        {
          baseUrl: upstream.baseUrl,
          apiKey: upstream.apiKey,
          model: upstream.model ?? message.modelName ?? "",
          messages: this.thread(message),
          temperature: parameters?.sampling_parameters.temperature ?? null,
          topP: parameters?.sampling_parameters.top_p ?? null,
          maxTokens: maxNewTokens,
        },
        callbacks,
      );
    }
    const length = Math.max(0, Math.min(this.options.answerTokens, maxNewTokens));
    const source = tokenSourceFor(this.options.mode, message.modelName ?? "", job.prompt, length);
    return startPacedGeneration(
      source,
      { firstTokenDelayMs: job.firstTokenDelayMs, tokensPerSecond: this.options.tokensPerSecond },
      callbacks,
    );
  }

  /** The thread up to the message, oldest first, as OpenAI messages. */
  private thread(message: StoredMessage): UpstreamMessage[] {
    const chain: UpstreamMessage[] = [];
    let current = message.parentId ? this.store.messages.get(message.parentId) : undefined;
    while (current) {
      if (current.role === "prompter" && current.content !== null)
        chain.push({ role: "user", content: unwrapPrompt(current.content) });
      else if (current.role === "assistant" && current.state === "complete" && current.content !== null)
        chain.push({ role: "assistant", content: current.content });
      current = current.parentId ? this.store.messages.get(current.parentId) : undefined;
    }
    chain.reverse();
    const systemPrompt = message.workParameters?.system_prompt;
    if (systemPrompt) chain.unshift({ role: "system", content: systemPrompt });
    return chain;
  }

  private release(job: AssistantJob): void {
    job.generation = undefined;
    const model = job.message.modelName ?? "";
    this.queueOf(model).running--;
    queueMicrotask(() => this.dispatch(model));
  }

  private finalPacket(job: AssistantJob, packet: Parameters<AssistantJob["queue"]["push"]>[0]): void {
    this.setBusy(job, false);
    job.queue.push(packet, Date.now());
    job.notify();
    // Unread packets expire as the Redis list did; the job is then forgotten.
    job.timer = setTimeout(() => {
      job.queue.clear();
      if (job.subscribers.size === 0) this.jobs.delete(job.message.id);
    }, this.options.messageQueueExpireMs);
    job.timer.unref();
  }
}
