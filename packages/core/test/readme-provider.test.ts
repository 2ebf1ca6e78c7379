import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AsyncGeneratorProvider,
  closeHttpConnections,
  createHttpClient,
  formatPrompt,
  type Messages,
  type ProviderOptions,
  parseEventJson,
  readEventStream,
  registerProvider,
  streamChat,
  unregisterProvider,
} from "../src/index.js";
import { startTestServer, type TestServer } from "../src/testing.js";

// The README's "write a provider in 20 lines" example, run against a real server.
class Echo extends AsyncGeneratorProvider {
  static readonly url = "https://echo.example";
  static readonly label = "Echo";
  static readonly working = true;
  static readonly needsAuth = false;
  static readonly model = "echo-1";

  async *createAsyncGenerator(model: string, messages: Messages, options: ProviderOptions) {
    const http = createHttpClient({
      provider: "Echo",
      baseUrl: options.baseUrl ?? Echo.url,
      proxy: options.proxy,
      cookies: options.cookies,
      signal: options.signal,
    });
    const response = await http.request("/stream", {
      json: { model, prompt: formatPrompt(messages) },
      step: "send prompt",
    });
    for await (const event of readEventStream(response, { provider: "Echo", signal: options.signal })) {
      yield parseEventJson<{ text: string }>(event, { provider: "Echo" }).text;
    }
  }
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      const { model, prompt } = JSON.parse(body) as { model: string; prompt: string };
      response.writeHead(200, { "content-type": "text/event-stream" });
      for (const word of [
        `[${model}] `,
        ...prompt.split(" ").map((piece, index) => (index === 0 ? piece : ` ${piece}`)),
      ]) {
        response.write(`data: ${JSON.stringify({ text: word })}\n\n`);
      }
      response.end();
    });
  });
});

afterAll(async () => {
  unregisterProvider("Echo");
  await closeHttpConnections();
  await server.close();
});

describe("README provider example", () => {
  it("streams through streamChat by name", async () => {
    registerProvider(Echo);
    const chunks: string[] = [];
    for await (const text of streamChat("echo", "hello there", { baseUrl: server.url, proxy: null }))
      chunks.push(text);
    expect(chunks).toEqual(["[echo-1] ", "hello", " there"]);
  });
});
