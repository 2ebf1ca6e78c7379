import {
  InvalidResponseError,
  MissingAuthError,
  ModelNotSupportedError,
  NetworkError,
  RateLimitError,
  ResponseStatusError,
  StreamError,
  TimeoutError,
} from "@g4f/core";
import { createMockProvider, type MockProviderOptions } from "@g4f/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiLogEntry, type RunningApiServer, startApiServer } from "../../src/index.js";
import { startServer } from "../helpers.js";

// Recognisable secrets: the client's bearer token (the server's API key), and the operator's
// provider cookie value and provider token in providerOptions. Every error path below is driven
// with them in play, and in the upstream's error text; none may surface in a response or a log.
const BEARER = "sk-CANARY-bearer-5d1e90";
const COOKIE = "CANARYcookieValue-c0ffee42";
const PROVIDER_TOKEN = "pt-CANARY-provider-77aa";
const secrets = [BEARER, COOKIE, PROVIDER_TOKEN];
const leak = `upstream said: Cookie: session=${COOKIE}; Authorization: Bearer ${BEARER}; token=${PROVIDER_TOKEN}`;

// One failing provider per error path, each throwing with the secrets in its message and cause.
const failures: Record<string, MockProviderOptions> = {
  Auth: { failAfter: 0, error: () => new MissingAuthError({ provider: "Auth", message: leak, cause: leak }) },
  Limited: {
    failAfter: 0,
    error: () => new RateLimitError({ provider: "Limited", retryAfter: 7, message: leak }),
  },
  Slow: {
    failAfter: 0,
    error: () => new TimeoutError({ provider: "Slow", timeout: "firstChunk", ms: 5, message: leak }),
  },
  Broken: {
    failAfter: 0,
    error: () => new StreamError({ provider: "Broken", message: leak, cause: new Error(leak) }),
  },
  Status: {
    failAfter: 0,
    error: () =>
      new ResponseStatusError({ provider: "Status", statusCode: 500, bodyExcerpt: leak, message: leak }),
  },
  Offline: { failAfter: 0, error: () => new NetworkError({ provider: "Offline", message: leak }) },
  Garbled: {
    failAfter: 0,
    error: () => new InvalidResponseError({ provider: "Garbled", step: "parse", message: leak }),
  },
  NoModel: {
    failAfter: 0,
    error: () =>
      new ModelNotSupportedError({
        provider: "NoModel",
        model: COOKIE,
        supportedModels: [BEARER],
        message: leak,
      }),
  },
  Plain: { failAfter: 0, error: () => new Error(leak) },
  Thrown: { failAfter: 0, error: () => leak },
  Midway: { failAfter: 2, error: () => new StreamError({ provider: "Midway", message: leak }) },
  MidwayPlain: { failAfter: 1, error: () => new Error(leak) },
  Stalled: { stallAfter: 1 },
  Retired: { working: false },
};

const providers = [
  createMockProvider({ name: "Mock" }),
  ...Object.entries(failures).map(([name, options]) => createMockProvider({ name, ...options })),
];
const providerOptions = Object.fromEntries(
  providers.map((provider) => [
    provider.providerName!,
    { cookies: { session: COOKIE, "__Secure-next-auth.session-token": COOKIE }, accessToken: PROVIDER_TOKEN },
  ]),
);

const logs: ApiLogEntry[] = [];
let server: RunningApiServer;

beforeAll(async () => {
  // startApiServer, not helpers' startServer: that one closes its servers after each test.
  server = await startApiServer({
    port: 0,
    providers,
    providerOptions,
    apiKey: BEARER,
    bodyLimit: 4096,
    requestTimeout: { total: 2_000, betweenChunks: 100 },
    onLog: (entry) => logs.push(entry),
  });
});

interface Exchange {
  status: number;
  headers: string;
  body: string;
}

async function send(
  path: string,
  init: { method?: string; auth?: string | null; body?: unknown } = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.auth !== null) headers.authorization = init.auth ?? `Bearer ${BEARER}`;
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
  });
  return {
    status: response.status,
    headers: JSON.stringify([...response.headers.entries()]),
    body: await response.text(),
  };
}

function chat(model: string, extra: Record<string, unknown> = {}) {
  return { model, messages: [{ role: "user", content: `hi ${COOKIE}` }], ...extra };
}

function expectNoSecret(text: string, where: string): void {
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")]) {
      expect(text.includes(form), `${where} contains a secret`).toBe(false);
    }
  }
}

