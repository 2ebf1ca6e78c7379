import {
  type AsyncResult,
  createHttpClient,
  type HttpClient,
  InvalidResponseError,
  type Messages,
  type ProviderOptions,
  redactSecrets,
  type StreamedResponse,
} from "@g4f/core";
import { buildAssistantMessageBody, buildPrompterMessageBody } from "./build-request-bodies.js";
import { deleteChat } from "./delete-chat.js";
import { mapOpenAssistantError } from "./map-open-assistant-error.js";
import { PROVIDER_NAME } from "./provider-name.js";
import { readAnswer } from "./read-answer.js";
import { readOptions } from "./read-options.js";
import { describeBaseUrl } from "./resolve-base-url.js";
import { resolveCookies } from "./resolve-cookies.js";

/** The browser user agent g4f sent; the site was built for browsers. */
export const USER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/111.0.0.0 Safari/537.36";

/** How long creating the chat may take when no request timeout is set, in ms. */
const CREATE_TIMEOUT_MS = 30_000;

/** Reads the `id` of a step's JSON reply, or explains what came instead. */
async function requestId(
  http: HttpClient,
  path: string,
  init: { json?: unknown; signal?: AbortSignal | undefined; timeout?: number | undefined; step: string },
  redact: (text: string) => string,
): Promise<string> {
  const reply = await http.json<unknown>(path, { method: "POST", ...init });
  const record = typeof reply === "object" && reply !== null ? (reply as Record<string, unknown>) : {};
  if (typeof record.id === "string" && record.id !== "") return record.id;
  const said =
    typeof record.message === "string" ? ` The server said: ${redact(record.message).slice(0, 200)}.` : "";
  throw new InvalidResponseError({
    provider: PROVIDER_NAME,
    step: init.step,
    message: `${PROVIDER_NAME}: the reply to ${init.step} has no \`id\`.${said} The backend may have changed; report it.`,
  });
}

/**
 * The OpenAssistant flow (protocol §2 with the defects of §2.2 fixed): find cookies, create a
 * chat, post the prompt, ask for an answer, stream it, and always delete the chat.
 *
 * @param model - the resolved model config name.
 * @param messages - the validated conversation.
 * @param options - the caller's options with the guarded `signal`.
 * @returns text chunks, `progress` parts and a final `finish` part.
 * @throws {@link @g4f/core!index.MissingAuthError | MissingAuthError}, {@link @g4f/core!index.RateLimitError | RateLimitError}, {@link @g4f/core!index.ModelNotSupportedError | ModelNotSupportedError},
 *   {@link @g4f/core!index.ResponseStatusError | ResponseStatusError}, {@link @g4f/core!index.InvalidResponseError | InvalidResponseError}, {@link @g4f/core!index.StreamError | StreamError},
 *   {@link @g4f/core!index.InvalidRequestError | InvalidRequestError}, {@link @g4f/core!index.TimeoutError | TimeoutError}, {@link @g4f/core!index.AbortError | AbortError}, {@link @g4f/core!index.NetworkError | NetworkError}.
 * @internal
 */
export async function* runOpenAssistant(
  model: string,
  messages: Messages,
  options: ProviderOptions,
): AsyncResult {
  const settings = readOptions(options);
  const signal = options.signal;
  const onDebug = options.onDebug;
  const cookies = await resolveCookies({
    cookies: options.cookies,
    cookieDomain: settings.cookieDomain,
    cookiesDir: settings.cookiesDir,
    browsers: settings.browsers,
    cookieLookup: settings.cookieLookup,
    signal,
    onWarning: settings.onWarning,
  });
  const secrets = Object.values(cookies);
  const redact = (text: string): string => redactSecrets(text, secrets);
  const safeBaseUrl = describeBaseUrl(settings.baseUrl);
  // No client-wide signal: each request gets the caller's, except the ones that must finish anyway.
  const http = createHttpClient({
    provider: PROVIDER_NAME,
    baseUrl: settings.baseUrl,
    proxy: options.proxy,
    cookies,
    userAgent: USER_AGENT,
    ...(settings.requestTimeout === undefined ? {} : { timeouts: { request: settings.requestTimeout } }),
    onDebug,
    mapError: (context) => mapOpenAssistantError(context, { model, baseUrl: safeBaseUrl }),
  });

  signal?.throwIfAborted();
  // Not tied to the caller's signal: once the server may have created a chat, learn its id so the
  // chat can be deleted. An abort meanwhile is honoured right after.
  const chatId = await requestId(
    http,
    "/api/chat",
    { step: "create chat", timeout: settings.requestTimeout ?? CREATE_TIMEOUT_MS },
    redact,
  );
  let events: StreamedResponse | undefined;
  let complete = false;
  try {
    signal?.throwIfAborted();
    const parentId = await requestId(
      http,
      "/api/chat/prompter_message",
      { step: "send prompter message", signal, json: buildPrompterMessageBody(chatId, messages) },
      redact,
    );
    const messageId = await requestId(
      http,
      "/api/chat/assistant_message",
      {
        step: "request assistant message",
        signal,
        json: buildAssistantMessageBody(chatId, parentId, model, settings.sampling),
      },
      redact,
    );
    // Straight from the connection: no fetch Response, about half the memory per open stream.
    events = await http.stream("/api/chat/events", {
      method: "POST",
      query: { chat_id: chatId, message_id: messageId },
      headers: { accept: "text/event-stream" },
      signal,
      step: "read events",
    });
    for await (const part of readAnswer(events.body, { signal, redact })) {
      if (typeof part === "object" && part.type === "finish") complete = true;
      yield part;
    }
  } finally {
    // Close the stream first (a no-op once read to the end), then delete with our own deadline.
    await events?.body.cancel().catch(() => undefined);
    await deleteChat(http, chatId, { retry: complete, onDebug, onWarning: settings.onWarning });
  }
}
