// Every route's success and error shapes (4.3, 4.4), body limits and the model list.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningOpenAssistantServer, startOpenAssistantServer } from "../src/index.js";
import { Client, TOKEN } from "./support/client.js";

let server: RunningOpenAssistantServer;
let client: Client;

beforeAll(async () => {
  server = await startOpenAssistantServer({
    tokens: [TOKEN],
    tokensPerSecond: 0,
    answerTokens: 4,
    pingIntervalMs: 0,
  });
  client = new Client(server);
});
afterEach(() => server.reset());
afterAll(() => server.close());

async function expectReply(response: Response, status: number, body: unknown): Promise<void> {
  expect(response.status).toBe(status);
  if (typeof body === "string") expect(await response.text()).toBe(body);
  else {
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual(body);
  }
}

describe("body parsing", () => {
  it("invalid JSON is 400 text", async () => {
    await expectReply(
      await client.request("POST", "/api/chat/prompter_message", "{nope"),
      400,
      "Invalid JSON",
    );
  });
  it("over 1 MB is 413 text", async () => {
    const response = await client.request("POST", "/api/chat/prompter_message", {
      content: "x".repeat(1024 * 1024),
    });
    await expectReply(response, 413, "Body exceeded 1mb limit");
  });
});

describe("/api/chat", () => {
  it("lists chats newest first, 20 a page, with base64 cursors", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 23; index++) ids.push((await client.createChat()).id);
    const first = await client.json<{
      chats: Array<{ id: string }>;
      next: string | null;
      prev: string | null;
    }>("GET", "/api/chat");
    expect(first.chats.map((chat) => chat.id)).toEqual(ids.slice(-20).reverse());
    expect(first.prev).toBeNull();
    expect(Buffer.from(first.next as string, "base64").toString()).toBe(ids[3]);
    const second = await client.json<{ chats: Array<{ id: string }>; next: string | null }>(
      "GET",
      `/api/chat?before=${first.next}`,
    );
    expect(second.chats.map((chat) => chat.id)).toEqual(ids.slice(0, 3).reverse());
    expect(second.next).toBeNull();
  });

  it("gets a chat with its messages, sets the title from the first prompt, updates with PUT", async () => {
    const { chatId, promptId, messageId } = await client.startAnswer("My title");
    const chat = await client.json<Record<string, unknown>>("GET", `/api/chat?chat_id=${chatId}`);
    expect(chat.title).toBe("My title");
    expect((chat.messages as Array<{ id: string }>).map((message) => message.id)).toEqual([
      promptId,
      messageId,
    ]);
    await expectReply(
      await client.request("PUT", "/api/chat", { chat_id: chatId, title: "New", hidden: true }),
      200,
      "",
    );
    const updated = await client.json<Record<string, unknown>>("GET", `/api/chat?chat_id=${chatId}`);
    expect(updated).toMatchObject({ title: "New", hidden: true });
    await expectReply(
      await client.request("PUT", "/api/chat", { chat_id: chatId, title: "x".repeat(101) }),
      500,
      "Internal Server Error",
    );
  });

  it("unknown chats: GET 404 empty, DELETE 500 text, other methods 404 empty", async () => {
    await expectReply(await client.request("GET", "/api/chat?chat_id=nope"), 404, "");
    await expectReply(await client.deleteChat("nope"), 500, "Internal Server Error");
    await expectReply(await client.request("DELETE", "/api/chat"), 500, "Internal Server Error");
    await expectReply(await client.request("PATCH", "/api/chat"), 404, "");
    await expectReply(await client.request("GET", "/api/chat/nothing"), 404, "");
  });

  it("GET /api/chat/message returns one message, else 500 text", async () => {
    const { chatId, promptId } = await client.startAnswer("hi");
    const message = await client.json<Record<string, unknown>>(
      "GET",
      `/api/chat/message?chat_id=${chatId}&message_id=${promptId}`,
    );
    expect(message).toMatchObject({
      id: promptId,
      role: "prompter",
      state: "manual",
      content: "hi",
      work_parameters: null,
    });
    await expectReply(
      await client.request("GET", `/api/chat/message?chat_id=${chatId}&message_id=nope`),
      500,
      "Internal Server Error",
    );
  });

  it("GET /api/chat/models lists the 25 configs with eight presets", async () => {
    const models = await client.json<
      Array<{ name: string; parameter_configs: Array<Record<string, unknown>> }>
    >("GET", "/api/chat/models");
    expect(models).toHaveLength(25);
    expect(models[0]?.name).toBe("_lorem");
    expect(models.at(-1)?.name).toBe("OA_SFT_CodeLlama_13B_10");
    const presets = models[0]?.parameter_configs ?? [];
    expect(presets.map((preset) => preset.name)).toEqual([
      "k50",
      "k50-Creative",
      "k50-Precise",
      "k50-Original",
      "k50-Plugins",
      "nucleus9",
      "typical2",
      "typical3",
    ]);
    expect(presets[4]).toEqual({
      name: "k50-Plugins",
      description: "Top-k sampling with k=50 and temperature=0.35",
      sampling_parameters: {
        top_k: 50,
        top_p: null,
        typical_p: null,
        temperature: 0.35,
        repetition_penalty: 1.1111111111111112,
        max_new_tokens: 1024,
      },
    });
  });
});

