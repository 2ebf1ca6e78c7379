// The fault matrix through the API server: the openai client → our API → the real OpenAssistant
// provider → the reference server with a fault injected. Each fault must reach the client as the
// right HTTP status and error type (or, once text has streamed, as an in-band error after that
// text), and the chat must be deleted whenever it was created.
import {
  type FaultRule,
  type RunningOpenAssistantServer,
  startOpenAssistantServer,
} from "@g4f/openassistant-server";
import { OpenAssistant } from "@g4f/provider-openassistant";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningApiServer } from "../../src/index.js";
import { openai, startServer } from "../helpers.js";

const TOKEN = "api-faults-session-token";
const PROMPT = "a b c d e f";
let reference: RunningOpenAssistantServer;

beforeAll(async () => {
  reference = await startOpenAssistantServer({
    tokens: [TOKEN],
    mode: "echo",
    tokensPerSecond: 0,
    pingIntervalMs: 0,
  });
});
afterEach(() => reference.reset());
afterAll(() => reference?.close());

function startApi(): Promise<RunningApiServer> {
  return startServer({
    providers: [OpenAssistant],
    providerOptions: {
      OpenAssistant: { baseUrl: reference.url, cookies: { "next-auth.session-token": TOKEN }, proxy: null },
    },
    requestTimeout: { total: 1_000, betweenChunks: 300 },
  });
}

type ApiErrorClass = new (...args: never[]) => InstanceType<typeof OpenAI.APIError>;

interface Case {
  name: string;
  fault: FaultRule;
  /** HTTP status and OpenAI error class of a failure before any text. */
  status: number;
  errorClass: ApiErrorClass;
  /** The OpenAI `error.code` (and, where it matters, the `type`). */
  code: string;
  type?: string;
  /** Whether the reference server created the chat (then it must be deleted). */
  created: boolean;
  /** Text that streams before the failure; a streamed request then gets 200 and an in-band error. */
  streamedText?: string;
  /** The `Retry-After` the client should see. */
  retryAfter?: string;
}

