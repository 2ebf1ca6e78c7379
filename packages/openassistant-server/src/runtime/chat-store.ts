import { nowMicros } from "../internal/format-datetime.js";
import { uuid7 } from "../internal/uuid7.js";
import type { StoredChat, StoredMessage } from "../store/records.js";

/** Chats and messages in memory; each message is held once (in its chat) plus an id index. */
export class ChatStore {
  /** Chats by id, in creation order. */
  readonly chats: Map<string, StoredChat> = new Map();
  /** Every message by id, for lookups across chats. */
  readonly messages: Map<string, StoredMessage> = new Map();

  /** Creates an empty chat for a user. */
  createChat(userId: string): StoredChat {
    const now = nowMicros();
    const chat: StoredChat = {
      id: uuid7(),
      userId,
      createdAt: now,
      modifiedAt: now,
      title: null,
      hidden: false,
      allowDataUse: true,
      activeThreadTailMessageId: null,
      messages: [],
    };
    this.chats.set(chat.id, chat);
    return chat;
  }

  /** The user's chat, or `undefined` when unknown or someone else's. */
  userChat(userId: string, chatId: unknown): StoredChat | undefined {
    if (typeof chatId !== "string") return undefined;
    const chat = this.chats.get(chatId);
    return chat && chat.userId === userId ? chat : undefined;
  }

  /** Adds a message to its chat. */
  addMessage(chat: StoredChat, message: Omit<StoredMessage, "id" | "createdAt" | "chatId">): StoredMessage {
    const stored: StoredMessage = { id: uuid7(), createdAt: nowMicros(), chatId: chat.id, ...message };
    chat.messages.push(stored);
    this.messages.set(stored.id, stored);
    return stored;
  }

  /** Removes a chat and its messages; returns it, or `undefined` when it was unknown. */
  deleteChat(chatId: string): StoredChat | undefined {
    const chat = this.chats.get(chatId);
    if (!chat) return undefined;
    this.chats.delete(chatId);
    for (const message of chat.messages) this.messages.delete(message.id);
    return chat;
  }

  /** Forgets everything. */
  clear(): void {
    this.chats.clear();
    this.messages.clear();
  }
}
