import { AsyncGeneratorProvider, type Messages, type ProviderClass, type ProviderOptions } from "@g4f/core";
import OpenAI from "openai";
import { afterEach } from "vitest";
import { type RunningApiServer, type StartApiServerOptions, startApiServer } from "../src/index.js";

const running: RunningApiServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close({ graceMs: 0 })));
});

/**
 * Starts the API on 127.0.0.1, port 0; closed after each test.
 * @param options - server options.
 * @returns the server.
 */
export async function startServer(options: StartApiServerOptions = {}): Promise<RunningApiServer> {
  const server = await startApiServer({ port: 0, ...options });
  running.push(server);
  return server;
}

/**
 * The official OpenAI client pointed at a server, without retries.
 * @param server - the server.
 * @param apiKey - the key to send.
 * @returns the client.
 */
export function openai(server: RunningApiServer, apiKey = "sk-test"): OpenAI {
  return new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0 });
}

/** A user message. */
export const hello: Messages = [{ role: "user", content: "Hello" }];

/** A provider whose stream is driven step by step by the test. */
export interface GatedProvider extends ProviderClass {
  /** Resolves when a call has started. */
  started: Promise<void>;
  /** Releases the next token. */
  release(): void;
  /** Times cleanup ran. */
  cleanups: number;
  /** Aborts observed. */
  aborts: number;
}

/**
 * Creates a provider that yields "a", then waits for `release()` before each further token
 * ("b", "c"), honouring its signal.
 * @param name - provider name.
 * @returns the class with its controls.
 */
export function createGatedProvider(name = "Gated"): GatedProvider {
  let markStarted: () => void = () => undefined;
  const waiters: Array<() => void> = [];
  let released = 0;
  const controls = {
    started: new Promise<void>((resolve) => {
      markStarted = resolve;
    }),
    release(): void {
      released++;
      for (const resolve of waiters.splice(0)) resolve();
    },
    cleanups: 0,
    aborts: 0,
  };
  const untilReleased = (count: number, signal: AbortSignal | undefined): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (released >= count) resolve();
        else waiters.push(check);
      };
      signal?.addEventListener(
        "abort",
        () => {
          (Gated as unknown as { aborts: number }).aborts++;
          reject(signal.reason);
        },
        { once: true },
      );
      check();
    });
  class Gated extends AsyncGeneratorProvider {
    static readonly url = "https://gated.invalid";
    static readonly label = "Gated";
    static readonly working = true;
    static readonly needsAuth = false;
    static readonly model = "gated-1";
    static override providerName = name;
    async *createAsyncGenerator(_model: string, _messages: Messages, options: ProviderOptions) {
      markStarted();
      try {
        yield "a";
        await untilReleased(1, options.signal);
        yield "b";
        await untilReleased(2, options.signal);
        yield "c";
      } finally {
        (Gated as unknown as { cleanups: number }).cleanups++;
      }
    }
  }
  return Object.assign(Gated, controls) as unknown as GatedProvider;
}
