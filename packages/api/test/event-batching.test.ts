import { AsyncGeneratorProvider, type Messages, type ProviderClass } from "@g4f/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChatTarget } from "../src/catalog/resolve-target.js";
import { ChatRun } from "../src/chat/chat-run.js";
import { createChunk, createCompletionHeader } from "../src/chat/completion-objects.js";
import { createEventStream } from "../src/chat/create-event-stream.js";
import { createGatedProvider, hello } from "./helpers.js";

/** A provider that yields `count` tokens with no wait between them, as a parsed network read does. */
function burstProvider(tokens: readonly string[]): ProviderClass {
  return class Burst extends AsyncGeneratorProvider {
    static readonly url = "https://burst.invalid";
    static readonly label = "Burst";
    static readonly working = true;
    static readonly needsAuth = false;
    static readonly model = "burst-1";
    static override providerName = "Burst";
    async *createAsyncGenerator(_model: string, _messages: Messages) {
      yield* tokens;
    }
  };
}

function target(providerClass: ProviderClass): ChatTarget {
  const model = (providerClass as unknown as { model: string }).model;
  return {
    entry: { name: "Test", providerClass, options: {}, usable: true, models: [model] },
    model,
  };
}

/** Starts a stream over `providerClass` and returns its reader and the header used. */
function open(providerClass: ProviderClass, includeUsage = false) {
  const run = new ChatRun(target(providerClass), hello, {}, []);
  const header = createCompletionHeader("Burst", "burst-1");
  const stream = createEventStream(run, {
    header,
    head: undefined,
    includeUsage,
    usage: () => ({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }),
    toError: (error) => {
      throw new Error("no error expected", { cause: error });
    },
    onEnd: () => undefined,
  });
  return { reader: stream.getReader(), header };
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  while (true) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value));
  }
}

describe("the SSE body of a streamed completion", () => {
  it("sends tokens the provider already holds in one write, with the same events as one per token", async () => {
    const tokens = Array.from({ length: 200 }, (_, index) => `t${index} "q" ü\n`);
    const { reader, header } = open(burstProvider(tokens), true);
    const chunks = await readAll(reader);
    // Role chunk, a handful of batches, finish, usage, [DONE]: far fewer writes than 200 tokens.
    expect(chunks.length).toBeLessThan(20);
    const expected = [
      createChunk(header, { role: "assistant", content: "" }, null, null),
      ...tokens.map((text) => createChunk(header, { content: text }, null, null)),
      createChunk(header, {}, "stop", null),
      createChunk(header, null, null, { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }),
    ]
      .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
      .join("");
    expect(chunks.join("")).toBe(`${expected}data: [DONE]\n\n`);
  });

  it("does not hold a token back waiting for more", async () => {
    const Gated = createGatedProvider();
    const { reader } = open(Gated);
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain('"role":"assistant"');
    expect(decoder.decode((await reader.read()).value)).toContain('"content":"a"');
    // "b" waits for release(); it must arrive alone, before anything else is released.
    const next = reader.read();
    Gated.release();
    const second = decoder.decode((await next).value);
    expect(second).toContain('"content":"b"');
    expect(second.match(/^data: /gm)).toHaveLength(1);
    await reader.cancel();
  });

  it("writes each text chunk byte for byte as stringifying the whole chunk would", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 8 }),
        async (texts) => {
          const tokens = texts.filter((text) => text !== "");
          const { reader, header } = open(burstProvider(tokens));
          const body = (await readAll(reader)).join("");
          for (const text of tokens)
            expect(body).toContain(
              `data: ${JSON.stringify(createChunk(header, { content: text }, null))}\n\n`,
            );
        },
      ),
      { numRuns: 50 },
    );
  });
});
