// The floor of goals 2–4: the same five requests with undici's dispatcher.request (no fetch, no
// WHATWG streams, no error handling, timeouts, retries or redaction). What any client built on
// undici pays at least; shown next to the fetch baseline so a figure can be read against both.
import { Agent } from "undici";
import { readTokens } from "./read-tokens.js";

const agent = new Agent({ keepAliveTimeout: 10_000 });

async function postJson(origin, path, cookie, body) {
  const reply = await agent.request({
    origin,
    path,
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (reply.statusCode !== 200) throw new Error(`${path}: HTTP ${reply.statusCode}`);
  return reply.body.json();
}

/**
 * One whole chat: create, prompter message, assistant message, events, delete.
 * @param {{ baseUrl: string, token: string, prompt: string, model: string,
 *   onToken?: (text: string) => void }} options
 * @returns {Promise<{ tokens: number, chars: number }>}
 */
export async function minimalChat(options) {
  const cookie = `next-auth.session-token=${options.token}`;
  const origin = options.baseUrl;
  const chat = await postJson(origin, "/api/chat", cookie);
  let tokens = 0;
  let chars = 0;
  try {
    const prompter = await postJson(origin, "/api/chat/prompter_message", cookie, {
      chat_id: chat.id,
      content: `<s>[INST]\n${options.prompt}\n[/INST]`,
      parent_id: null,
    });
    const assistant = await postJson(origin, "/api/chat/assistant_message", cookie, {
      chat_id: chat.id,
      parent_id: prompter.id,
      model_config_name: options.model,
      sampling_parameters: { top_k: 50, temperature: 0.35, max_new_tokens: 1024 },
      plugins: [],
    });
    const events = await agent.request({
      origin,
      path: `/api/chat/events?chat_id=${chat.id}&message_id=${assistant.id}`,
      method: "POST",
      headers: { cookie, accept: "text/event-stream" },
    });
    ({ tokens, chars } = await readTokens(events.body, options.onToken));
  } finally {
    const reply = await agent.request({
      origin,
      path: `/api/chat?chat_id=${chat.id}`,
      method: "DELETE",
      headers: { cookie },
    });
    await reply.body.dump();
  }
  return { tokens, chars };
}
