/** Why a response ended. */
export type FinishReason = "stop" | "length" | "abort" | "error" | "other";

/** The response ended, for the given reason. */
export interface FinishPart {
  /** Always `"finish"`. */
  type: "finish";
  /** Why the response ended. */
  reason: FinishReason;
}

/** Token counts reported by the backend. */
export interface UsagePart {
  /** Always `"usage"`. */
  type: "usage";
  /** Tokens in the prompt. */
  promptTokens?: number;
  /** Tokens in the completion. */
  completionTokens?: number;
  /** Prompt plus completion tokens. */
  totalTokens?: number;
}

/** Which provider and model answered (emitted by fallbacks and providers that pick a model). */
export interface ProviderInfoPart {
  /** Always `"provider-info"`. */
  type: "provider-info";
  /** Registry name of the provider. */
  provider: string;
  /** Model that produced the text. */
  model: string;
  /** Human-readable provider label. */
  label?: string;
  /** Provider home page. */
  url?: string;
}

/** The backend accepted the request but has not started answering yet. */
export interface ProgressPart {
  /** Always `"progress"`. */
  type: "progress";
  /** Where the request stands. */
  state: "queued" | "waiting" | "working";
  /** Position in the backend's queue, when known. */
  queuePosition?: number;
  /** Length of the backend's queue, when known. */
  queueSize?: number;
  /** A short human-readable status. */
  message?: string;
}

/** Everything a provider yields that is not plain text. Errors are thrown, never yielded. */
export type ResponsePart = FinishPart | UsagePart | ProviderInfoPart | ProgressPart;

/** What a provider returns: text chunks as they arrive, interleaved with {@link ResponsePart}s. */
export type AsyncResult = AsyncIterable<string | ResponsePart>;
