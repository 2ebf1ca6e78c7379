// Goal 5: the OpenAI-compatible API server: 200 concurrent streaming completions with the `openai`
// client (in a load-generator child process) through API (this process) → provider → reference
// server (another child), vs the same 200 chats with the provider called directly in this
// process. Throughput (completions/s) and p99 latency.
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { startApiServer } from "@g4f/api";
import { OpenAssistant } from "@g4f/provider-openassistant";
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

/** CPU ms this process used since `since` (a `process.cpuUsage()`), per completion of a batch. */
function cpuPerCompletion(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 / CONCURRENT;
}

/** Runs `one` CONCURRENT times at once here; returns completions per second and records latencies and CPU. */
async function timeBatch(one, latencies, cpu) {
  const cpuStart = process.cpuUsage();
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
  cpu?.push(cpuPerCompletion(cpuStart));
  const short = results.filter((tokens) => tokens !== TOKENS).length;
  if (short > 0) throw new Error(`${short} completions did not carry ${TOKENS} tokens`);
  return (CONCURRENT / elapsed) * 1000;
}

const loadChildFile = fileURLToPath(new URL("../support/openai-load-child.js", import.meta.url));

/** Starts the openai-client load generator; `batch()` runs CONCURRENT completions through it. */
async function startLoadGenerator(apiUrl) {
  const child = fork(loadChildFile, [apiUrl, `OpenAssistant:${BENCH_MODEL}`, PROMPT], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    execArgv: [],
  });
  const waiting = new Map();
  let nextId = 1;
  await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the load generator exited with code ${code}`)));
    child.on("message", (message) => {
      if (message.type === "ready") resolve();
      const pending = waiting.get(message.id);
      if (pending === undefined) return;
      waiting.delete(message.id);
      if (message.ok) pending.resolve(message);
      else pending.reject(new Error(`load generator: ${message.error}`));
    });
  });
  return {
    batch: () =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        child.send({ id, concurrent: CONCURRENT });
      }),
    close: () => {
      child.disconnect();
    },
  };
}

/** One batch through the API; returns completions per second and records latencies. */
async function timeApiBatch(load, latencies, cpu) {
  const cpuStart = process.cpuUsage();
  const result = await load.batch();
  cpu?.api.push(cpuPerCompletion(cpuStart));
  cpu?.client.push(result.cpuMs / CONCURRENT);
  latencies.push(...result.latencies);
  const short = result.chunks.filter((chunks) => chunks !== TOKENS).length;
  if (short > 0) throw new Error(`${short} completions through the API did not carry ${TOKENS} tokens`);
  return (CONCURRENT / result.elapsedMs) * 1000;
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
    const load = await startLoadGenerator(api.url);
    try {
      const direct = { baseUrl: server.url, token: BENCH_TOKEN, prompt: PROMPT };
      const latency = { ours: [], baseline: [], warmup: [] };
      // CPU per completion of each busy process, measured rounds only: on 2 cores the openai
      // client's own process competes with the API server for the CPU the direct run has alone.
      const cpu = { api: [], client: [], direct: [] };
      const result = await compareAlternating({
        ours: ({ warmup }) =>
          timeApiBatch(load, warmup ? latency.warmup : latency.ours, warmup ? undefined : cpu),
        baseline: ({ warmup }) =>
          timeBatch(
            async () => (await providerChat(direct)).tokens,
            warmup ? latency.warmup : latency.baseline,
            warmup ? undefined : cpu.direct,
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
        makeRow({
          benchmark: "api",
          figure: "CPU per completion: API server process vs provider in-process",
          unit: "ms",
          ours: median(cpu.api),
          baseline: median(cpu.direct),
          note: `the openai client's process used ${median(cpu.client).toFixed(2)} ms of CPU per completion besides, on the same ${availableParallelism()} cores`,
          details: cpu,
        }),
      ];
    } finally {
      load.close();
      await api.close();
      await server.close();
    }
  },
};
