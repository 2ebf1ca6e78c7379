import { createMockProvider } from "@g4f/core/testing";
import OpenAI from "openai";
import { expect, it } from "vitest";
import { openai, startServer } from "./helpers.js";

it("lists Provider:model ids and only unambiguous plain ids, skipping unusable providers", async () => {
  const server = await startServer({
    providers: [
      createMockProvider({ name: "Alpha", models: ["shared", "alpha-only"], model: "shared" }),
      createMockProvider({ name: "Beta", models: ["shared"], model: "shared" }),
      createMockProvider({ name: "Broken", working: false, model: "broken-1", models: [] }),
    ],
  });
  const ids = (await openai(server).models.list()).data.map((model) => model.id);
  expect(ids).toEqual(["Alpha:shared", "Alpha:alpha-only", "Beta:shared", "alpha-only"]);
});

it("routes by g4f's provider field and reports providers without operator secrets", async () => {
  const Beta = createMockProvider({ name: "Beta" });
  const server = await startServer({
    providers: [createMockProvider({ name: "Alpha" }), Beta],
    providerOptions: { beta: { cookies: { session: "SECRET-VALUE-123" }, baseUrl: "http://127.0.0.1:9" } },
  });
  await openai(server).chat.completions.create({
    model: "mock-large",
    provider: "Beta",
    messages: [{ role: "user", content: "Hi" }],
  } as never);
  expect(Beta.stats.calls[0]?.model).toBe("mock-large");
  const text = await (await fetch(`${server.url}/v1/providers`)).text();
  expect(JSON.parse(text).data.map((provider: { id: string }) => provider.id)).toEqual(["Alpha", "Beta"]);
  expect(text).not.toContain("SECRET-VALUE-123");
  expect(text).not.toContain("127.0.0.1:9");
});

it("suggests close model ids for an unknown one", async () => {
  const server = await startServer({ providers: [createMockProvider({ name: "Mock" })] });
  const error = await openai(server)
    .models.retrieve("mock-modle")
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  expect((error as Error).message).toMatch(/Did you mean "mock-model"/);
});