describe("prompter_message", () => {
  it("checks content, chat and parent in the server's order", async () => {
    const path = "/api/chat/prompter_message";
    await expectReply(await client.request("POST", path, { chat_id: "x" }), 422, {
      message: [{ loc: ["body", "content"], msg: "field required", type: "value_error.missing" }],
    });
    await expectReply(await client.request("POST", path, { chat_id: "nope", content: "x" }), 500, {
      message: "Something went wrong",
    });
    const { chatId, promptId, messageId } = await client.startAnswer();
    await expectReply(
      await client.request("POST", path, { chat_id: chatId, content: "x", parent_id: null }),
      400,
      {
        message: "Trying to add first message to non-empty chat",
      },
    );
    await expectReply(
      await client.request("POST", path, { chat_id: chatId, content: "x", parent_id: "nope" }),
      400,
      { message: "Parent message not found" },
    );
    await expectReply(
      await client.request("POST", path, { chat_id: chatId, content: "x", parent_id: promptId }),
      400,
      {
        message: "Parent message is not an assistant message",
      },
    );
    await (await client.events(chatId, messageId)).text();
    const next = await client.request("POST", path, {
      chat_id: chatId,
      content: "again",
      parent_id: messageId,
    });
    expect(next.status).toBe(200);
  });

  it("an unfinished parent is 400 Parent message is not complete", async () => {
    const slow = await startOpenAssistantServer({ tokens: [TOKEN], tokensPerSecond: 1 });
    try {
      const slowClient = new Client(slow);
      const { chatId, messageId } = await slowClient.startAnswer();
      await expectReply(
        await slowClient.request("POST", "/api/chat/prompter_message", {
          chat_id: chatId,
          content: "x",
          parent_id: messageId,
        }),
        400,
        { message: "Parent message is not complete" },
      );
    } finally {
      await slow.close();
    }
  });

  it("enforces messageMaxLength and chatMaxMessages with 413", async () => {
    const limited = await startOpenAssistantServer({
      tokens: [TOKEN],
      messageMaxLength: 5,
      chatMaxMessages: 1,
    });
    try {
      const limitedClient = new Client(limited);
      const chat = await limitedClient.createChat();
      await expectReply(
        await limitedClient.request("POST", "/api/chat/prompter_message", {
          chat_id: chat.id,
          content: "too long",
        }),
        413,
        {
          message: "Message content exceeds max length",
        },
      );
      const prompt = await limitedClient.prompter(chat.id, "ok");
      await expectReply(
        await limitedClient.request("POST", "/api/chat/assistant_message", {
          chat_id: chat.id,
          parent_id: prompt.id,
          model_config_name: "OA_SFT_Llama_30B_6",
        }),
        413,
        { message: "Maximum number of messages reached for this chat" },
      );
    } finally {
      await limited.close();
    }
  });
});

