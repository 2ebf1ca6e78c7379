import { Hono } from "hono";
import { emptyReply, internalError } from "../http/replies.js";
import { assistantMessage } from "../routes/assistant-message-route.js";
import { createChat, deleteChat, getChat, listChats, updateChat } from "../routes/chat-routes.js";
import { events } from "../routes/events-route.js";
import { getMessage } from "../routes/message-route.js";
import { listModels } from "../routes/models-route.js";
import { prompterMessage } from "../routes/prompter-message-route.js";
import type { RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";

/** Hono's environment here: the request context travels as a binding. */
export interface RouterEnv {
  Bindings: { context: RequestContext };
}

/** The chat routes of 4.3 on a hono router; the common rules (4.1) run before it. */
export function createRouter(runtime: ServerRuntime): Hono<RouterEnv> {
  const app = new Hono<RouterEnv>();
  app.all("/api/chat", (c) => {
    const context = c.env.context;
    switch (context.route) {
      case "chat.create":
        return createChat(context, runtime);
      case "chat.list":
        return listChats(context, runtime);
      case "chat.get":
        return getChat(context, runtime);
      case "chat.delete":
        return deleteChat(context, runtime);
      case "chat.update":
        return updateChat(context, runtime);
      default:
        return emptyReply(404);
    }
  });
  app.all("/api/chat/prompter_message", (c) => prompterMessage(c.env.context, runtime));
  app.all("/api/chat/assistant_message", (c) => assistantMessage(c.env.context, runtime));
  app.all("/api/chat/events", (c) => events(c.env.context, runtime));
  app.get("/api/chat/message", (c) => getMessage(c.env.context, runtime));
  app.get("/api/chat/models", () => listModels(runtime));
  app.notFound(() => emptyReply(404));
  app.onError(() => internalError());
  return app;
}
