// Goal 3: a long answer (100,000 tokens) through the provider vs the hand-written fetch baseline,
// against the reference server in a child process: tokens per second, and RSS growth over the
// stream (memory must stay flat: the reader must not keep what it already handed out).
import { compareAlternating } from "../harness/compare.js";
import { makeRow } from "../harness/row.js";
import { startRssSampler } from "../harness/rss-sampler.js";
import { median } from "../harness/stats.js";
import { now } from "../harness/timing.js";
import { BENCH_MODEL, BENCH_TOKEN } from "../support/open-assistant-bench.js";
import { plainChat } from "../support/plain-chat.js";
import { providerChat } from "../support/provider-chat.js";
import { startServerProcess } from "../support/server-process.js";

const TOKENS = 100_000;
const MB = 1024 * 1024;

/** One long stream; returns tokens per second and records the RSS growth over it. */
async function timeStream(run, growths) {
  const sampler = startRssSampler({ intervalMs: 10 });
  const start = now();
  const result = await run();
  const elapsed = now() - start;
  growths.push(sampler.stop().growth);
  if (result.tokens !== TOKENS)
    throw new Error(`the stream gave ${result.tokens} tokens, expected ${TOKENS}`);
  return (result.tokens / elapsed) * 1000;
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "stream",
  title: "a 100,000-token answer: provider vs hand-written fetch, tokens/s and RSS growth",
  goal: "tokens/s ratio ≥ 0.90; RSS growth < 10 MB",
  timeoutMs: 180_000,
  async run(context) {
    const server = await startServerProcess({
      tokens: [BENCH_TOKEN],
      tokensPerSecond: 0,
      answerTokens: TOKENS,
    });
    try {
      const options = {
        baseUrl: server.url,
        token: BENCH_TOKEN,
        prompt: "Write a very long story.",
        model: BENCH_MODEL,
        maxNewTokens: TOKENS,
      };
      const growth = { ours: [], baseline: [], warmup: [] };
      const result = await compareAlternating({
        ours: ({ warmup }) => timeStream(() => providerChat(options), warmup ? growth.warmup : growth.ours),
        baseline: ({ warmup }) =>
          timeStream(() => plainChat(options), warmup ? growth.warmup : growth.baseline),
        warmup: 1,
        rounds: context.quick ? 3 : 5,
        progress: context.progress,
        label: "100k-token stream",
      });
      const idle = await server.waitForIdle(30_000);
      if (idle.aliveChats !== 0) throw new Error(`${idle.aliveChats} chats were left undeleted`);
      return [
        makeRow({
          benchmark: "stream",
          figure: "tokens per second (100k-token answer)",
          unit: "tokens/s",
          ours: result.ours,
          baseline: result.baseline,
          goal: { on: "ratio", op: ">=", target: 0.9 },
          details: { oursSamples: result.oursSamples, baselineSamples: result.baselineSamples },
        }),
        makeRow({
          benchmark: "stream",
          figure: "RSS growth over the stream (median of rounds)",
          unit: "MB",
          ours: median(growth.ours) / MB,
          baseline: median(growth.baseline) / MB,
          ratio: null,
          goal: { on: "ours", op: "<", target: 10, unit: "MB" },
          details: {
            oursBytes: growth.ours,
            baselineBytes: growth.baseline,
            worstOursMb: Math.max(...growth.ours) / MB,
          },
        }),
      ];
    } finally {
      await server.close();
    }
  },
};
