// Goal 2: one whole chat (create, prompter, assistant, events with 64 tokens, delete) through the
// provider against the reference server (in a child process, no generation delay), vs the same
// five requests hand-written with the global fetch. Also counts connections opened per chat.
import { compareAlternating } from "../harness/compare.js";
import { makeRow } from "../harness/row.js";
import { median } from "../harness/stats.js";
import { now } from "../harness/timing.js";
import { countConnections } from "../support/connection-counter.js";
import { BENCH_MODEL, BENCH_TOKEN } from "../support/open-assistant-bench.js";
import { plainChat } from "../support/plain-chat.js";
import { providerChat } from "../support/provider-chat.js";
import { startServerProcess } from "../support/server-process.js";

const TOKENS = 64;
const CHATS_PER_ROUND = 40;
const PROMPT = "Tell me about the parrots of the Amazon.";

/**
 * Runs CHATS_PER_ROUND chats one after another; returns the median ms per chat and the
 * connections opened during the round.
 */
async function timeChats(run, connections, counts) {
  const before = connections.count();
  const times = [];
  for (let index = 0; index < CHATS_PER_ROUND; index++) {
    const start = now();
    const result = await run();
    times.push(now() - start);
    if (result.tokens !== TOKENS) throw new Error(`a chat gave ${result.tokens} tokens, expected ${TOKENS}`);
  }
  counts.push((connections.count() - before) / CHATS_PER_ROUND);
  return median(times);
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "chat",
  title: "one whole chat (5 requests, 64 tokens): provider vs hand-written fetch",
  goal: "median time ratio ≤ 1.10; ≤ 1 connection per chat after warm-up",
  timeoutMs: 120_000,
  async run(context) {
    const server = await startServerProcess({
      tokens: [BENCH_TOKEN],
      tokensPerSecond: 0,
      answerTokens: TOKENS,
    });
    const connections = countConnections();
    try {
      const options = { baseUrl: server.url, token: BENCH_TOKEN, prompt: PROMPT, model: BENCH_MODEL };
      const oursConnections = [];
      const baselineConnections = [];
      const warm = { ours: [], baseline: [] };
      const result = await compareAlternating({
        // Connection counts of the warm-up rounds go to `warm`, not to the figures.
        ours: ({ warmup }) =>
          timeChats(() => providerChat(options), connections, warmup ? warm.ours : oursConnections),
        baseline: ({ warmup }) =>
          timeChats(() => plainChat(options), connections, warmup ? warm.baseline : baselineConnections),
        warmup: 2,
        rounds: context.quick ? 3 : 9,
        progress: context.progress,
        label: `${CHATS_PER_ROUND} chats`,
      });
      const idle = await server.waitForIdle(30_000);
      if (idle.aliveChats !== 0) throw new Error(`${idle.aliveChats} chats were left undeleted`);
      const perChat = Math.max(...oursConnections);
      return [
        makeRow({
          benchmark: "chat",
          figure: "time per chat (64 tokens)",
          unit: "ms",
          ours: result.ours,
          baseline: result.baseline,
          goal: { on: "ratio", op: "<=", target: 1.1 },
          details: {
            chatsPerRound: CHATS_PER_ROUND,
            oursSamples: result.oursSamples,
            baselineSamples: result.baselineSamples,
            chatsCreated: idle.chatsCreated,
            chatsDeleted: idle.chatsDeleted,
          },
        }),
        makeRow({
          benchmark: "chat",
          figure: "connections opened per chat, after warm-up (worst round)",
          unit: "",
          ours: perChat,
          baseline: Math.max(...baselineConnections),
          ratio: null,
          goal: { on: "ours", op: "<=", target: 1 },
          details: {
            oursPerRound: oursConnections,
            baselinePerRound: baselineConnections,
            warmUp: warm,
          },
        }),
      ];
    } finally {
      connections.stop();
      await server.close();
    }
  },
};
