import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runMock } from "./run-g4f.js";

beforeAll(() => ensureBuilt(), 120_000);

describe("g4f providers", () => {
  it("prints every provider as JSON with --json", async () => {
    const run = await runMock(["providers", "--json"]);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(list.map((entry) => entry.name)).toEqual(["Mock", "OpenAssistant"]);
    expect(list[0]).toMatchObject({
      label: "Mock provider",
      needsAuth: false,
      working: true,
      models: ["mock-model", "mock-large"],
    });
  });

  it("keeps only working providers with --working", async () => {
    const run = await runMock(["providers", "--json", "--working"]);
    expect((JSON.parse(run.stdout) as Array<{ name: string }>).map((entry) => entry.name)).toEqual(["Mock"]);
  });

  it("prints a table with a header", async () => {
    const run = await runMock(["providers"]);
    expect(run.stdout.split("\n")[0]).toMatch(/^NAME\s+LABEL\s+URL\s+AUTH\s+WORKING\s+MODELS$/);
    expect(run.stdout).toMatch(
      /^Mock\s+Mock provider\s+https:\/\/mock\.example\s+no\s+yes\s+mock-model, mock-large$/m,
    );
  });
});