// [what, request, expected status]: the status proves the request took the error path meant.
const paths: Array<[string, () => Promise<Exchange>, number]> = [
  ["missing API key", () => send("/v1/models", { auth: null }), 401],
  ["wrong API key", () => send("/v1/models", { auth: `Bearer ${BEARER}x` }), 401],
  ["the cookie value as API key", () => send("/v1/models", { auth: `Bearer ${COOKIE}` }), 401],
  ["malformed authorization", () => send("/v1/models", { auth: `Basic ${BEARER}` }), 401],
  ["unknown route naming a secret", () => send(`/v1/${COOKIE}/${BEARER}`), 404],
  ["unknown model id naming a secret", () => send(`/v1/models/${COOKIE}`), 404],
  ["unknown provider naming a secret", () => send(`/v1/providers/${PROVIDER_TOKEN}`), 404],
  [
    "invalid JSON holding a secret",
    () => send("/v1/chat/completions", { body: `{"model":"${COOKIE}",` }),
    400,
  ],
  [
    "invalid role holding a secret",
    () =>
      send("/v1/chat/completions", { body: { model: "Mock", messages: [{ role: COOKIE, content: "x" }] } }),
    400,
  ],
  [
    "invalid field value holding a secret",
    () => send("/v1/chat/completions", { body: chat("Mock", { temperature: BEARER }) }),
    400,
  ],
  [
    "model not found naming a secret",
    () => send("/v1/chat/completions", { body: chat(`Mock:${COOKIE}`) }),
    404,
  ],
  [
    "provider not found naming a secret",
    () => send("/v1/chat/completions", { body: chat("gpt", { provider: BEARER }) }),
    404,
  ],
  [
    "body over the limit",
    () => send("/v1/chat/completions", { body: chat("Mock", { pad: COOKIE.repeat(200) }) }),
    413,
  ],
  ["upstream auth failure", () => send("/v1/chat/completions", { body: chat("Auth") }), 502],
  ["upstream rate limit", () => send("/v1/chat/completions", { body: chat("Limited") }), 429],
  ["upstream timeout", () => send("/v1/chat/completions", { body: chat("Slow", { stream: true }) }), 504],
  ["upstream stream error", () => send("/v1/chat/completions", { body: chat("Broken") }), 502],
  [
    "upstream status error",
    () => send("/v1/chat/completions", { body: chat("Status", { stream: true }) }),
    502,
  ],
  ["upstream unreachable", () => send("/v1/chat/completions", { body: chat("Offline") }), 502],
  ["upstream invalid response", () => send("/v1/chat/completions", { body: chat("Garbled") }), 502],
  ["upstream model not supported", () => send("/v1/chat/completions", { body: chat("NoModel") }), 404],
  ["provider throws a plain Error", () => send("/v1/chat/completions", { body: chat("Plain") }), 502],
  [
    "provider throws a string",
    () => send("/v1/chat/completions", { body: chat("Thrown", { stream: true }) }),
    502,
  ],
  ["provider not working", () => send("/v1/chat/completions", { body: chat("Retired") }), 503],
  [
    "in-band error after the first chunk",
    () => send("/v1/chat/completions", { body: chat("Midway", { stream: true }) }),
    200,
  ],
  [
    "in-band plain Error after the first chunk",
    () => send("/v1/chat/completions", { body: chat("MidwayPlain", { stream: true }) }),
    200,
  ],
  [
    "idle timeout mid-stream",
    () => send("/v1/chat/completions", { body: chat("Stalled", { stream: true }) }),
    200,
  ],
  ["idle timeout, whole answer", () => send("/v1/chat/completions", { body: chat("Stalled") }), 504],
  ["providers listing", () => send("/v1/providers"), 200],
  ["one provider", () => send("/v1/providers/Auth"), 200],
  ["models listing", () => send("/v1/models"), 200],
];

describe("secrets never leave the API server", () => {
  it.each(paths)("%s", async (what, run, status) => {
    logs.length = 0;
    const exchange = await run();
    expect(exchange.status).toBe(status);
    expectNoSecret(exchange.headers, `${what}: headers`);
    expectNoSecret(exchange.body, `${what}: body`);
    // A stream's log entry is written when the stream ends, which is before its body ends.
    expect(logs.length).toBeGreaterThan(0);
    for (const entry of logs) expectNoSecret(JSON.stringify(entry), `${what}: log`);
    if (status >= 400) {
      expect(logs.some((entry) => entry.level !== "info")).toBe(true);
      expect(JSON.parse(exchange.body)).toHaveProperty("error.message");
    }
  });

  it("an in-band error event carries a message, but not the secrets", async () => {
    const exchange = await send("/v1/chat/completions", { body: chat("Midway", { stream: true }) });
    const errorEvent = exchange.body.split("\n\n").find((event) => event.includes('"error"'));
    expect(errorEvent).toBeDefined();
    expect(errorEvent).toMatch(/\[redacted\]|Midway/);
  });

  it("a shutdown refuses requests without echoing them", async () => {
    const closing = await startServer({
      providers,
      providerOptions,
      apiKey: BEARER,
      onLog: (entry) => logs.push(entry),
    });
    logs.length = 0;
    const closed = closing.app.close({ graceMs: 0 });
    const response = await closing.app.fetch(
      new Request("http://api.test/v1/chat/completions", {
        method: "POST",
        headers: { authorization: `Bearer ${BEARER}`, "content-type": "application/json" },
        body: JSON.stringify(chat("Mock")),
      }),
    );
    await closed;
    expect(response.status).toBe(503);
    expectNoSecret(JSON.stringify([...response.headers.entries()]), "shutdown: headers");
    expectNoSecret(await response.text(), "shutdown: body");
    for (const entry of logs) expectNoSecret(JSON.stringify(entry), "shutdown: log");
  });
});

afterAll(async () => {
  await server.close({ graceMs: 0 });
});
