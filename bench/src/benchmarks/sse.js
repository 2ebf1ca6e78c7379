// Goal 1: core's readEventStream vs eventsource-parser used bare, over 200,000 Open Assistant
// `token` events fed from memory in random chunk sizes.
import { readEventStream } from "@g4f/core";
import { createParser } from "eventsource-parser";
import { compareAlternating } from "../harness/compare.js";
import { collectGarbage } from "../harness/gc.js";
import { makeRow } from "../harness/row.js";
import { median } from "../harness/stats.js";
import { now } from "../harness/timing.js";
import { splitRandomly, streamFromChunks } from "../support/chunk-stream.js";
import { tokenEvent } from "../support/open-assistant-framing.js";
import { createRandom, words } from "../support/random.js";

const EVENTS = 200_000;

function buildChunks() {
  const random = createRandom(1);
  const parts = [];
  for (let index = 0; index < EVENTS; index++) {
    const word = words[Math.floor(random() * words.length)];
    parts.push(tokenEvent(index === 0 ? word : ` ${word}`));
  }
  const bytes = new TextEncoder().encode(parts.join(""));
  return { bytes, chunks: splitRandomly(bytes, random) };
}

/** Ours: the reader every provider uses. Returns events per second. */
async function readWithCore(chunks) {
  const start = now();
  let count = 0;
  let size = 0;
  for await (const event of readEventStream(streamFromChunks(chunks), { provider: "bench" })) {
    count++;
    size += event.data.length;
  }
  const elapsed = now() - start;
  if (count !== EVENTS || size === 0) throw new Error(`core read ${count} events, expected ${EVENTS}`);
  return (count / elapsed) * 1000;
}

/** Baseline: eventsource-parser fed straight from the body reader, events handled in its callback. */
async function readBare(chunks) {
  const start = now();
  let count = 0;
  let size = 0;
  const parser = createParser({
    onEvent(event) {
      count++;
      size += event.data.length;
    },
  });
  const reader = streamFromChunks(chunks).getReader();
  const decoder = new TextDecoder();
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  parser.feed(decoder.decode());
  const elapsed = now() - start;
  if (count !== EVENTS || size === 0) throw new Error(`bare parser read ${count} events, expected ${EVENTS}`);
  return (count / elapsed) * 1000;
}

/**
 * What limits ours: the bare floor of `for await` itself, 200,000 iterations of an iterator whose
 * `next()` returns an already resolved promise (one microtask, one promise and one result object
 * per event, no parsing). Returns ms per round.
 */
async function forAwaitFloor() {
  let index = 0;
  const iterator = {
    next: () =>
      index < EVENTS
        ? Promise.resolve({ done: false, value: index++ })
        : Promise.resolve({ done: true, value: 0 }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  const start = now();
  let sum = 0;
  for await (const value of iterator) sum += value;
  const elapsed = now() - start;
  if (sum === 0) throw new Error("the floor loop ran no events");
  return elapsed;
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "sse",
  title: "SSE reading: 200,000 token events in random chunks, core's reader vs bare eventsource-parser",
  goal: "throughput ratio ≥ 0.90",
  async run(context) {
    const { bytes, chunks } = buildChunks();
    const floorSamples = [];
    const result = await compareAlternating({
      ours: () => readWithCore(chunks),
      // The for-await floor runs right after each bare round, so both see the same machine state.
      baseline: async ({ warmup }) => {
        const rate = await readBare(chunks);
        collectGarbage();
        const floor = await forAwaitFloor();
        if (!warmup) floorSamples.push(floor);
        return rate;
      },
      warmup: 2,
      rounds: context.quick ? 3 : 9,
      progress: context.progress,
      label: "200k events",
    });
    // The ceiling of any per-event async iterator over the bare parser: bare time + the floor.
    const ceiling = (EVENTS / ((EVENTS / result.baseline) * 1000 + median(floorSamples))) * 1000;
    return [
      makeRow({
        benchmark: "sse",
        figure: "throughput (200k token events)",
        unit: "events/s",
        ours: result.ours,
        baseline: result.baseline,
        goal: { on: "ratio", op: ">=", target: 0.9 },
        details: {
          bytes: bytes.length,
          chunks: chunks.length,
          oursSamples: result.oursSamples,
          baselineSamples: result.baselineSamples,
        },
      }),
      makeRow({
        benchmark: "sse",
        figure: "ceiling: bare parser + one for-await per event",
        unit: "events/s",
        ours: ceiling,
        baseline: result.baseline,
        note: `any async iterator pays ${((median(floorSamples) / EVENTS) * 1e6).toFixed(0)} ns per event in for-await alone; ours reaches ${((result.ours / ceiling) * 100).toFixed(0)}% of this ceiling`,
        details: { forAwaitFloorMs: median(floorSamples), floorSamples },
      }),
    ];
  },
};
