// Shared set-up for the provider's tests: the reference server on 127.0.0.1:0 and a helper that
// runs one chat and collects everything it produced.
import { type DebugEvent, type ResponsePart, streamChat } from "@g4f/core";
import {
  type RunningOpenAssistantServer,
  type StartOpenAssistantServerOptions,
  startOpenAssistantServer,
} from "@g4f/openassistant-server";
import { OpenAssistant, type OpenAssistantOptions, type OpenAssistantWarning } from "../../src/index.js";

/** A session token with a non-ASCII byte, to prove cookie bytes arrive intact. */
export const TOKEN = "provider-test-session-\u00e9\u00ff";

/** Starts the reference server with test-friendly defaults (unpaced, short answers). */
export function startServer(
  options: StartOpenAssistantServerOptions = {},
): Promise<RunningOpenAssistantServer> {
  return startOpenAssistantServer({
    tokens: [TOKEN],
    tokensPerSecond: 0,
    answerTokens: 8,
    pingIntervalMs: 0,
    ...options,
  });
}

/** Everything one chat produced. */
export interface ChatOutcome {
  text: string;
  parts: Array<string | ResponsePart>;
  error: unknown;
  debug: DebugEvent[];
  warnings: OpenAssistantWarning[];
}

/**
 * Runs one chat through the provider against `server` and never throws: the error, if any, is
 * in the outcome. Waits for the server to be idle, so the chat's delete has happened.
 */
export async function runChat(
  server: RunningOpenAssistantServer,
  prompt: string | Array<{ role: string; content: string }> = "Hello",
  options: Partial<OpenAssistantOptions> & { stopAfter?: number; onText?: (soFar: string) => void } = {},
): Promise<ChatOutcome> {
  const { stopAfter, onText, ...rest } = options;
  const outcome: ChatOutcome = { text: "", parts: [], error: undefined, debug: [], warnings: [] };
  try {
    const stream = streamChat(
      OpenAssistant,
      prompt as string,
      {
        baseUrl: server.url,
        cookies: { "next-auth.session-token": TOKEN },
        proxy: null,
        onDebug: (event) => outcome.debug.push(event),
        onWarning: (warning: OpenAssistantWarning) => outcome.warnings.push(warning),
        ...rest,
      } as OpenAssistantOptions,
    );
    let texts = 0;
    for await (const part of stream.parts()) {
      outcome.parts.push(part);
      if (typeof part === "string") {
        outcome.text += part;
        onText?.(outcome.text);
        texts++;
        if (stopAfter !== undefined && texts >= stopAfter) break;
      }
    }
  } catch (error) {
    outcome.error = error;
  }
  await server.waitForIdle({ timeoutMs: 10_000 });
  return outcome;
}
