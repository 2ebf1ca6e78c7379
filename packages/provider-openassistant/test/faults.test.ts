// Every step of the flow failing in every way the reference server can fail it: the provider ends
// with the right typed error in bounded time, deletes the chat whenever it was created, and never
// shows the session token.
import {
  G4FError,
  InvalidResponseError,
  MissingAuthError,
  ModelNotSupportedError,
  NetworkError,
  RateLimitError,
  ResponseStatusError,
  StreamError,
} from "@g4f/core";
import type { FaultRule, RunningOpenAssistantServer } from "@g4f/openassistant-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ChatOutcome, runChat, startServer, TOKEN } from "./support/server.js";

let server: RunningOpenAssistantServer;

beforeAll(async () => {
  server = await startServer({ mode: "echo" });
});
afterEach(() => server.reset());
afterAll(() => server?.close());

type ErrorClass = abstract new (...args: never[]) => Error;

interface Case {
  name: string;
  fault: FaultRule;
  error: ErrorClass;
  /** A piece of the message that says what happened. */
  says?: RegExp;
  /** Whether the chat was created (then it must be deleted). */
  created: boolean;
  /** Text that must have arrived before the error. */
  text?: string;
}

const cases: Case[] = [
  {
    name: "create: 403 (not logged in)",
    fault: { route: "chat.create", action: { type: "respond", status: 403 } },
    error: MissingAuthError,
    created: false,
  },
  {
    name: "create: 500 text",
    fault: { route: "chat.create", action: { type: "respond", status: 500, body: "Internal Server Error" } },
    error: ResponseStatusError,
    says: /500/,
    created: false,
  },
  {
    name: "create: 404 (chat disabled or wrong base URL)",
    fault: { route: "chat.create", action: { type: "respond", status: 404 } },
    error: ResponseStatusError,
    says: /404/,
    created: false,
  },
  {
    name: "create: connection reset",
    fault: { route: "chat.create", action: { type: "reset" } },
    error: NetworkError,
    created: false,
  },
  {
    name: "create: 200 without an id",
    fault: { route: "chat.create", action: { type: "respond", status: 200, body: "{}" } },
    error: InvalidResponseError,
    says: /create chat/,
    created: false,
  },
  {
    name: "prompter_message: 403",
    fault: { route: "prompter_message", action: { type: "respond", status: 403 } },
    error: MissingAuthError,
    created: true,
  },
  {
    name: "prompter_message: 200 with a message instead of an id",
    fault: {
      route: "prompter_message",
      action: { type: "respond", status: 200, body: '{"message":"Something went wrong"}' },
    },
    error: InvalidResponseError,
    says: /Something went wrong/,
    created: true,
  },
  {
    name: "assistant_message: 422 model not found",
    fault: {
      route: "assistant_message",
      action: { type: "respond", status: 422, body: '{"message":"Model OA_SFT_Llama_30B_6 not found"}' },
    },
    error: ModelNotSupportedError,
    created: true,
  },
  {
    name: "assistant_message: 429 with Retry-After",
    fault: {
      route: "assistant_message",
      action: { type: "respond", status: 429, headers: { "retry-after": "7" }, body: "slow down" },
    },
    error: RateLimitError,
    created: true,
  },
  {
    name: "assistant_message: 500 'Too Many Requests. Retry After N seconds.'",
    fault: {
      route: "assistant_message",
      action: {
        type: "respond",
        status: 500,
        body: '{"message":"Too Many Requests. Retry After 12 seconds."}',
      },
    },
    error: RateLimitError,
    created: true,
  },
  {
    name: "assistant_message: 503 busy",
    fault: {
      route: "assistant_message",
      action: {
        type: "respond",
        status: 503,
        body: '{"message":"The server is currently busy. Please try again later."}',
      },
    },
    error: ResponseStatusError,
    says: /busy/,
    created: true,
  },
  {
    name: "events: 500",
    fault: { route: "events", action: { type: "respond", status: 500, body: "Internal Server Error" } },
    error: ResponseStatusError,
    created: true,
  },
  {
    name: "events: error event after 2 tokens",
    fault: { route: "events", action: { type: "errorEvent", afterTokens: 2, error: "Timeout" } },
    error: StreamError,
    says: /Timeout/,
    created: true,
    text: "a b",
  },
  {
    name: "events: closed without the final message",
    fault: { route: "events", action: { type: "endWithoutMessage", afterTokens: 3 } },
    error: StreamError,
    says: /without a final message/,
    created: true,
    text: "a b c",
  },
  {
    name: "events: connection dropped",
    fault: { route: "events", action: { type: "drop", afterTokens: 1 } },
    error: G4FError as unknown as ErrorClass,
    created: true,
    text: "a",
  },
  {
    name: "events: malformed data",
    fault: { route: "events", action: { type: "malformed", afterTokens: 1, payload: "{not json" } },
    error: StreamError,
    created: true,
    text: "a",
  },
  {
    name: "events: already finished (200, empty body)",
    fault: { route: "events", action: { type: "alreadyFinished" } },
    error: StreamError,
    created: true,
    text: "",
  },
];

