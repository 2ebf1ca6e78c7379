import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AsyncGeneratorProvider,
  closeHttpConnections,
  createFallbackProvider,
  createHttpClient,
  type DebugEvent,
  G4FError,
  type Messages,
  mapStatusToError,
  type ProviderOptions,
  parseEventJson,
  readEventStream,
  streamChat,
} from "../src/index.js";
import { collect, startTestServer, type TestServer } from "../src/testing.js";

// Recognisable secrets: they must never appear in an error message, toJSON or a debug event.
const COOKIE = "canaryCookieValue-7f3a9";
const TOKEN = "sk-canaryToken-4be21";
const secrets = [COOKIE, TOKEN];

let server: TestServer;

function echoHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  type = "text/plain",
): void {
  response.writeHead(status, { "content-type": type, "retry-after": "0" });
  response.end(
    `you sent cookie=${request.headers.cookie} auth=${request.headers.authorization} raw ${COOKIE} ${TOKEN}`,
  );
}

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    if (path === "/sse") {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(`data: {"broken": "${COOKIE} Bearer ${TOKEN}\n\n`);
      return;
    }
    const status = Number(path.slice(1)) || 200;
    echoHeaders(request, response, status, status === 200 ? "text/html" : "text/plain");
  });
});

afterAll(async () => {
  await closeHttpConnections();
  await server.close();
});

function expectClean(value: unknown): void {
  const texts: string[] = [];
  if (value instanceof Error) texts.push(value.message, String(value.stack ?? ""));
  if (G4FError.isInstance(value)) texts.push(JSON.stringify(value.toJSON()), JSON.stringify(value));
  else texts.push(JSON.stringify(value));
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => expect.unreachable("expected a failure"),
    (error: unknown) => error,
  );
}

class Leaky extends AsyncGeneratorProvider {
  static readonly url = "https://leaky.invalid";
  static readonly label = "Leaky";
  static readonly working = true;
  static readonly needsAuth = true;
  static readonly model = "m";
  async *createAsyncGenerator(_model: string, _messages: Messages, options: ProviderOptions) {
    yield* [];
    throw new Error(
      `upstream rejected Cookie: session=${options.cookies?.session} with Authorization: Bearer ${TOKEN}`,
    );
  }
}

describe("canary: no secret in any error or debug output", () => {
  const debug: DebugEvent[] = [];
  const http = () =>
    createHttpClient({
      provider: "Canary",
      baseUrl: server.url,
      proxy: null,
      cookies: { session: COOKIE },
      headers: { authorization: `Bearer ${TOKEN}` },
      retry: { retries: 1, minDelayMs: 1 },
      onDebug: (event) => debug.push(event),
    });

  it.each([401, 403, 404, 429, 500, 503])("HTTP %i", async (status) => {
    expectClean(await failure(http().request(`/${status}`)));
  });

  it("invalid JSON", async () => {
    expectClean(await failure(http().json("/200", { step: "read" })));
  });

  it("malformed SSE data", async () => {
    const response = await http().request("/sse");
    const error = await failure(
      (async () => {
        for await (const event of readEventStream(response, { provider: "Canary" }))
          parseEventJson(event, { provider: "Canary" });
      })(),
    );
    expectClean(error);
  });

  it("mapStatusToError with secrets in the body", () => {
    const error = mapStatusToError({
      status: 500,
      bodyText: `Authorization: Bearer ${TOKEN}; cookie=${COOKIE}`,
      headers: new Headers(),
      secrets: [COOKIE],
    });
    expectClean(error);
  });

  it("a provider throwing an error that quotes the secrets, alone and in a fallback", async () => {
    expectClean(
      await failure(
        collect(new Leaky().stream("", [{ role: "user", content: "x" }], { cookies: { session: COOKIE } })),
      ),
    );
    const Fallback = createFallbackProvider([Leaky, Leaky]);
    expectClean(await failure(collect(streamChat(Fallback, "x", { cookies: { session: COOKIE } }).parts())));
  });

  it("debug events of all the above", () => {
    expect(debug.length).toBeGreaterThan(10);
    expectClean(debug);
  });
});
