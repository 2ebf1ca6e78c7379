// Goal 4: 1,000 concurrent chats through the provider against the reference server (a child
// process): all complete, none left undeleted, and the peak RSS per open stream above the idle
// process. Each side runs in a fresh process (support/concurrency-child.js) so one side's heap
// does not flatter the other; the hand-written fetch baseline is shown for scale.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { makeRow } from "../harness/row.js";
import { BENCH_TOKEN } from "../support/open-assistant-bench.js";
import { startServerProcess } from "../support/server-process.js";

const CHATS = 1_000;
const KB = 1024;
const childFile = fileURLToPath(new URL("../support/concurrency-child.js", import.meta.url));
const run = promisify(execFile);

async function runSide(which, url, chats) {
  const { stdout } = await run(process.execPath, ["--expose-gc", childFile, which, url, String(chats)], {
    maxBuffer: 1024 * 1024,
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "concurrency",
  title: "1,000 concurrent chats: all complete, none left, RSS per open stream",
  goal: "all complete; 0 alive chats; ≤ 64 KB RSS per open stream above idle",
  timeoutMs: 240_000,
  async run(context) {
    const chats = context.quick ? 500 : CHATS;
    // Paced so that every stream is open at once: 30 tokens at 10 per second, about 3 s each.
    const server = await startServerProcess({ tokens: [BENCH_TOKEN], tokensPerSecond: 10, answerTokens: 30 });
    try {
      context.progress.update(`${chats} chats through the provider`);
      const ours = await runSide("ours", server.url, chats);
      const afterOurs = await server.waitForIdle(60_000);
      context.progress.update(`${chats} chats with plain fetch`);
      const baseline = await runSide("baseline", server.url, chats);
      const afterBaseline = await server.waitForIdle(60_000);
      context.progress.update(`${chats} chats with bare undici dispatcher.request (the floor)`);
      const floor = await runSide("floor", server.url, chats);
      await server.waitForIdle(60_000);
      const perStream = (side) => (side.peakRss - side.idleRss) / Math.max(1, side.peakOpen) / KB;
      const note = ours.failed > 0 ? `failures: ${ours.firstErrors.join("; ")}` : undefined;
      return [
        makeRow({
          benchmark: "concurrency",
          figure: `chats completed of ${chats} concurrent`,
          unit: "",
          ours: ours.completed,
          baseline: baseline.completed,
          ratio: null,
          goal: { on: "ours", op: ">=", target: chats },
          ...(note === undefined ? {} : { note }),
          details: { ours, baseline },
        }),
        makeRow({
          benchmark: "concurrency",
          figure: "chats left undeleted on the server",
          unit: "",
          ours: afterOurs.aliveChats,
          baseline: afterBaseline.aliveChats - afterOurs.aliveChats,
          ratio: null,
          goal: { on: "ours", op: "<=", target: 0 },
          details: { afterOurs, afterBaseline },
        }),
        makeRow({
          benchmark: "concurrency",
          figure: `peak RSS per open stream above idle (${ours.peakOpen} open at peak)`,
          unit: "KB",
          ours: perStream(ours),
          baseline: perStream(baseline),
          goal: { on: "ours", op: "<=", target: 64, unit: "KB" },
          details: {
            oursIdleMb: ours.idleRss / KB / KB,
            oursPeakMb: ours.peakRss / KB / KB,
            baselineIdleMb: baseline.idleRss / KB / KB,
            baselinePeakMb: baseline.peakRss / KB / KB,
            baselinePeakOpen: baseline.peakOpen,
          },
        }),
        makeRow({
          benchmark: "concurrency",
          figure: "floor: the same chats with bare undici dispatcher.request",
          unit: "KB",
          ours: perStream(floor),
          baseline: perStream(baseline),
          note: "what a client built on undici pays at least per open stream (no fetch, no error handling)",
          details: { floor },
        }),
      ];
    } finally {
      await server.close();
    }
  },
};
