import type { Microseconds } from "../internal/format-datetime.js";
import type { ModelConfig } from "../models/model-configs.js";
import type { SamplingParameters } from "../models/sampling-parameters.js";

/** Message states of the inference server. */
export type MessageState =
  | "manual"
  | "pending"
  | "in_progress"
  | "complete"
  | "aborted_by_worker"
  | "cancelled"
  | "timeout"
  | (string & {});

/** A plugin entry as pydantic normalised it. */
export interface PluginEntry {
  /** Plugin manifest URL. */
  url: string;
  /** Whether it is enabled. */
  enabled: boolean;
  /** Its config, passed through. */
  plugin_config: unknown;
  /** Whether it is trusted. */
  trusted: boolean | null;
}

/** `WorkParameters` of an assistant message, fields in wire order. */
export interface WorkParameters {
  /** The model config. */
  model_config: ModelConfig;
  /** The sampling parameters. */
  sampling_parameters: SamplingParameters;
  /** Always true. */
  do_sample: boolean;
  /** The seed, within 0..2^53−1. */
  seed: number;
  /** The system prompt sent, or null. */
  system_prompt: string | null;
  /** The user profile sent, or null. */
  user_profile: string | null;
  /** The response instructions sent, or null. */
  user_response_instructions: string | null;
  /** The plugins sent. */
  plugins: PluginEntry[];
  /** Always 4. */
  plugin_max_depth: number;
}

/** A stored message. */
export interface StoredMessage {
  /** UUIDv7 id. */
  id: string;
  /** The parent message id, or null for the first prompter message. */
  parentId: string | null;
  /** The chat it belongs to. */
  chatId: string;
  /** Creation time. */
  createdAt: Microseconds;
  /** `prompter` or `assistant`. */
  role: "prompter" | "assistant";
  /** Current state. */
  state: MessageState;
  /** Text; null for assistant messages until complete. */
  content: string | null;
  /** Work parameters of assistant messages. */
  workParameters: WorkParameters | null;
  /** The model config name of assistant messages. */
  modelName: string | null;
}

/** A stored chat. */
export interface StoredChat {
  /** UUIDv7 id. */
  id: string;
  /** Owner. */
  userId: string;
  /** Creation time. */
  createdAt: Microseconds;
  /** Last prompter message time. */
  modifiedAt: Microseconds;
  /** Title, set by the first prompter message or PUT. */
  title: string | null;
  /** Hidden from the list unless `include_hidden`. */
  hidden: boolean;
  /** Data-use consent. */
  allowDataUse: boolean;
  /** Set by PUT. */
  activeThreadTailMessageId: string | null;
  /** Its messages, in creation order. */
  messages: StoredMessage[];
}

/** Whether a message is finished in the inference server's sense (`has_finished`). */
export function hasFinished(message: StoredMessage): boolean {
  return message.state === "manual" || message.state === "complete" || message.state === "aborted_by_worker";
}
