// Goal 5: the OpenAI-compatible API server: 200 concurrent streaming completions with the `openai`
// client through API → provider → reference server (a child process), vs the same 200 chats with
// the provider called directly in this process. Throughput (completions/s) and p99 latency.
import { startApiServer } from "@g4f/api";
import { OpenAssistant } from "@g4f/provider-openassistant";
import OpenAI from "openai";
import { compareAlternating } from "../harness/compare.js";
import { makeRow } from "../harness/row.js";
import { median, percentile } from "../harness/stats.js";
import { now } from "../harness/timing.js";
import { BENCH_MODEL, BENCH_TOKEN } from "../support/open-assistant-bench.js";
import { providerChat } from "../support/provider-chat.js";
import { startServerProcess } from "../support/server-process.js";

const CONCURRENT = 200;
const TOKENS = 64;
const PROMPT = "Name three parrots.";

/** Runs `one` CONCURRENT times at once; returns completions per second and records latencies. */
async function timeBatch(one, latencies) {
  const start = now();
  const results = await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      const begin = now();
      const tokens = await one();
      latencies.push(now() - begin);
      return tokens;
    }),
  );
  const elapsed = now() - start;
  const short = results.filter((tokens) => tokens !== TOKENS).length;
  if (short > 0) throw new Error(`${short} completions did not carry ${TOKENS} tokens`);
  return (CONCURRENT / elapsed) * 1000;
}

/** One streaming completion through the API with the openai client; returns the text chunks seen. */
async function viaApi(client) {
  const stream = await client.chat.completions.create({
    model: `OpenAssistant:${BENCH_MODEL}`,
    messages: [{ role: "user", content: PROMPT }],
    stream: true,
  });
  let chunks = 0;
  for await (const chunk of stream) if ((chunk.choices[0]?.delta?.content ?? "") !== "") chunks++;
  return chunks;
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "api",
  title: "200 concurrent streaming completions: openai client → API → provider vs provider in-process",
  goal: "throughput ratio ≥ 0.80; p99 latency reported",
  timeoutMs: 180_000,
  async run(context) {
    const server = await startServerProcess({
      tokens: [BENCH_TOKEN],
      tokensPerSecond: 0,
      answerTokens: TOKENS,
    });
    const providerOptions = { baseUrl: server.url, cookies: { "next-auth.session-token": BENCH_TOKEN } };
    const api = await startApiServer({
      port: 0,
      providers: [OpenAssistant],
      providerOptions: { OpenAssistant: providerOptions },
    });
    try {
      const client = new OpenAI({ baseURL: `${api.url}/v1`, apiKey: "unused", maxRetries: 0 });
      const direct = { baseUrl: server.url, token: BENCH_TOKEN, prompt: PROMPT };
      const latency = { ours: [], baseline: [], warmup: [] };
      const result = await compareAlternating({
        ours: ({ warmup }) => timeBatch(() => viaApi(client), warmup ? latency.warmup : latency.ours),
        baseline: ({ warmup }) =>
          timeBatch(
            async () => (await providerChat(direct)).tokens,
            warmup ? latency.warmup : latency.baseline,
          ),
        warmup: 2,
        rounds: context.quick ? 3 : 7,
        progress: context.progress,
        label: `${CONCURRENT} concurrent`,
      });
      const idle = await server.waitForIdle(30_000);
      if (idle.aliveChats !== 0) throw new Error(`${idle.aliveChats} chats were left undeleted`);
      return [
        makeRow({
          benchmark: "api",
          figure: `throughput, ${CONCURRENT} concurrent streams (${TOKENS} tokens)`,
          unit: "completions/s",
          ours: result.ours,
          baseline: result.baseline,
          goal: { on: "ratio", op: ">=", target: 0.8 },
          details: { oursSamples: result.oursSamples, baselineSamples: result.baselineSamples },
        }),
        makeRow({
          benchmark: "api",
          figure: "p99 latency of one completion",
          unit: "ms",
          ours: percentile(latency.ours, 99),
          baseline: percentile(latency.baseline, 99),
          details: {
            oursMedianMs: median(latency.ours),
            baselineMedianMs: median(latency.baseline),
            samplesEach: latency.ours.length,
          },
        }),
      ];
    } finally {
      await api.close();
      await server.close();
    }
  },
};
