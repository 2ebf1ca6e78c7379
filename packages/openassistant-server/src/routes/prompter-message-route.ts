import { bodyObject } from "../http/read-body.js";
import { jsonReply, messageError, somethingWentWrong } from "../http/replies.js";
import { nowMicros } from "../internal/format-datetime.js";
import type { RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import { toMessageRead } from "../store/serialize.js";

/** `/api/chat/prompter_message`: adds the user's message; every check in the inference server's order. */
export function prompterMessage(context: RequestContext, runtime: ServerRuntime): Response {
  const body = bodyObject(context.body);
  const { content } = body;
  if (content === undefined || content === null)
    return messageError(422, [
      { loc: ["body", "content"], msg: "field required", type: "value_error.missing" },
    ]);
  if (typeof content !== "string")
    return messageError(422, [
      { loc: ["body", "content"], msg: "str type expected", type: "type_error.str" },
    ]);
  const parentId = body.parent_id ?? null;
  if (parentId !== null && typeof parentId !== "string")
    return messageError(422, [
      { loc: ["body", "parent_id"], msg: "str type expected", type: "type_error.str" },
    ]);
  if (content.length > runtime.options.messageMaxLength)
    return messageError(413, "Message content exceeds max length");
  const chat = runtime.store.userChat(context.userId, body.chat_id);
  if (!chat) return somethingWentWrong();
  if (chat.messages.length >= runtime.options.chatMaxMessages)
    return messageError(413, "Maximum number of messages reached for this chat");
  if (parentId === null) {
    if (chat.messages.length > 0) return messageError(400, "Trying to add first message to non-empty chat");
  } else {
    const parent = runtime.store.messages.get(parentId);
    if (!parent || parent.chatId !== chat.id) return messageError(400, "Parent message not found");
    if (parent.role !== "assistant") return messageError(400, "Parent message is not an assistant message");
    if (parent.state !== "complete") return messageError(400, "Parent message is not complete");
  }
  const message = runtime.store.addMessage(chat, {
    parentId,
    role: "prompter",
    state: "manual",
    content,
    workParameters: null,
    modelName: null,
  });
  if (chat.title === null) chat.title = content;
  chat.modifiedAt = nowMicros();
  return jsonReply(toMessageRead(message));
}
