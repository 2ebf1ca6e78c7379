import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  closeHttpConnections,
  createHttpClient,
  type DebugEvent,
  InvalidResponseError,
  MissingAuthError,
  NetworkError,
  RateLimitError,
  ResponseStatusError,
  readEventBatches,
  readEventStream,
  StreamError,
  TimeoutError,
} from "../src/index.js";
import { startTestServer, type TestServer } from "../src/testing.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const routes = new Map<string, Handler>();
const hits = new Map<string, number>();
const stalled: ServerResponse[] = [];
let server: TestServer;
let connections = 0;

function route(path: string, handler: Handler): string {
  routes.set(path, handler);
  hits.set(path, 0);
  return path;
}

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (handler === undefined) {
      response.statusCode = 404;
      response.end("no route");
      return;
    }
    handler(request, response);
  });
  server.server.on("connection", () => {
    connections++;
  });
});

afterEach(() => {
  vi.useRealTimers();
  for (const response of stalled.splice(0)) response.destroy();
});

afterAll(async () => {
  await closeHttpConnections();
  await server.close();
});

function client(options: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({
    provider: "Test",
    baseUrl: server.url,
    proxy: null,
    retry: { minDelayMs: 1, maxDelayMs: 50 },
    ...options,
  });
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => expect.unreachable("expected a failure"),
    (error: unknown) => error,
  );
}

