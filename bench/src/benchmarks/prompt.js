// Goal 7: formatPrompt over a 1,000-message history vs a naive `Role: content` join.
import { formatPrompt } from "@g4f/core";
import { compareAlternating } from "../harness/compare.js";
import { makeRow } from "../harness/row.js";
import { now } from "../harness/timing.js";
import { createRandom, randomWords } from "../support/random.js";

const MESSAGES = 1_000;
const CALLS_PER_ROUND = 100;

function buildHistory() {
  const random = createRandom(7);
  const messages = [{ role: "system", content: "You are a helpful assistant. Answer briefly." }];
  for (let index = 1; index < MESSAGES; index++) {
    const lines = 1 + Math.floor(random() * 3);
    const content = Array.from({ length: lines }, () => randomWords(random, 5 + Math.floor(random() * 40)));
    messages.push({ role: index % 2 === 1 ? "user" : "assistant", content: content.join("\n") });
  }
  return messages;
}

/** The baseline: what anyone would write first, without g4f's rules (blank skipping, capitalize). */
function naiveJoin(messages) {
  return `${messages.map((message) => `${message.role[0].toUpperCase()}${message.role.slice(1)}: ${message.content}`).join("\n")}\nAssistant:`;
}

/** Runs `format` CALLS_PER_ROUND times; returns microseconds per call. */
function timeCalls(format, messages) {
  let length = 0;
  const start = now();
  for (let index = 0; index < CALLS_PER_ROUND; index++) length += format(messages).length;
  const elapsed = now() - start;
  if (length === 0) throw new Error("empty prompt");
  return (elapsed / CALLS_PER_ROUND) * 1000;
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "prompt",
  title: "formatPrompt over 1,000 messages vs a naive join",
  goal: "time ratio ≤ 1.5",
  async run(context) {
    const messages = buildHistory();
    if (formatPrompt(messages) !== naiveJoin(messages)) {
      throw new Error("formatPrompt and the naive join disagree on the benchmark history");
    }
    const result = await compareAlternating({
      ours: () => timeCalls(formatPrompt, messages),
      baseline: () => timeCalls(naiveJoin, messages),
      warmup: 3,
      rounds: context.quick ? 5 : 15,
      progress: context.progress,
      label: `${CALLS_PER_ROUND} calls`,
    });
    return [
      makeRow({
        benchmark: "prompt",
        figure: "time per call (1,000 messages)",
        unit: "µs",
        ours: result.ours,
        baseline: result.baseline,
        goal: { on: "ratio", op: "<=", target: 1.5 },
        details: {
          promptChars: naiveJoin(messages).length,
          oursSamples: result.oursSamples,
          baselineSamples: result.baselineSamples,
        },
      }),
    ];
  },
};
