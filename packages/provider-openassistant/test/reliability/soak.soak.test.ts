// Soak (`pnpm test:soak` only): 20,000 chats, 50 at a time, against one reference server, with a
// random fault injected before 5% of them. At the end no chat may be leaked (alive without the
// provider having reported CHAT_NOT_DELETED for it), no stream open and no error unhandled; RSS is
// printed at the start, at its peak and at the end.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { closeHttpConnections, type DebugEvent, G4FError, streamChat } from "@g4f/core";
import type {
  FaultAction,
  FaultRule,
  RouteName,
  RunningOpenAssistantServer,
} from "@g4f/openassistant-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAssistant, type OpenAssistantOptions, type OpenAssistantWarning } from "../../src/index.js";
import { startServer, TOKEN } from "../support/server.js";
import { watchRejections } from "./support/process-watch.js";
import { seededRandom } from "./support/seeded-random.js";

const CHATS = Number(process.env.G4F_SOAK_CHATS ?? 20_000);
const CONCURRENCY = 50;
const FAULT_RATE = 0.05;

// Faults that end a chat in bounded time (a hung create would wait out its 30 s limit).
const faults: ReadonlyArray<{ route: RouteName; action: FaultAction }> = [
  { route: "chat.create", action: { type: "respond", status: 500, body: "Internal Server Error" } },
  { route: "chat.create", action: { type: "respond", status: 403 } },
  { route: "prompter_message", action: { type: "respond", status: 403 } },
  { route: "prompter_message", action: { type: "reset" } },
  { route: "assistant_message", action: { type: "respond", status: 429, headers: { "retry-after": "1" } } },
  { route: "assistant_message", action: { type: "respond", status: 503, body: '{"message":"busy"}' } },
  { route: "assistant_message", action: { type: "hang" } },
  { route: "events", action: { type: "respond", status: 500 } },
  { route: "events", action: { type: "reset" } },
  { route: "events", action: { type: "errorEvent", afterTokens: 2 } },
  { route: "events", action: { type: "drop", afterTokens: 1 } },
  { route: "events", action: { type: "stall", afterTokens: 1 } },
  { route: "events", action: { type: "endWithoutMessage", afterTokens: 2 } },
  { route: "events", action: { type: "malformed", afterTokens: 1 } },
  { route: "events", action: { type: "alreadyFinished" } },
  { route: "events", action: { type: "splitWrites" } },
  { route: "events", action: { type: "lfFraming" } },
  { route: "chat.delete", action: { type: "respond", status: 500 } },
];

let server: RunningOpenAssistantServer;

beforeAll(async () => {
  server = await startServer({ answerTokens: 16, maxRecordedRequests: 1_000 });
});

afterAll(async () => {
  await closeHttpConnections();
  await server?.close();
});

/** A real `gc()`: RSS alone cannot tell a leak from a heap that grew once and stays reserved. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

describe("soak", () => {
  it(`${CHATS} chats, ${FAULT_RATE * 100}% faults, ${CONCURRENCY} at a time`, async () => {
    const random = seededRandom(0x50a4);
    const rejections = watchRejections();
    collectGarbage();
    const heapStart = process.memoryUsage().heapUsed;
    const rss = { start: process.memoryUsage().rss, peak: 0, end: 0 };
    const counts = { completed: 0, failed: 0, faults: 0, untyped: 0 };
    const reported = new Set<string>();
    const started = performance.now();
    let next = 0;
    const runOne = async (index: number): Promise<void> => {
      if (random.chance(FAULT_RATE)) {
        counts.faults++;
        const fault = random.pick(faults);
        server.addFault({ ...fault, times: 1 } satisfies FaultRule);
      }
      try {
        const stream = streamChat(OpenAssistant, `soak chat ${index}`, {
          baseUrl: server.url,
          cookies: { "next-auth.session-token": TOKEN },
          proxy: null,
          timeout: { total: 3_000, betweenChunks: 1_000 },
          onDebug: (_event: DebugEvent) => undefined,
          // Straight into the set: after a timeout the provider may report its delete after the
          // caller already has the error.
          onWarning: (warning: OpenAssistantWarning) => {
            if (warning.code === "CHAT_NOT_DELETED")
              reported.add(String(warning.source).replace(/^chat /, ""));
          },
        } as OpenAssistantOptions);
        for await (const _part of stream.parts()) {
          // read to the end
        }
        counts.completed++;
      } catch (error) {
        counts.failed++;
        if (!G4FError.isInstance(error)) counts.untyped++;
      }
    };
    try {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < CHATS) {
            const index = next++;
            await runOne(index);
            if (index % 200 === 0) rss.peak = Math.max(rss.peak, process.memoryUsage().rss);
          }
        }),
      );
      await server.waitForIdle({ timeoutMs: 30_000 });
    } finally {
      rejections.stop();
    }
    await closeHttpConnections();
    collectGarbage();
    const heapEnd = process.memoryUsage().heapUsed;
    rss.end = process.memoryUsage().rss;
    rss.peak = Math.max(rss.peak, rss.end);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const alive = server.state.aliveChats();
    const leaked = alive.filter((chatId) => !reported.has(chatId));
    console.log(
      `soak: ${CHATS} chats in ${seconds} s; completed ${counts.completed}, failed ${counts.failed} ` +
        `(faults injected ${counts.faults}); alive chats ${alive.length} (reported ${reported.size}, ` +
        `leaked ${leaked.length}); unhandled ${rejections.reasons.length}; ` +
        `RSS start ${megabytes(rss.start)}, peak ${megabytes(rss.peak)}, end ${megabytes(rss.end)}; ` +
        `heap used after gc: start ${megabytes(heapStart)}, end ${megabytes(heapEnd)}`,
    );
    expect(rejections.reasons).toEqual([]);
    expect(counts.untyped).toBe(0);
    expect(counts.completed + counts.failed).toBe(CHATS);
    expect(server.state.openStreams).toBe(0);
    expect(leaked).toEqual([]);
    expect(server.state.chatsCreated.length).toBeGreaterThan(CHATS * 0.9);
  });
});
