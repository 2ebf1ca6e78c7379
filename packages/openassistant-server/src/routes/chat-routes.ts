import { Buffer } from "node:buffer";
import { bodyObject } from "../http/read-body.js";
import { emptyReply, internalError, jsonReply } from "../http/replies.js";
import { formatIsoDatetime, nowMicros } from "../internal/format-datetime.js";
import type { RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import type { StoredChat } from "../store/records.js";
import { toChatListRead, toChatRead } from "../store/serialize.js";

const PAGE_SIZE = 20;

/** `POST /api/chat`: a new chat (`ChatListRead`). */
export function createChat(context: RequestContext, runtime: ServerRuntime): Response {
  const chat = runtime.store.createChat(context.userId);
  runtime.state.chatCreated({
    id: chat.id,
    userId: chat.userId,
    createdAt: formatIsoDatetime(chat.createdAt),
  });
  return jsonReply(toChatListRead(chat));
}

function decodeCursor(value: string | null): string | undefined {
  if (!value) return undefined;
  return Buffer.from(value, "base64").toString("utf8");
}

function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64");
}

/** `GET /api/chat`: the user's chats, newest first, 20 a page, with base64 id cursors. */
export function listChats(context: RequestContext, runtime: ServerRuntime): Response {
  const query = context.url.searchParams;
  const includeHidden = query.get("include_hidden") === "true";
  const before = decodeCursor(query.get("before"));
  const after = decodeCursor(query.get("after"));
  const mine: StoredChat[] = [];
  for (const chat of runtime.store.chats.values()) {
    if (chat.userId === context.userId && (includeHidden || !chat.hidden)) mine.push(chat);
  }
  // UUIDv7 ids sort like creation times.
  mine.sort((left, right) => (left.id < right.id ? 1 : left.id > right.id ? -1 : 0));
  let page: StoredChat[];
  let olderExist: boolean;
  let newerExist: boolean;
  if (after !== undefined) {
    const newer = mine.filter((chat) => chat.id > after);
    page = newer.slice(-PAGE_SIZE);
    newerExist = newer.length > page.length;
    olderExist = mine.length > newer.length;
  } else {
    const older = before === undefined ? mine : mine.filter((chat) => chat.id < before);
    page = older.slice(0, PAGE_SIZE);
    olderExist = older.length > page.length;
    newerExist = mine.length > older.length;
  }
  const first = page[0];
  const last = page[page.length - 1];
  return jsonReply({
    chats: page.map(toChatListRead),
    next: olderExist && last ? encodeCursor(last.id) : null,
    prev: newerExist && first ? encodeCursor(first.id) : null,
  });
}

/** `GET /api/chat?chat_id=`: the chat with its messages, or `404` empty. */
export function getChat(context: RequestContext, runtime: ServerRuntime): Response {
  const chat = runtime.store.userChat(context.userId, context.url.searchParams.get("chat_id"));
  return chat ? jsonReply(toChatRead(chat)) : emptyReply(404);
}

/** `DELETE /api/chat?chat_id=`: `200` empty, or `500` text when unknown. */
export function deleteChat(context: RequestContext, runtime: ServerRuntime): Response {
  const chat = runtime.store.userChat(context.userId, context.url.searchParams.get("chat_id"));
  if (!chat) return internalError();
  runtime.deleteChat(chat.id);
  return emptyReply(200);
}

/** `PUT /api/chat`: updates title, hidden, data use or the tail id; `500` text on any problem. */
export function updateChat(context: RequestContext, runtime: ServerRuntime): Response {
  const body = bodyObject(context.body);
  const chat = runtime.store.userChat(context.userId, body.chat_id);
  if (!chat) return internalError();
  const { title, hidden, allow_data_use: allowDataUse, active_thread_tail_message_id: tail } = body;
  if (title !== undefined && title !== null && (typeof title !== "string" || title.length > 100))
    return internalError();
  if (hidden !== undefined && hidden !== null && typeof hidden !== "boolean") return internalError();
  if (allowDataUse !== undefined && allowDataUse !== null && typeof allowDataUse !== "boolean")
    return internalError();
  if (tail !== undefined && tail !== null && typeof tail !== "string") return internalError();
  if (typeof title === "string") chat.title = title;
  if (typeof hidden === "boolean") chat.hidden = hidden;
  if (typeof allowDataUse === "boolean") chat.allowDataUse = allowDataUse;
  if (typeof tail === "string") chat.activeThreadTailMessageId = tail;
  chat.modifiedAt = nowMicros();
  return emptyReply(200);
}
