// The event-reading half of the hand-written baselines (plain-chat.js, minimal-chat.js): feeds a
// body's bytes to eventsource-parser and counts `token` texts until the final `message` event.
import { createParser } from "eventsource-parser";

/**
 * @param {AsyncIterable<Uint8Array>} body - a fetch body or an undici Node stream body.
 * @param {((text: string) => void) | undefined} onToken
 * @returns {Promise<{ tokens: number, chars: number }>}
 */
export async function readTokens(body, onToken) {
  let tokens = 0;
  let chars = 0;
  let finished = false;
  const parser = createParser({
    onEvent(event) {
      const payload = JSON.parse(event.data);
      if (payload.event_type === "token" && payload.text !== "") {
        tokens++;
        chars += payload.text.length;
        onToken?.(payload.text);
      } else if (payload.event_type === "message") finished = true;
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (finished) break;
  }
  if (!finished) throw new Error("events ended without a message");
  return { tokens, chars };
}
