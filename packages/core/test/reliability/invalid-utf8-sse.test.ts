import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeHttpConnections, createHttpClient, parseEventJson } from "../../src/index.js";
import { startTestServer, type TestServer } from "../../src/testing.js";
import { readWithWatchdog } from "./support/byte-streams.js";

// Invalid UTF-8 from a real socket: the reader decodes with the WHATWG decoder (one U+FFFD per
// maximal invalid subpart), keeps the framing, and never crashes, whatever the TCP chunking.
const REPLACEMENT = "\ufffd";

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))),
  );

// Each body is a list of writes; the server yields to the event loop between them, so pieces
// usually arrive as separate chunks (the assertions hold however they are coalesced).
const bodies: Record<string, Buffer[]> = {
  "/lone-bytes": [bytes("data: a", [0x80], "b", [0xff, 0xfe], "c\n\n")],
  "/overlong": [bytes("data: ", [0xc0, 0xaf], "|", [0xe0, 0x80, 0xaf], "\n\n")],
  "/surrogate": [bytes("data: ", [0xed, 0xa0, 0x80], "x\n\n")],
  "/truncated-then-newline": [bytes("data: ", [0xf0, 0x9f, 0x91]), bytes("\n\ndata: next\n\n")],
  "/split-valid": [...bytes("data: é👋中\r\n\r\n")].map((byte) => Buffer.from([byte])),
  "/truncated-at-end": [bytes("data: end", [0xf0, 0x9f])],
  "/json-token": [bytes('data: {"event_type": "token", "text": "caf', [0xc3], '"}\r\n\r\n')],
  "/bad-field-name": [bytes("d", [0xff], "ta: hidden\n\n", "data: shown\n\n")],
  "/garbage-lines": [
    Buffer.from(Array.from({ length: 512 }, (_, index) => 0x80 + (index % 128))),
    bytes("\n\ndata: ok\n\n"),
  ],
};

let server: TestServer;

async function writeSlowly(response: ServerResponse, pieces: readonly Buffer[]): Promise<void> {
  for (const piece of pieces) {
    response.write(piece);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  response.end();
}

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const pieces = bodies[new URL(request.url ?? "/", "http://x").pathname];
    if (pieces === undefined) {
      response.writeHead(404).end();
      return;
    }
    // A wrong charset on purpose: event streams are always UTF-8.
    response.writeHead(200, { "content-type": "text/event-stream; charset=iso-8859-1" });
    void writeSlowly(response, pieces);
  });
});

afterAll(async () => {
  await closeHttpConnections();
  await server.close();
});

async function eventsOf(path: string): Promise<string[]> {
  const client = createHttpClient({ provider: "Utf8", baseUrl: server.url, proxy: null, retry: false });
  const response = await client.request(path, { method: "POST" });
  const outcome = await readWithWatchdog(response, { provider: "Utf8" });
  expect(outcome.hung).toBe(false);
  expect(outcome.error).toBeUndefined();
  return outcome.events.map((event) => event.data);
}

describe("invalid UTF-8 in an SSE response from a real server", () => {
  it.each([
    ["/lone-bytes", [`a${REPLACEMENT}b${REPLACEMENT}${REPLACEMENT}c`]],
    ["/overlong", [`${REPLACEMENT}${REPLACEMENT}|${REPLACEMENT}${REPLACEMENT}${REPLACEMENT}`]],
    ["/surrogate", [`${REPLACEMENT}${REPLACEMENT}${REPLACEMENT}x`]],
    ["/truncated-then-newline", [REPLACEMENT, "next"]],
    ["/split-valid", ["é👋中"]],
    ["/truncated-at-end", [`end${REPLACEMENT}`]],
    ["/bad-field-name", ["shown"]],
    ["/garbage-lines", ["ok"]],
  ])("%s decodes to replacement characters and keeps the framing", async (path, expected) => {
    expect(await eventsOf(path)).toEqual(expected);
  });

  it("parses JSON whose string holds an invalid byte, with the byte replaced", async () => {
    const [data] = await eventsOf("/json-token");
    expect(parseEventJson<{ text: string }>({ data: data! }, { provider: "Utf8" }).text).toBe(
      `caf${REPLACEMENT}`,
    );
  });
});