describe("assistant_message", () => {
  const path = "/api/chat/assistant_message";

  it("validates the body with pydantic's detail arrays", async () => {
    await expectReply(
      await client.request("POST", path, { sampling_parameters: { top_k: 1.5, temperature: "hot" } }),
      422,
      {
        message: [
          { loc: ["body", "parent_id"], msg: "field required", type: "value_error.missing" },
          { loc: ["body", "model_config_name"], msg: "field required", type: "value_error.missing" },
          {
            loc: ["body", "sampling_parameters", "top_k"],
            msg: "value is not a valid integer",
            type: "type_error.integer",
          },
          {
            loc: ["body", "sampling_parameters", "temperature"],
            msg: "value is not a valid float",
            type: "type_error.float",
          },
        ],
      },
    );
  });

  it("unknown and disallowed models are 422", async () => {
    await expectReply(
      await client.request("POST", path, { parent_id: "x", model_config_name: "gpt-9" }),
      422,
      { message: "Model gpt-9 not found" },
    );
    const only = await startOpenAssistantServer({ tokens: [TOKEN], allowedModels: ["_lorem", "distilgpt2"] });
    try {
      const response = await new Client(only).request("POST", path, {
        parent_id: "x",
        model_config_name: "OA_SFT_Llama_30B_6",
      });
      await expectReply(response, 422, {
        message: "Model OA_SFT_Llama_30B_6 not in allowed models: _lorem,distilgpt2",
      });
      const models = await new Client(only).json<Array<{ name: string }>>("GET", "/api/chat/models");
      expect(models.map((model) => model.name)).toEqual(["_lorem", "distilgpt2"]);
    } finally {
      await only.close();
    }
  });

  it("an unknown parent is 500, a foreign one 400 Message not found", async () => {
    await expectReply(
      await client.request("POST", path, { parent_id: "nope", model_config_name: "OA_SFT_Llama_30B_6" }),
      500,
      {
        message: "Something went wrong",
      },
    );
    const { promptId } = await client.startAnswer();
    const stranger = new Client(server, { authorization: "Bearer someone-else" });
    expect((await stranger.request("POST", "/api/chat")).status).toBe(403);
    const open = await startOpenAssistantServer({});
    try {
      const owner = new Client(open, { authorization: "Bearer owner" });
      const other = new Client(open, { authorization: "Bearer other" });
      const chat = await owner.createChat();
      const prompt = await owner.prompter(chat.id, "mine");
      await expectReply(
        await other.request("POST", path, { parent_id: prompt.id, model_config_name: "OA_SFT_Llama_30B_6" }),
        400,
        {
          message: "Message not found",
        },
      );
    } finally {
      await open.close();
    }
    expect(promptId).toBeTruthy();
  });

  it("keeps sent sampling keys, nulls the rest, drops unknown ones; max_new_tokens caps the answer", async () => {
    const { chatId, messageId } = await client.startAnswer("cap", {
      sampling_parameters: { temperature: 1, max_new_tokens: 2, stream: true },
      system_prompt: "Be kind",
    });
    const message = await client.json<{ work_parameters: Record<string, unknown> }>(
      "GET",
      `/api/chat/message?chat_id=${chatId}&message_id=${messageId}`,
    );
    expect(message.work_parameters.sampling_parameters).toEqual({
      top_k: null,
      top_p: null,
      typical_p: null,
      temperature: 1,
      repetition_penalty: null,
      max_new_tokens: 2,
    });
    expect(message.work_parameters.system_prompt).toBe("Be kind");
    const text = await (await client.events(chatId, messageId)).text();
    expect(text.match(/"event_type": "token"/g)).toHaveLength(2);
    // An integral float prints as Python's 1.0 in the event stream.
    expect(text).toContain('"temperature": 1.0');
  });

  it("a new assistant message with another parent cancels the user's pending ones", async () => {
    const queued = await startOpenAssistantServer({
      tokens: [TOKEN],
      workers: 1,
      tokensPerSecond: 1,
      answerTokens: 50,
    });
    try {
      const queuedClient = new Client(queued);
      await queuedClient.startAnswer("runs");
      const waiting = await queuedClient.startAnswer("waits");
      await queuedClient.startAnswer("cancels the other");
      const message = await queuedClient.json<{ state: string }>(
        "GET",
        `/api/chat/message?chat_id=${waiting.chatId}&message_id=${waiting.messageId}`,
      );
      expect(message.state).toBe("cancelled");
    } finally {
      await queued.close();
    }
  });
});

describe("enableChat: false", () => {
  it("answers every chat route 404 empty (after auth)", async () => {
    const off = await startOpenAssistantServer({ tokens: [TOKEN], enableChat: false });
    try {
      const offClient = new Client(off);
      await expectReply(await offClient.request("POST", "/api/chat"), 404, "");
      await expectReply(await offClient.request("GET", "/api/chat/models"), 404, "");
      await expectReply(await new Client(off, {}).request("POST", "/api/chat"), 403, "");
    } finally {
      await off.close();
    }
  });
});
