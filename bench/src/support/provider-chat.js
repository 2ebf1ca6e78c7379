// Ours for goals 2–4: one chat through @g4f/provider-openassistant, as a user would call it.
import { streamChat } from "@g4f/core";
import { register } from "@g4f/provider-openassistant";

register();

/**
 * @param {{ baseUrl: string, token: string, prompt: string, maxNewTokens?: number,
 *   onToken?: (text: string) => void }} options
 * @returns {Promise<{ tokens: number, chars: number }>}
 */
export async function providerChat(options) {
  let tokens = 0;
  let chars = 0;
  const stream = streamChat("OpenAssistant", options.prompt, {
    baseUrl: options.baseUrl,
    cookies: { "next-auth.session-token": options.token },
    ...(options.maxNewTokens === undefined ? {} : { maxNewTokens: options.maxNewTokens }),
  });
  for await (const text of stream) {
    tokens++;
    chars += text.length;
    options.onToken?.(text);
  }
  return { tokens, chars };
}
