import { createMockProvider } from "@g4f/core/testing";
import { describe, expect, it } from "vitest";
import { startServer } from "../helpers.js";
import { postRaw } from "./support/raw-request.js";

const LIMIT = 64 * 1024;
const json = { "content-type": "application/json" };

/** A chat request of exactly `size` bytes. */
function bodyOf(size: number): string {
  const shell = (content: string): string =>
    JSON.stringify({ model: "Mock", messages: [{ role: "user", content }] });
  const body = shell("x".repeat(size - shell("").length));
  expect(Buffer.byteLength(body)).toBe(size);
  return body;
}

function expectTooLarge(response: { status: number; headers: Record<string, unknown>; body: string }): void {
  expect(response.status).toBe(413);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const parsed = JSON.parse(response.body) as { error: { message: string; type: string; code: string } };
  expect(parsed.error.code).toBe("request_too_large");
  expect(parsed.error.type).toBe("invalid_request_error");
  expect(parsed.error.message).toContain(String(LIMIT));
}

describe("API request bodies over bodyLimit", () => {
  it("answers 413 JSON for a declared content-length over the limit", async () => {
    const Mock = createMockProvider({ name: "Mock" });
    const server = await startServer({ providers: [Mock], bodyLimit: LIMIT });
    const body = bodyOf(LIMIT + 1);
    const response = await postRaw(`${server.url}/v1/chat/completions`, {
      headers: { ...json, "content-length": String(Buffer.byteLength(body)) },
      chunks: [body],
    });
    expectTooLarge(response);
    expect(Mock.stats.calls).toHaveLength(0);
  });

  it("answers 413 JSON for a chunked 10 MB upload without reading it all", async () => {
    const Mock = createMockProvider({ name: "Mock" });
    const server = await startServer({ providers: [Mock], bodyLimit: LIMIT });
    const piece = "x".repeat(64 * 1024);
    const chunks = [
      '{"model":"Mock","messages":[{"role":"user","content":"',
      ...Array(160).fill(piece),
      '"}]}',
    ];
    const response = await postRaw(`${server.url}/v1/chat/completions`, { headers: json, chunks });
    expectTooLarge(response);
    expect(Mock.stats.calls).toHaveLength(0);
  });

  it("accepts a body just under the limit", async () => {
    const server = await startServer({ providers: [createMockProvider({ name: "Mock" })], bodyLimit: LIMIT });
    const body = bodyOf(LIMIT - 100);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    const response = await postRaw(`${server.url}/v1/chat/completions`, { headers: json, chunks: [body] });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toHaveProperty("choices.0.message.content", "Hello, world!");
  });

  it("keeps serving after refusing many oversized uploads", async () => {
    const server = await startServer({ providers: [createMockProvider({ name: "Mock" })], bodyLimit: LIMIT });
    const big = bodyOf(LIMIT * 3);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        postRaw(`${server.url}/v1/chat/completions`, {
          headers: json,
          chunks: [big.slice(0, LIMIT), big.slice(LIMIT)],
        }),
      ),
    );
    for (const response of responses) expect(response.status).toBe(413);
    expect(server.app.activeRequests).toBe(0);
    const ok = await postRaw(`${server.url}/v1/chat/completions`, { headers: json, chunks: [bodyOf(200)] });
    expect(ok.status).toBe(200);
  });
});
