// The baseline of goals 2 and 3: the same five requests the provider makes, written by hand with
// the global fetch and eventsource-parser, with no error mapping, retries, timeouts or redaction.
import { readTokens } from "./read-tokens.js";

const SAMPLING = {
  top_k: 50,
  top_p: null,
  typical_p: null,
  temperature: 0.35,
  repetition_penalty: 1.1111111111111112,
  max_new_tokens: 1024,
};

async function postJson(url, cookie, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * One whole chat: create, prompter message, assistant message, events, delete.
 * @param {{ baseUrl: string, token: string, prompt: string, model: string, maxNewTokens?: number,
 *   onToken?: (text: string) => void }} options
 * @returns {Promise<{ tokens: number, chars: number }>}
 */
export async function plainChat(options) {
  const cookie = `next-auth.session-token=${options.token}`;
  const base = options.baseUrl;
  const chat = await postJson(`${base}/api/chat`, cookie);
  let tokens = 0;
  let chars = 0;
  try {
    const prompter = await postJson(`${base}/api/chat/prompter_message`, cookie, {
      chat_id: chat.id,
      content: `<s>[INST]\n${options.prompt}\n[/INST]`,
      parent_id: null,
    });
    const assistant = await postJson(`${base}/api/chat/assistant_message`, cookie, {
      chat_id: chat.id,
      parent_id: prompter.id,
      model_config_name: options.model,
      sampling_parameters: { ...SAMPLING, max_new_tokens: options.maxNewTokens ?? SAMPLING.max_new_tokens },
      plugins: [],
    });
    const events = await fetch(`${base}/api/chat/events?chat_id=${chat.id}&message_id=${assistant.id}`, {
      method: "POST",
      headers: { cookie, accept: "text/event-stream" },
    });
    if (!events.ok || events.body === null) throw new Error(`events: HTTP ${events.status}`);
    ({ tokens, chars } = await readTokens(events.body, options.onToken));
  } finally {
    const response = await fetch(`${base}/api/chat?chat_id=${chat.id}`, {
      method: "DELETE",
      headers: { cookie },
    });
    await response.arrayBuffer();
  }
  return { tokens, chars };
}