describe("createHttpClient", () => {
  it("sends JSON, query and a g4f user agent, and parses JSON", async () => {
    const path = route("/echo", (request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      request.on("end", () => {
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            method: request.method,
            url: request.url,
            body,
            ua: request.headers["user-agent"],
            type: request.headers["content-type"],
          }),
        );
      });
    });
    const result = await client().json<Record<string, string>>(path, {
      json: { a: 1 },
      query: { chat_id: "c 1" },
    });
    expect(result).toMatchObject({ method: "POST", body: '{"a":1}', type: "application/json" });
    expect(result.url).toMatch(/^\/echo\?chat_id=c(\+|%20)1$/);
    expect(result.ua).toMatch(/^g4f-ts\/\d+\.\d+\.\d+/);
    const custom = await client({ userAgent: "Mozilla/5.0 test" }).json<Record<string, string>>(path, {
      method: "POST",
    });
    expect(custom.ua).toBe("Mozilla/5.0 test");
  });

  it("reuses one keep-alive connection for sequential requests", async () => {
    const path = route("/keepalive", (_request, response) => response.end("ok"));
    const http = client();
    await (await http.request(path)).text();
    const before = connections;
    for (let index = 0; index < 5; index++) await (await http.request(path)).text();
    await (await client().request(path)).text();
    expect(connections - before).toBe(0);
    expect(hits.get(path)).toBe(7);
  });

  it("times out a stalled server with TimeoutError('request') and retries idempotent requests", async () => {
    const path = route("/stall", (_request, response) => {
      stalled.push(response);
    });
    const error = await failure(
      client({ timeouts: { request: 20 }, retry: { retries: 2, minDelayMs: 1 } }).request(path),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe("request");
    expect(hits.get(path)).toBe(3);
  });

  it("does not retry a non-idempotent request", async () => {
    const path = route("/stall-post", (_request, response) => {
      stalled.push(response);
    });
    const error = await failure(client({ timeouts: { request: 20 } }).request(path, { method: "POST" }));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(hits.get(path)).toBe(1);
  });

  it("aborts a stalled request with AbortError carrying the caller's reason", async () => {
    const path = route("/stall-abort", (_request, response) => {
      stalled.push(response);
      controller.abort("caller stop");
    });
    const controller = new AbortController();
    const error = await failure(client({ signal: controller.signal }).request(path));
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toBe("caller stop");
    expect(hits.get(path)).toBe(1);
  });

  it("reports a connection dropped mid-stream as StreamError after the events that arrived", async () => {
    const path = route("/drop", (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: one\n\n", () => setImmediate(() => response.socket?.destroy()));
    });
    const response = await client().request(path);
    const events: string[] = [];
    const error = await (async () => {
      for await (const event of readEventStream(response, { provider: "Test" })) events.push(event.data);
    })().catch((caught: unknown) => caught);
    expect(events).toEqual(["one"]);
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Test: /);
  });

  it("reports a body dropped while reading JSON as StreamError", async () => {
    const path = route("/drop-json", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"partial":', () => setImmediate(() => response.socket?.destroy()));
    });
    expect(StreamError.isInstance(await failure(client().json(path, { method: "POST" })))).toBe(true);
  });

  it("retries a 429 with Retry-After 0 and succeeds", async () => {
    let count = 0;
    const path = route("/limited-once", (_request, response) => {
      count++;
      if (count === 1) {
        response.writeHead(429, { "retry-after": "0" });
        response.end("slow down");
      } else response.end("fine");
    });
    const events: DebugEvent[] = [];
    const response = await client({ onDebug: (event) => events.push(event) }).request(path);
    expect(await response.text()).toBe("fine");
    expect(hits.get(path)).toBe(2);
    expect(events.filter((event) => event.type === "retry")).toHaveLength(1);
  });

  it("waits exactly the Retry-After delay before retrying (fake timers)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const path = route("/limited-wait", (_request, response) => {
      if (hits.get(path) === 1) {
        response.writeHead(429, { "retry-after": "2" });
        response.end();
      } else response.end("done");
    });
    let retried: () => void = () => undefined;
    const retryScheduled = new Promise<void>((resolve) => {
      retried = resolve;
    });
    const pending = client({
      retry: { retries: 1, maxDelayMs: 5_000 },
      timeouts: { request: 0 },
      onDebug: (event) => event.type === "retry" && retried(),
    }).request(path);
    await retryScheduled;
    await vi.advanceTimersByTimeAsync(1_999);
    expect(hits.get(path)).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect(await (await pending).text()).toBe("done");
    expect(hits.get(path)).toBe(2);
  });

  it("surfaces a Retry-After longer than maxDelayMs without waiting", async () => {
    const path = route("/limited-long", (_request, response) => {
      response.writeHead(429, { "retry-after": "120" });
      response.end();
    });
    const error = await failure(client().request(path));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(hits.get(path)).toBe(1);
  });

  it("does not retry a 429 or 503 on POST, but does when marked idempotent", async () => {
    const limited = route("/limited-post", (_request, response) => {
      response.writeHead(429, { "retry-after": "0" });
      response.end();
    });
    expect(RateLimitError.isInstance(await failure(client().request(limited, { method: "POST" })))).toBe(
      true,
    );
    expect(hits.get(limited)).toBe(1);
    const unavailable = route("/unavailable", (_request, response) => {
      response.statusCode = 503;
      response.end("down");
    });
    await failure(client().request(unavailable, { method: "POST" }));
    expect(hits.get(unavailable)).toBe(1);
    await failure(client().request(unavailable, { method: "POST", idempotent: true }));
    expect(hits.get(unavailable)).toBe(1 + 3);
    await failure(client({ retry: false }).request(unavailable));
    expect(hits.get(unavailable)).toBe(1 + 3 + 1);
  });

  it("maps statuses to typed errors with step and a short excerpt, and honours mapError", async () => {
    const path = route("/status", (request, response) => {
      const status = Number(new URL(request.url ?? "/", "http://x").searchParams.get("s"));
      response.statusCode = status;
      response.end(`error body ${"x".repeat(500)}`);
    });
    const http = client({ retry: false });
    const auth = await failure(http.request(path, { query: { s: "401" } }));
    expect(MissingAuthError.isInstance(auth)).toBe(true);
    expect((auth as MissingAuthError).statusCode).toBe(401);
    const notFound = await failure(http.request(path, { query: { s: "404" }, step: "create chat" }));
    expect(ResponseStatusError.isInstance(notFound)).toBe(true);
    expect((notFound as ResponseStatusError).step).toBe("create chat");
    expect((notFound as ResponseStatusError).bodyExcerpt).toHaveLength(200);
    expect((notFound as Error).message).toMatch(
      /^Test: The server answered HTTP 404 during create chat\. Body starts with: error body x/,
    );
    const mapped = client({
      retry: false,
      mapError: ({ status }) =>
        status === 404 ? new InvalidResponseError({ provider: "Test", message: "chat is gone" }) : undefined,
    });
    expect(((await failure(mapped.request(path, { query: { s: "404" } }))) as Error).message).toBe(
      "chat is gone",
    );
    expect(ResponseStatusError.isInstance(await failure(mapped.request(path, { query: { s: "500" } })))).toBe(
      true,
    );
  });

  it("names the step when a body is not JSON", async () => {
    const path = route("/html", (_request, response) => {
      response.setHeader("content-type", "text/html");
      response.end("<html>captcha</html>");
    });
    const error = await failure(client().json(path, { step: "create chat" }));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).step).toBe("create chat");
    expect((error as Error).message).toMatch(
      /expected JSON during create chat but got 20 chars of text\/html/,
    );
  });

  it("reports an unreachable host as NetworkError", async () => {
    const closed = await startTestServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const error = await failure(
      createHttpClient({ provider: "Test", baseUrl: url, proxy: null, retry: false }).request("/"),
    );
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("enforces body idle timeouts when set", async () => {
    const path = route("/slow-body", (_request, response) => {
      stalled.push(response);
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: first\n\n");
    });
    const response = await client({ timeouts: { betweenChunks: 20 } }).request(path);
    const events: string[] = [];
    const error = await (async () => {
      for await (const event of readEventStream(response, { provider: "Test" })) events.push(event.data);
    })().catch((caught: unknown) => caught);
    expect(events).toEqual(["first"]);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe("betweenChunks");
  });

  it("text() reads a whole reply and hands the connection back to the pool", async () => {
    const path = route("/text", (request, response) => response.end(`${request.method} done ü`));
    const http = client();
    expect(await http.text(path, { method: "DELETE" })).toBe("DELETE done ü");
    const before = connections;
    for (let index = 0; index < 5; index++) await http.text(path, { method: "DELETE" });
    await http.json(route("/json-after", (_request, response) => response.end("{}")));
    expect(connections - before).toBe(0);
  });

  it("keeps a path prefix of baseUrl and takes absolute paths as given", async () => {
    const path = route("/prefix/api/x", (request, response) =>
      response.end(JSON.stringify({ url: request.url })),
    );
    const prefixed = client({ baseUrl: `${server.url}/prefix/` });
    expect(await prefixed.json(path.replace("/prefix", ""), { query: { id: "a&b" } })).toEqual({
      url: "/prefix/api/x?id=a%26b",
    });
    expect(await client({ baseUrl: "http://127.0.0.1:1" }).json(`${server.url}${path}`)).toEqual({
      url: path,
    });
  });

  it("follows a redirect for a reply read whole, as fetch does", async () => {
    const target = route("/moved-here", (request, response) =>
      response.end(JSON.stringify({ method: request.method, cookie: request.headers.cookie })),
    );
    const path = route("/moved", (_request, response) => {
      response.writeHead(302, { location: target });
      response.end("see there");
    });
    const events: DebugEvent[] = [];
    const reply = await client({ cookies: { sid: "abc" }, onDebug: (event) => events.push(event) }).json(
      path,
      {
        method: "POST",
        json: { a: 1 },
      },
    );
    // A 302 after a POST becomes a GET, and the same origin still gets the cookie.
    expect(reply).toEqual({ method: "GET", cookie: "sid=abc" });
    expect(events.filter((event) => event.type === "response").map((event) => event.status)).toEqual([
      302, 200,
    ]);
  });

  it("turns an abort while a reply is read whole into AbortError", async () => {
    const path = route("/half-body", (_request, response) => {
      stalled.push(response);
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"a":');
    });
    const controller = new AbortController();
    const pending = client().json(path, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user stop")), 30);
    const error = await failure(pending);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(((error as AbortError).cause as Error).message).toBe("user stop");
  });

  it("stream() hands over the body straight from the connection and maps statuses like request()", async () => {
    const path = route("/bytes", (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream", "x-test": "1" });
      response.write("data: one\n\n");
      setTimeout(() => response.end("data: two\n\n"), 5);
    });
    const http = client();
    const reply = await http.stream(path, { method: "POST" });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-test")).toBe("1");
    const decoder = new TextDecoder();
    let text = "";
    for await (const chunk of reply.body) text += decoder.decode(chunk, { stream: true });
    expect(text).toBe("data: one\n\ndata: two\n\n");
    const before = connections;
    await (await http.stream(path)).body.cancel();
    const denied = route("/denied-stream", (_request, response) => {
      response.statusCode = 401;
      response.end("log in");
    });
    expect(MissingAuthError.isInstance(await failure(http.stream(denied)))).toBe(true);
    // A body read to its end gives its connection back; a cancelled one may not.
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it("stream() cancel stops a body that is still open and the server sees the close", async () => {
    let closed: Promise<void> = Promise.resolve();
    const path = route("/endless", (request, response) => {
      closed = new Promise((resolve) => request.socket.once("close", () => resolve()));
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: first\n\n");
    });
    const reply = await client().stream(path);
    for await (const chunk of reply.body) {
      expect(new TextDecoder().decode(chunk)).toBe("data: first\n\n");
      break;
    }
    await reply.body.cancel();
    await closed;
  });

  it("stream() follows a redirect and honours body timeouts through fetch", async () => {
    const target = route("/stream-here", (_request, response) => response.end("moved body"));
    const path = route("/stream-moved", (_request, response) => {
      response.writeHead(307, { location: target });
      response.end();
    });
    const reply = await client().stream(path);
    let text = "";
    for await (const chunk of reply.body) text += new TextDecoder().decode(chunk);
    expect(text).toBe("moved body");
    const slow = route("/stream-slow", (_request, response) => {
      stalled.push(response);
      response.writeHead(200);
      response.write("x");
    });
    const guarded = await client({ timeouts: { betweenChunks: 20 } }).stream(slow);
    const error = await failure(
      (async () => {
        for await (const _chunk of guarded.body) {
          // read until the idle timeout fires
        }
      })(),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it("readEventStream and readEventBatches read an http.stream() body, and an abort closes it", async () => {
    let closed: Promise<void> = Promise.resolve();
    const path = route("/sse-direct", (request, response) => {
      closed = new Promise((resolve) => request.socket.once("close", () => resolve()));
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: a\n\ndata: b\n\n");
      setTimeout(() => response.write("data: c\n\n"), 5);
    });
    const http = client();
    const controller = new AbortController();
    const events: string[] = [];
    const error = await failure(
      (async () => {
        const reply = await http.stream(path);
        for await (const event of readEventStream(reply.body, {
          provider: "Test",
          signal: controller.signal,
        })) {
          events.push(event.data);
          if (event.data === "c") controller.abort(new Error("enough"));
        }
      })(),
    );
    expect(events).toEqual(["a", "b", "c"]);
    expect(AbortError.isInstance(error)).toBe(true);
    await closed;
    const batches: string[][] = [];
    const done = route("/sse-done", (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end("data: x\n\ndata: y\n\n");
    });
    for await (const batch of readEventBatches((await http.stream(done)).body, { provider: "Test" }))
      batches.push(batch.map((event) => event.data));
    expect(batches.flat()).toEqual(["x", "y"]);
  });
});
