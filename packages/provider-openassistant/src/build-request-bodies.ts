import { formatPrompt, type Messages } from "@g4f/core";
import type { SamplingParameters } from "./sampling-parameters.js";

/** Body of `POST /api/chat/prompter_message`. */
export interface PrompterMessageBody {
  /** The chat created in step 1. */
  chat_id: string;
  /** The whole conversation as one prompt, in g4f's Llama-2 style wrapper. */
  content: string;
  /** Always `null`: the prompt is the first message of a fresh chat. */
  parent_id: null;
}

/** Body of `POST /api/chat/assistant_message`. */
export interface AssistantMessageBody {
  /** The chat created in step 1. */
  chat_id: string;
  /** The prompter message from step 2. */
  parent_id: string;
  /** The model config to answer with. */
  model_config_name: string;
  /** Sampling settings. */
  sampling_parameters: SamplingParameters;
  /** Always empty: plugins are not supported. */
  plugins: [];
}

/**
 * The prompt g4f sends: `"<s>[INST]\n" + formatPrompt(messages) + "\n[/INST]"`.
 *
 * @param messages - the conversation.
 * @returns the prompter message content.
 * @example
 * ```ts
 * buildPrompterContent([{ role: "user", content: "Hello" }]); // "<s>[INST]\nHello\n[/INST]"
 * ```
 */
export function buildPrompterContent(messages: Messages): string {
  return `<s>[INST]\n${formatPrompt(messages)}\n[/INST]`;
}

/**
 * Builds the step-2 body.
 *
 * @param chatId - the chat id.
 * @param messages - the conversation.
 * @returns the body to send.
 */
export function buildPrompterMessageBody(chatId: string, messages: Messages): PrompterMessageBody {
  return { chat_id: chatId, content: buildPrompterContent(messages), parent_id: null };
}

/**
 * Builds the step-3 body.
 *
 * @param chatId - the chat id.
 * @param parentId - the prompter message id.
 * @param model - the model config name.
 * @param sampling - the sampling parameters.
 * @returns the body to send.
 */
export function buildAssistantMessageBody(
  chatId: string,
  parentId: string,
  model: string,
  sampling: SamplingParameters,
): AssistantMessageBody {
  return {
    chat_id: chatId,
    parent_id: parentId,
    model_config_name: model,
    sampling_parameters: sampling,
    plugins: [],
  };
}