function expectNoSecret(outcome: ChatOutcome): void {
  const error = outcome.error as Error | undefined;
  const shown = [
    error?.message ?? "",
    error?.stack ?? "",
    JSON.stringify(error ?? null),
    JSON.stringify(outcome.debug),
    JSON.stringify(outcome.warnings),
  ].join("\n");
  expect(shown).not.toContain(TOKEN);
  expect(shown).not.toContain(encodeURIComponent(TOKEN));
}

describe("fault matrix", () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))("%s", async (_name, testCase) => {
    server.addFault(testCase.fault);
    const outcome = await runChat(server, "a b c d e f", { timeout: { total: 10_000 } });
    expect(outcome.error).toBeInstanceOf(testCase.error);
    expect(G4FError.isInstance(outcome.error)).toBe(true);
    expect((outcome.error as G4FError).provider).toBe("OpenAssistant");
    if (testCase.says) expect((outcome.error as Error).message).toMatch(testCase.says);
    if (testCase.text !== undefined) expect(outcome.text).toBe(testCase.text);
    expect(server.state.chatsCreated).toHaveLength(testCase.created ? 1 : 0);
    expect(server.state.aliveChats()).toEqual([]);
    expectNoSecret(outcome);
  });

  it("reads Retry-After and the body's N seconds into retryAfter", async () => {
    server.addFault(cases.find((testCase) => testCase.name.includes("429"))!.fault);
    const fromHeader = await runChat(server, "x");
    expect((fromHeader.error as RateLimitError).retryAfter).toBe(7);
    server.reset();
    server.addFault(cases.find((testCase) => testCase.name.includes("'Too Many"))!.fault);
    const fromBody = await runChat(server, "x");
    expect((fromBody.error as RateLimitError).retryAfter).toBe(12);
  });

  it("marks 503 retryable and 403 not", async () => {
    server.addFault(cases.find((testCase) => testCase.name.includes("503"))!.fault);
    expect(((await runChat(server, "x")).error as G4FError).isRetryable).toBe(true);
    server.reset();
    server.addFault(cases[0]!.fault);
    expect(((await runChat(server, "x")).error as G4FError).isRetryable).toBe(false);
  });

  it("a token the server does not know is MissingAuthError, and nothing is created", async () => {
    const outcome = await runChat(server, "x", { cookies: { "next-auth.session-token": "stale-token" } });
    expect(outcome.error).toBeInstanceOf(MissingAuthError);
    expect((outcome.error as Error).message).not.toContain("stale-token");
    expect(server.state.chatsCreated).toEqual([]);
  });
});

describe("deleting the chat", () => {
  it("keeps a full answer when the delete fails twice, and reports CHAT_NOT_DELETED", async () => {
    server.addFault({ route: "chat.delete", times: 2, action: { type: "respond", status: 500 } });
    const outcome = await runChat(server, "kept answer");
    expect(outcome.error).toBeUndefined();
    expect(outcome.text).toBe("kept answer");
    expect(outcome.warnings.map((warning) => warning.code)).toEqual(["CHAT_NOT_DELETED"]);
    const chatId = server.state.chatsCreated[0]!.id;
    expect(outcome.warnings[0]?.source).toBe(`chat ${chatId}`);
    expect(server.state.requests.filter((request) => request.method === "DELETE")).toHaveLength(2);
    expect(server.state.aliveChats()).toEqual([chatId]);
    expectNoSecret(outcome);
  });

  it("retries a failed delete once after a full answer", async () => {
    server.addFault({ route: "chat.delete", times: 1, action: { type: "respond", status: 500 } });
    const outcome = await runChat(server, "ok");
    expect(outcome.error).toBeUndefined();
    expect(outcome.warnings).toEqual([]);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("a failed delete never replaces the original error", async () => {
    server.addFault({
      route: "events",
      action: { type: "errorEvent", afterTokens: 0, error: "worker died" },
    });
    server.addFault({ route: "chat.delete", action: { type: "respond", status: 500 } });
    const outcome = await runChat(server, "x");
    expect(outcome.error).toBeInstanceOf(StreamError);
    expect((outcome.error as Error).message).toContain("worker died");
    expect(outcome.warnings.map((warning) => warning.code)).toEqual(["CHAT_NOT_DELETED"]);
  });

  it("gives up on a hanging delete after its own limit", async () => {
    server.addFault({ route: "chat.delete", action: { type: "hang" } });
    const outcome = await runChat(server, "x", { signal: AbortSignal.timeout(30_000) });
    expect(outcome.text).toBe("x");
    expect(outcome.warnings.map((warning) => warning.code)).toEqual(["CHAT_NOT_DELETED"]);
  }, 30_000);
});
