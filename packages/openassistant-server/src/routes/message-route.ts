import { internalError, jsonReply } from "../http/replies.js";
import type { RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import { toMessageRead } from "../store/serialize.js";

/** `GET /api/chat/message?chat_id&message_id`: one message of the user's chat, else `500` text. */
export function getMessage(context: RequestContext, runtime: ServerRuntime): Response {
  const query = context.url.searchParams;
  const chat = runtime.store.userChat(context.userId, query.get("chat_id"));
  const message = runtime.store.messages.get(query.get("message_id") ?? "");
  if (!chat || !message || message.chatId !== chat.id) return internalError();
  return jsonReply(toMessageRead(message));
}
