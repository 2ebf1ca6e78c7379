import { type DebugEvent, G4FError, type HttpClient } from "@g4f/core";
import type { OpenAssistantWarning } from "./open-assistant-options.js";
import { PROVIDER_NAME } from "./provider-name.js";

/** How long one delete may take, in ms; it runs after the caller's signal may have fired. */
export const DELETE_TIMEOUT_MS = 5_000;

/** Pause before the one retry of a delete after a complete answer, in ms. */
const RETRY_PAUSE_MS = 250;

/** Options of {@link deleteChat}. */
export interface DeleteChatOptions {
  /** Retry once when the first attempt fails (after a complete answer). */
  retry: boolean;
  /** Limit for each attempt, in ms. @defaultValue 5000 */
  timeoutMs?: number | undefined;
  /** Receives a note for each outcome. */
  onDebug?: ((event: DebugEvent) => void) | undefined;
  /** Receives `CHAT_NOT_DELETED` when the chat stays behind. */
  onWarning?: ((warning: OpenAssistantWarning) => void) | undefined;
}

async function attemptDelete(http: HttpClient, chatId: string, timeoutMs: number): Promise<void> {
  // Its own signal: the caller's may already be aborted, and the chat must go anyway.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`delete timed out after ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    await http.text("/api/chat", {
      method: "DELETE",
      query: { chat_id: chatId },
      idempotent: false,
      timeout: timeoutMs,
      signal: controller.signal,
      step: "delete chat",
    });
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (G4FError.isInstance(error)) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Deletes a chat this provider created (`DELETE /api/chat?chat_id=`), with its own timeout and
 * signal. Never throws: a failed delete must not replace the call's own outcome, so it is
 * reported through `onDebug` and `onWarning` instead.
 *
 * @param http - the call's HTTP client (its cookies authenticate the delete).
 * @param chatId - the chat to delete.
 * @param options - retry, timeout and the hooks that hear about the outcome.
 * @returns whether the chat was deleted.
 */
export async function deleteChat(
  http: HttpClient,
  chatId: string,
  options: DeleteChatOptions,
): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? DELETE_TIMEOUT_MS;
  const attempts = options.retry ? 2 : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await attemptDelete(http, chatId, timeoutMs);
      options.onDebug?.({ type: "info", provider: PROVIDER_NAME, message: `deleted chat ${chatId}` });
      return true;
    } catch (error) {
      lastError = error;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
  const message = `${PROVIDER_NAME}: could not delete chat ${chatId} after ${attempts} attempt${attempts === 1 ? "" : "s"} (${describe(lastError)}). It stays in the chat list; delete it on the site.`;
  options.onDebug?.({ type: "error", provider: PROVIDER_NAME, message });
  options.onWarning?.({
    code: "CHAT_NOT_DELETED",
    message,
    source: `chat ${chatId}`,
    ...(lastError instanceof Error ? { error: lastError } : {}),
  });
  return false;
}
