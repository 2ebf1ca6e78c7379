// Goal 1: core's SSE reader (readEventBatches, the one the Open Assistant provider uses) vs
// eventsource-parser used bare, over 200,000 Open Assistant `token` events fed from memory in
// random chunk sizes. readEventStream, the per-event reader, is measured too, as info.
import { readEventBatches, readEventStream } from "@g4f/core";
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

/** Ours: the batch reader, as the Open Assistant provider reads its answer. Returns events per second. */
async function readWithBatches(chunks) {
  const start = now();
  let count = 0;
  let size = 0;
  for await (const events of readEventBatches(streamFromChunks(chunks), { provider: "bench" })) {
    for (const event of events) {
      count++;
      size += event.data.length;
    }
  }
  const elapsed = now() - start;
  if (count !== EVENTS || size === 0)
    throw new Error(`batch reader read ${count} events, expected ${EVENTS}`);
  return (count / elapsed) * 1000;
}

/** Info: the per-event reader, one `for await` step per event. Returns events per second. */
async function readWithEventStream(chunks) {
  const start = now();
  let count = 0;
  let size = 0;
  for await (const event of readEventStream(streamFromChunks(chunks), { provider: "bench" })) {
    count++;
    size += event.data.length;
  }
  const elapsed = now() - start;
  if (count !== EVENTS || size === 0)
    throw new Error(`event reader read ${count} events, expected ${EVENTS}`);
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

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "sse",
  title: "SSE reading: 200,000 token events in random chunks, core's batch reader vs bare eventsource-parser",
  goal: "throughput ratio ≥ 0.90",
  async run(context) {
    const { bytes, chunks } = buildChunks();
    const perEventSamples = [];
    const result = await compareAlternating({
      ours: () => readWithBatches(chunks),
      // The per-event reader runs right after each bare round, so both see the same machine state.
      baseline: async ({ warmup }) => {
        const rate = await readBare(chunks);
        collectGarbage();
        const perEvent = await readWithEventStream(chunks);
        if (!warmup) perEventSamples.push(perEvent);
        return rate;
      },
      warmup: 2,
      rounds: context.quick ? 3 : 9,
      progress: context.progress,
      label: "200k events",
    });
    const perEvent = median(perEventSamples);
    const nsPerEvent = (rate) => 1e9 / rate;
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
        figure: "readEventStream: one for-await per event",
        unit: "events/s",
        ours: perEvent,
        baseline: result.baseline,
        note: `readEventStream ${nsPerEvent(perEvent).toFixed(0)} ns per event, readEventBatches ${nsPerEvent(result.ours).toFixed(0)} ns, the bare parser ${nsPerEvent(result.baseline).toFixed(0)} ns (${chunks.length} chunks, ${(EVENTS / chunks.length).toFixed(0)} events per chunk on average)`,
        details: { perEventSamples },
      }),
    ];
  },
};
