// Runs N concurrent chats (ours: the provider; baseline: hand-written fetch) in a fresh process, so
// the RSS figures are this run's alone. Usage: node --expose-gc concurrency-child.js
// <ours|baseline|floor> <server url> <chats>. Prints one JSON line on stdout.
import { collectGarbage } from "../harness/gc.js";
import { startRssSampler } from "../harness/rss-sampler.js";
import { now } from "../harness/timing.js";
import { minimalChat } from "./minimal-chat.js";
import { BENCH_MODEL, BENCH_TOKEN } from "./open-assistant-bench.js";
import { plainChat } from "./plain-chat.js";
import { providerChat } from "./provider-chat.js";

const [which, baseUrl, chatsText] = process.argv.slice(2);
const chats = Number(chatsText);
const run = which === "ours" ? providerChat : which === "floor" ? minimalChat : plainChat;
let open = 0;
let peakOpen = 0;
const options = (onToken) => ({
  baseUrl,
  token: BENCH_TOKEN,
  prompt: "Hello there",
  model: BENCH_MODEL,
  onToken,
});

// Warm-up: load and compile everything a chat touches, so the idle figure includes the code
// (concurrently: the server is paced, one chat takes seconds).
await Promise.all(Array.from({ length: 20 }, () => run(options())));
collectGarbage();
await new Promise((resolve) => setTimeout(resolve, 200));
collectGarbage();
const idleRss = process.memoryUsage.rss();
const sampler = startRssSampler({ intervalMs: 10, gcFirst: false });
const start = now();
const outcomes = await Promise.allSettled(
  Array.from({ length: chats }, async () => {
    let counted = false;
    try {
      return await run(
        options(() => {
          if (counted) return;
          counted = true;
          open++;
          if (open > peakOpen) peakOpen = open;
        }),
      );
    } finally {
      if (counted) open--;
    }
  }),
);
const elapsed = now() - start;
const rss = sampler.stop();
const failures = outcomes.filter((outcome) => outcome.status === "rejected");
process.stdout.write(
  `${JSON.stringify({
    which,
    chats,
    completed: outcomes.length - failures.length,
    failed: failures.length,
    firstErrors: [
      ...new Set(failures.map((failure) => String(failure.reason?.message ?? failure.reason))),
    ].slice(0, 3),
    idleRss,
    peakRss: rss.peak,
    peakOpen,
    elapsedMs: elapsed,
  })}\n`,
);
process.exit(0);
