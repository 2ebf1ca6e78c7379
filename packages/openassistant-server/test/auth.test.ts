// Sessions: both cookie names, chunks, Bearer, raw-byte tokens, banned and missing → 403 empty.
import { Buffer } from "node:buffer";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningOpenAssistantServer, startOpenAssistantServer } from "../src/index.js";

const LATIN1 = "tok-\u00e9\u00ff";
const CJK = "tok-東京";
let server: RunningOpenAssistantServer;

// fetch sends each header character as one byte, so this is how raw bytes are written.
const asBytes = (text: string): string => Buffer.from(text, "utf8").toString("latin1");

beforeAll(async () => {
  server = await startOpenAssistantServer({ tokens: [LATIN1, CJK, "a.b"], bannedTokens: ["banned"] });
});
afterAll(() => server.close());

async function create(headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/api/chat`, { method: "POST", headers });
}

describe("sessions", () => {
  it.each([
    ["plain cookie", { cookie: `next-auth.session-token=${LATIN1}` }],
    ["__Secure- cookie", { cookie: `__Secure-next-auth.session-token=${LATIN1}` }],
    ["chunked cookie in any order", { cookie: "next-auth.session-token.1=b; next-auth.session-token.0=a." }],
    ["a UTF-8 token as its bytes", { cookie: `next-auth.session-token=${asBytes(CJK)}` }],
    [
      "Bearer, percent-decoded",
      { authorization: "Bearer tok-%C3%A9%C3%BF".replace("%C3%A9%C3%BF", "%E9%FF") },
    ],
  ])("accepts a %s", async (_name, headers) => {
    const response = await create(headers);
    expect(response.status).toBe(200);
  });

  it("__Secure- wins over the plain cookie", async () => {
    const response = await create({
      cookie: `next-auth.session-token=${LATIN1}; __Secure-next-auth.session-token=nope`,
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ["no session", {}],
    ["an unknown token", { cookie: "next-auth.session-token=unknown" }],
    ["a banned token", { cookie: "next-auth.session-token=banned" }],
    [
      "the UTF-8 bytes of a latin1 token (no decoding)",
      { cookie: `next-auth.session-token=${asBytes(LATIN1)}` },
    ],
    ["a percent-encoded cookie (no decoding)", { cookie: "next-auth.session-token=tok-%E9%FF" }],
    ["another scheme", { authorization: `Basic ${LATIN1}` }],
  ])("answers 403 with an empty body and no Content-Type for %s", async (_name, headers) => {
    const response = await create(headers as Record<string, string>);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
  });

  it("records cookie names and the auth outcome, never values", async () => {
    server.reset();
    await create({ cookie: `next-auth.session-token=${LATIN1}; other=secret-value` });
    await create({ cookie: "next-auth.session-token=banned" });
    await create({});
    expect(server.state.requests.map((request) => [request.auth, request.cookieNames])).toEqual([
      ["ok", ["next-auth.session-token", "other"]],
      ["rejected", ["next-auth.session-token"]],
      ["missing", []],
    ]);
    expect(JSON.stringify(server.state)).not.toContain("secret-value");
    expect(server.state.chatsCreated).toHaveLength(1);
  });

  it("users only see their own chats", async () => {
    const open = await startOpenAssistantServer({});
    try {
      const mine = (await (
        await fetch(`${open.url}/api/chat`, { method: "POST", headers: { authorization: "Bearer me" } })
      ).json()) as { id: string };
      const theirs = await fetch(`${open.url}/api/chat?chat_id=${mine.id}`, {
        headers: { authorization: "Bearer you" },
      });
      expect(theirs.status).toBe(404);
      const list = (await (
        await fetch(`${open.url}/api/chat`, { headers: { authorization: "Bearer you" } })
      ).json()) as { chats: unknown[] };
      expect(list.chats).toEqual([]);
      expect(open.state.chatsCreated[0]?.userId).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await open.close();
    }
  });

  it("any byte string token round-trips as a cookie (property)", async () => {
    const open = await startOpenAssistantServer({});
    try {
      await fc.assert(
        fc.asyncProperty(
          fc
            .string({
              unit: fc.integer({ min: 0x21, max: 0xff }).map((code) => String.fromCharCode(code)),
              minLength: 1,
              maxLength: 40,
            })
            .filter((token) => !token.includes(";") && !token.includes(",") && code(token)),
          async (token) => {
            const strict = await startOpenAssistantServer({ tokens: [token] });
            try {
              const ok = await fetch(`${strict.url}/api/chat`, {
                method: "POST",
                headers: { cookie: `next-auth.session-token=${token}` },
              });
              expect(ok.status).toBe(200);
            } finally {
              await strict.close();
            }
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await open.close();
    }
  });
});

function code(token: string): boolean {
  // 0x7f is not a valid header byte.
  return !token.includes("\u007f");
}
