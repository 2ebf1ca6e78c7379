import type { RouteName } from "../fault-types.js";

/** The route a request is for (4.3), or `undefined` when the website had none (`404` empty). */
export function routeName(method: string, pathname: string, hasChatId: boolean): RouteName | undefined {
  switch (pathname) {
    case "/api/chat":
      if (method === "POST") return "chat.create";
      if (method === "GET") return hasChatId ? "chat.get" : "chat.list";
      if (method === "DELETE") return "chat.delete";
      if (method === "PUT") return "chat.update";
      return undefined;
    case "/api/chat/prompter_message":
      return "prompter_message";
    case "/api/chat/assistant_message":
      return "assistant_message";
    case "/api/chat/events":
      return "events";
    case "/api/chat/message":
      return method === "GET" ? "message" : undefined;
    case "/api/chat/models":
      return method === "GET" ? "models" : undefined;
    default:
      return undefined;
  }
}