const serverError = OpenAI.InternalServerError as unknown as ApiErrorClass;
const cases: Case[] = [
  {
    name: "create: 403",
    fault: { route: "chat.create", action: { type: "respond", status: 403 } },
    status: 502,
    errorClass: serverError,
    code: "upstream_auth_failed",
    created: false,
  },
  {
    name: "create: 500",
    fault: { route: "chat.create", action: { type: "respond", status: 500, body: "Internal Server Error" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: false,
  },
  {
    name: "create: connection reset",
    fault: { route: "chat.create", action: { type: "reset" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_unreachable",
    created: false,
  },
  {
    name: "create: 200 without an id",
    fault: { route: "chat.create", action: { type: "respond", status: 200, body: "{}" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: false,
  },
  {
    name: "prompter_message: 403",
    fault: { route: "prompter_message", action: { type: "respond", status: 403 } },
    status: 502,
    errorClass: serverError,
    code: "upstream_auth_failed",
    created: true,
  },
  {
    name: "prompter_message: reset",
    fault: { route: "prompter_message", action: { type: "reset" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_unreachable",
    created: true,
  },
  {
    name: "assistant_message: 422 model not found",
    fault: {
      route: "assistant_message",
      action: { type: "respond", status: 422, body: '{"message":"Model OA_SFT_Llama_30B_6 not found"}' },
    },
    status: 404,
    errorClass: OpenAI.NotFoundError as unknown as ApiErrorClass,
    code: "model_not_found",
    type: "invalid_request_error",
    created: true,
  },
  {
    name: "assistant_message: 429 with Retry-After",
    fault: {
      route: "assistant_message",
      action: { type: "respond", status: 429, headers: { "retry-after": "7" }, body: "slow down" },
    },
    status: 429,
    errorClass: OpenAI.RateLimitError as unknown as ApiErrorClass,
    code: "rate_limit_exceeded",
    type: "rate_limit_error",
    created: true,
    retryAfter: "7",
  },
  {
    name: "assistant_message: 500 'Too Many Requests. Retry After 12 seconds.'",
    fault: {
      route: "assistant_message",
      action: {
        type: "respond",
        status: 500,
        body: '{"message":"Too Many Requests. Retry After 12 seconds."}',
      },
    },
    status: 429,
    errorClass: OpenAI.RateLimitError as unknown as ApiErrorClass,
    code: "rate_limit_exceeded",
    created: true,
    retryAfter: "12",
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
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
  },
  {
    name: "assistant_message: hangs past the total limit",
    fault: { route: "assistant_message", action: { type: "hang" } },
    status: 504,
    errorClass: serverError,
    code: "upstream_timeout",
    created: true,
  },
  {
    name: "events: 500",
    fault: { route: "events", action: { type: "respond", status: 500, body: "Internal Server Error" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
  },
  {
    name: "events: reset",
    fault: { route: "events", action: { type: "reset" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_unreachable",
    created: true,
  },
  {
    name: "events: already finished (200, empty)",
    fault: { route: "events", action: { type: "alreadyFinished" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
  },
  {
    name: "events: error event before any token",
    fault: {
      route: "events",
      action: { type: "errorEvent", afterTokens: 0, error: "Timeout", state: "timeout" },
    },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
  },
  {
    name: "events: error event after 2 tokens",
    fault: {
      route: "events",
      action: { type: "errorEvent", afterTokens: 2, error: "Aborted due to worker error." },
    },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
    streamedText: "a b",
  },
  {
    name: "events: closed without the final message",
    fault: { route: "events", action: { type: "endWithoutMessage", afterTokens: 3 } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
    streamedText: "a b c",
  },
  {
    name: "events: connection dropped",
    fault: { route: "events", action: { type: "drop", afterTokens: 1 } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
    streamedText: "a",
  },
  {
    name: "events: malformed data",
    fault: { route: "events", action: { type: "malformed", afterTokens: 1, payload: "{not json" } },
    status: 502,
    errorClass: serverError,
    code: "upstream_error",
    created: true,
    streamedText: "a",
  },
  {
    name: "events: stall after a token (idle limit)",
    fault: { route: "events", action: { type: "stall", afterTokens: 1 } },
    status: 504,
    errorClass: serverError,
    code: "upstream_timeout",
    created: true,
    streamedText: "a",
  },
  {
    name: "events: pending forever (total limit)",
    fault: { route: "events", action: { type: "pendingForever" } },
    status: 504,
    errorClass: serverError,
    code: "upstream_timeout",
    created: true,
  },
];

async function settleReference(): Promise<void> {
  await reference.waitForIdle({ timeoutMs: 10_000 });
}

function expectDeleted(created: boolean): void {
  expect(reference.state.chatsCreated).toHaveLength(created ? 1 : 0);
  expect(reference.state.aliveChats()).toEqual([]);
}

describe("fault matrix through the API server", () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
    "%s (whole answer)",
    async (_name, testCase) => {
      const api = await startApi();
      reference.addFault(testCase.fault);
      const error = await openai(api)
        .chat.completions.create({ model: "OpenAssistant", messages: [{ role: "user", content: PROMPT }] })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeInstanceOf(testCase.errorClass);
      const apiError = error as InstanceType<typeof OpenAI.APIError>;
      expect(apiError.status).toBe(testCase.status);
      expect(apiError.code).toBe(testCase.code);
      if (testCase.type !== undefined) expect(apiError.type).toBe(testCase.type);
      if (testCase.retryAfter !== undefined)
        expect(apiError.headers?.get("retry-after")).toBe(testCase.retryAfter);
      await settleReference();
      expectDeleted(testCase.created);
    },
  );

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
    "%s (streamed)",
    async (_name, testCase) => {
      const api = await startApi();
      reference.addFault(testCase.fault);
      let text = "";
      const error = await (async () => {
        const stream = await openai(api).chat.completions.create({
          model: "OpenAssistant",
          messages: [{ role: "user", content: PROMPT }],
          stream: true,
        });
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
      })().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(OpenAI.APIError);
      if (testCase.streamedText === undefined) {
        // Nothing streamed yet: the failure still gets its real HTTP status.
        expect(error).toBeInstanceOf(testCase.errorClass);
        expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(testCase.status);
        expect(text).toBe("");
      } else {
        // After text the status is 200 already: the error arrives in-band, after the text.
        expect(text).toBe(testCase.streamedText);
        expect((error as Error).message.length).toBeGreaterThan(10);
      }
      await settleReference();
      expectDeleted(testCase.created);
    },
  );

  it.each<[string, FaultRule]>([
    ["a slow first token", { route: "events", action: { type: "firstTokenDelay", ms: 200 } }],
    ["legacy ping events", { route: "events", action: { type: "pings", intervalMs: 20, style: "legacy" } }],
    ["LF framing", { route: "events", action: { type: "lfFraming" } }],
    ["writes that split UTF-8", { route: "events", action: { type: "splitWrites" } }],
    ["a slow create", { route: "chat.create", action: { type: "delay", ms: 100 } }],
  ])("answers in full despite %s", async (_name, fault) => {
    const api = await startApi();
    reference.addFault(fault);
    const content = "grüße a b 中文 👋";
    const completion = await openai(api).chat.completions.create({
      model: "OpenAssistant",
      messages: [{ role: "user", content }],
    });
    expect(completion.choices[0]?.message.content).toBe(content);
    await settleReference();
    expectDeleted(true);
  });

  it("keeps the answer when the first delete fails, and retries it", async () => {
    const api = await startApi();
    reference.addFault({ route: "chat.delete", times: 1, action: { type: "respond", status: 500 } });
    const completion = await openai(api).chat.completions.create({
      model: "OpenAssistant",
      messages: [{ role: "user", content: PROMPT }],
    });
    expect(completion.choices[0]?.message.content).toBe(PROMPT);
    await settleReference();
    expect(reference.state.requests.filter((request) => request.method === "DELETE")).toHaveLength(2);
    expectDeleted(true);
  });
});
