import { formatIsoDatetime } from "../internal/format-datetime.js";
import { PythonFloat } from "../internal/python-json.js";
import { FLOAT_SAMPLING_KEYS, type SamplingParameters } from "../models/sampling-parameters.js";
import type { StoredChat, StoredMessage, WorkParameters } from "./records.js";

function pythonSampling(parameters: SamplingParameters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters)) {
    out[key] = typeof value === "number" && FLOAT_SAMPLING_KEYS.has(key) ? new PythonFloat(value) : value;
  }
  return out;
}

function workParametersView(parameters: WorkParameters | null, python: boolean): unknown {
  if (!parameters) return null;
  if (!python) return parameters;
  return { ...parameters, sampling_parameters: pythonSampling(parameters.sampling_parameters) };
}

/**
 * A message as `MessageRead`, fields in wire order. With `python`, float fields are
 * {@link PythonFloat}s so the event-stream encoder prints them as Python did.
 */
export function toMessageRead(message: StoredMessage, python = false): Record<string, unknown> {
  return {
    id: message.id,
    parent_id: message.parentId,
    content: message.content,
    chat_id: message.chatId,
    created_at: formatIsoDatetime(message.createdAt),
    role: message.role,
    state: message.state,
    score: 0,
    reports: [],
    work_parameters: workParametersView(message.workParameters, python),
    safe_content: null,
    safety_level: null,
    safety_label: null,
    safety_rots: null,
    used_plugin: null,
  };
}

/** A chat as `ChatListRead` (the tail id is always null there). */
export function toChatListRead(chat: StoredChat): Record<string, unknown> {
  return {
    id: chat.id,
    created_at: formatIsoDatetime(chat.createdAt),
    modified_at: formatIsoDatetime(chat.modifiedAt),
    title: chat.title,
    hidden: chat.hidden,
    allow_data_use: chat.allowDataUse,
    active_thread_tail_message_id: null,
  };
}

/** A chat as `ChatRead`: the list view plus the tail id and every message. */
export function toChatRead(chat: StoredChat): Record<string, unknown> {
  return {
    ...toChatListRead(chat),
    active_thread_tail_message_id: chat.activeThreadTailMessageId,
    messages: chat.messages.map((message) => toMessageRead(message)),
  };
}
