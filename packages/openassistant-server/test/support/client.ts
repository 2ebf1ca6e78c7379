// A plain HTTP client for the reference server's tests (never the provider).
import { expect } from "vitest";
import type { RunningOpenAssistantServer } from "../../src/index.js";

/** The default test token (includes a non-ASCII byte). */
export const TOKEN = "server-test-token-\u00e9";

/** Cookie header for a token, written as raw bytes (one character per byte). */
export function cookieFor(token: string, name = "next-auth.session-token"): Record<string, string> {
  return { cookie: `${name}=${token}` };
}

/** A small client bound to a server and a token. */
export class Client {
  readonly server: RunningOpenAssistantServer;
  readonly headers: Record<string, string>;

  constructor(server: RunningOpenAssistantServer, headers: Record<string, string> = cookieFor(TOKEN)) {
    this.server = server;
    this.headers = headers;
  }

  request(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers, ...extraHeaders };
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === "string" ? body : JSON.stringify(body);
      headers["content-type"] ??= "application/json";
    }
    return fetch(`${this.server.url}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
  }

  async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    expect(response.status, `${method} ${path}`).toBe(200);
    return (await response.json()) as T;
  }

  createChat(): Promise<{ id: string; title: string | null }> {
    return this.json("POST", "/api/chat");
  }

  prompter(chatId: string, content: string, parentId: string | null = null): Promise<{ id: string }> {
    return this.json("POST", "/api/chat/prompter_message", { chat_id: chatId, parent_id: parentId, content });
  }

  assistant(chatId: string, parentId: string, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
    return this.json("POST", "/api/chat/assistant_message", {
      chat_id: chatId,
      parent_id: parentId,
      model_config_name: "OA_SFT_Llama_30B_6",
      sampling_parameters: {},
      plugins: [],
      ...extra,
    });
  }

  events(chatId: string, messageId: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.server.url}/api/chat/events?chat_id=${chatId}&message_id=${messageId}`, {
      method: "POST",
      headers: this.headers,
      ...init,
    });
  }

  /** Creates a chat, a prompter message and an assistant message; returns the ids. */
  async startAnswer(
    content = "Hello",
    extra: Record<string, unknown> = {},
  ): Promise<{ chatId: string; promptId: string; messageId: string }> {
    const chat = await this.createChat();
    const prompt = await this.prompter(chat.id, content);
    const message = await this.assistant(chat.id, prompt.id, extra);
    return { chatId: chat.id, promptId: prompt.id, messageId: message.id };
  }

  deleteChat(chatId: string): Promise<Response> {
    return this.request("DELETE", `/api/chat?chat_id=${chatId}`);
  }
}

/** One parsed SSE item of the raw text. */
export type SseItem =
  | { kind: "data"; json: Record<string, unknown> }
  | { kind: "comment"; text: string }
  | { kind: "raw"; text: string };

/** Splits a `\r\n\r\n`-framed body into items, asserting the framing byte for byte. */
export function parseFrames(text: string, separator = "\r\n\r\n"): SseItem[] {
  expect(text.endsWith(separator) || text === "").toBe(true);
  return text
    .split(separator)
    .slice(0, -1)
    .map((frame): SseItem => {
      if (frame.startsWith("data: ")) {
        const payload = frame.slice(6);
        try {
          return { kind: "data", json: JSON.parse(payload) as Record<string, unknown> };
        } catch {
          return { kind: "raw", text: frame };
        }
      }
      if (frame.startsWith(": ")) return { kind: "comment", text: frame.slice(2) };
      return { kind: "raw", text: frame };
    });
}

/** Token texts of parsed frames. */
export function tokenTexts(items: SseItem[]): string[] {
  return items.flatMap((item) =>
    item.kind === "data" && item.json.event_type === "token" ? [item.json.text as string] : [],
  );
}

/** Polls until `condition` holds (behaviour, not speed: generous limit). */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Reads a stream body until `predicate` holds on the text so far; returns the reader to cancel. */
export async function readUntil(
  response: Response,
  predicate: (text: string) => boolean,
): Promise<{ text: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!predicate(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return { text, reader };
}
