import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { binPath, ensureBuilt, mockPlugin } from "./run-g4f.js";

const driver = fileURLToPath(new URL("./pty-driver.py", import.meta.url));
type Step = { expect: string } | { send: string };

async function drive(steps: Step[], mock: Record<string, unknown> = {}) {
  const spec = {
    cmd: [process.execPath, binPath, "--plugin", mockPlugin, "chat", "-p", "Mock"],
    env: { NO_COLOR: "1", G4F_TEST_MOCK: JSON.stringify(mock), TERM: "xterm" },
    timeout: 30,
    steps,
  };
  const { stdout } = await promisify(execFile)("python3", [driver, JSON.stringify(spec)], {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as { ok: boolean; error: string | null; output: string; exitCode: number | null };
}

beforeAll(() => ensureBuilt(), 120_000);

describe("g4f chat on a terminal", () => {
  it("keeps the history across turns and leaves on /exit", async () => {
    const result = await drive(
      [
        { expect: "you ›" },
        { send: "first question\r" },
        { expect: '"content":"first question"\\}\\]' },
        { expect: "you ›" },
        { send: "second question\r" },
        { expect: '"content":"second question"\\}\\]' },
        { expect: "you ›" },
        { send: "/exit\r" },
      ],
      { echo: true },
    );
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
    const turns = [...result.output.matchAll(/\{"model".*\}/g)].map((match) => JSON.parse(match[0]));
    expect(turns).toHaveLength(2);
    expect(turns[1].messages).toEqual([
      { role: "user", content: "first question" },
      { role: "assistant", content: JSON.stringify(turns[0]) },
      { role: "user", content: "second question" },
    ]);
  });

  it("forgets the conversation on /reset", async () => {
    const result = await drive(
      [
        { expect: "you ›" },
        { send: "one\r" },
        { expect: "you ›" },
        { send: "/reset\r" },
        { expect: "conversation cleared" },
        { send: "two\r" },
        { expect: '"content":"two"\\}\\]' },
        { expect: "you ›" },
        { send: "\u0004" },
      ],
      { echo: true },
    );
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
    const turns = [...result.output.matchAll(/\{"model".*\}/g)].map((match) => JSON.parse(match[0]));
    expect(turns.at(-1).messages).toEqual([{ role: "user", content: "two" }]);
  });

  it("stops an answer on Ctrl-C and exits on a second Ctrl-C at the prompt", async () => {
    const result = await drive(
      [
        { expect: "you ›" },
        { send: "hi\r" },
        { expect: "partial" },
        { send: "\u0003" },
        { expect: "stopped[\\s\\S]*you ›" },
        { send: "\u0003" },
      ],
      { tokens: ["partial ", "never"], stallAfter: 1 },
    );
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
    expect(result.output).not.toContain("never");
  });

  it("shows the commands on /help", async () => {
    const result = await drive([
      { expect: "you ›" },
      { send: "/help\r" },
      { expect: "/reset" },
      { send: "/exit\r" },
    ]);
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
  });
});
