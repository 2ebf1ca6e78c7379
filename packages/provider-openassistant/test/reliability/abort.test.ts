// Abort at random points across 1,000 chats against one reference server: before the first
// request, while each of the five requests is in flight (a `delay` fault on every route widens
// the windows), and mid-stream (abort, or a plain `break`). Nothing may be left behind: no
// unhandled rejection, no open stream or socket, no timer, no chat.
import { closeHttpConnections, type DebugEvent, G4FError, streamChat } from "@g4f/core";
import type { RunningOpenAssistantServer } from "@g4f/openassistant-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAssistant, type OpenAssistantOptions } from "../../src/index.js";
import { startServer, TOKEN } from "../support/server.js";
import { countResources, grownResources, settle, watchRejections } from "./support/process-watch.js";
import { seededRandom } from "./support/seeded-random.js";

const RUNS = 1_000;
const CONCURRENCY = 10;
const points = [
  "before",
  "create",
  "prompter",
  "assistant",
  "events",
  "delete",
  "midStream",
  "break",
] as const;
type Point = (typeof points)[number];

function stepOf(event: DebugEvent): Point | undefined {
  if (event.type !== "request" || event.url === undefined) return undefined;
  const path = new URL(event.url).pathname;
  if (path === "/api/chat") return event.method === "DELETE" ? "delete" : "create";
  if (path.endsWith("/prompter_message")) return "prompter";
  if (path.endsWith("/assistant_message")) return "assistant";
  if (path.endsWith("/events")) return "events";
  return undefined;
}

interface RunResult {
  point: Point;
  outcome: "completed" | "aborted" | "stopped";
  requests: number;
}

let server: RunningOpenAssistantServer;

beforeAll(async () => {
  server = await startServer({ answerTokens: 6 });
  // Every request waits a little before it is answered, so an abort lands while it is in flight.
  server.addFault({ route: "*", action: { type: "delay", ms: 3 } });
});

afterAll(async () => {
  await closeHttpConnections();
  await server?.close();
});

async function runOnce(seed: number): Promise<RunResult> {
  const random = seededRandom(seed);
  const point = random.pick(points);
  const controller = new AbortController();
  const reason = new Error(`stop ${seed}`);
  // 0: abort synchronously, as the request starts; else a little later, while it waits.
  const lag = random.int(6);
  const abort = (): void => {
    if (lag === 0) controller.abort(reason);
    else setTimeout(() => controller.abort(reason), lag);
  };
  const stopAt = 1 + random.int(3);
  let requests = 0;
  if (point === "before") controller.abort(reason);
  const stream = streamChat(OpenAssistant, `run ${seed}`, {
    baseUrl: server.url,
    cookies: { "next-auth.session-token": TOKEN },
    proxy: null,
    signal: controller.signal,
    onDebug: (event: DebugEvent) => {
      const step = stepOf(event);
      if (step !== undefined) requests++;
      if (step === point) abort();
    },
  } as OpenAssistantOptions);
  let texts = 0;
  try {
    for await (const part of stream.parts()) {
      if (typeof part !== "string") continue;
      texts++;
      if (point === "midStream" && texts === stopAt) abort();
      if (point === "break" && texts === stopAt) return { point, outcome: "stopped", requests };
    }
    return { point, outcome: "completed", requests };
  } catch (error) {
    // An abort must surface as the typed AbortError carrying our reason, nothing else.
    expect(G4FError.isInstance(error), `run ${seed} (${point}): ${String(error)}`).toBe(true);
    expect((error as G4FError).code).toBe("ABORTED");
    expect((error as G4FError).cause).toBe(reason);
    return { point, outcome: "aborted", requests };
  }
}

describe("abort at random points, 1,000 runs", () => {
  it("leaves no unhandled rejection, open stream, socket, timer or chat", async () => {
    const rejections = watchRejections();
    await settle();
    const before = countResources();
    const results: RunResult[] = [];
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < RUNS) results.push(await runOnce(0x5eed0000 + next++));
        }),
      );
      await server.waitForIdle({ timeoutMs: 10_000 });
      // A lagged abort of a run that had already finished is still due; let it fire.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      rejections.stop();
    }

    expect(rejections.reasons).toEqual([]);
    expect(server.state.openStreams).toBe(0);
    expect(server.state.aliveChats()).toEqual([]);
    expect(server.state.chatsDeleted.length).toBe(server.state.chatsCreated.length);

    // Every kind of point was hit, and the aborts really cut runs short.
    const byPoint = (point: Point) => results.filter((result) => result.point === point);
    expect(results).toHaveLength(RUNS);
    for (const point of points) expect(byPoint(point).length).toBeGreaterThan(50);
    expect(byPoint("before").every((result) => result.outcome === "aborted" && result.requests === 0)).toBe(
      true,
    );
    for (const point of ["create", "prompter", "assistant", "events", "midStream"] as const) {
      expect(byPoint(point).filter((result) => result.outcome === "aborted").length).toBeGreaterThan(0);
    }

    // Client side: once idle keep-alive connections are closed, nothing of ours stays open.
    await closeHttpConnections();
    let grown = grownResources(before, countResources(), ["TCPSocketWrap", "Timeout"]);
    for (let attempt = 0; attempt < 100 && Object.keys(grown).length > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      grown = grownResources(before, countResources(), ["TCPSocketWrap", "Timeout"]);
    }
    expect(grown).toEqual({});
  });
});
