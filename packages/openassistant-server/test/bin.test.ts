// The built bin as a child process: flags, the URL on stdout, a real chat, SIGTERM.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(packageDir, "bin.js");

beforeAll(() => {
  if (!existsSync(join(packageDir, "dist", "bin.js")))
    execFileSync("npx", ["tsup"], { cwd: packageDir, stdio: "ignore" });
}, 120_000);

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function start(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "--port", "0", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && line) resolve({ child, url: line, stderr: () => stderr });
    });
    child.on("close", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

describe("g4f-openassistant-server", () => {
  it("--version prints the package version", async () => {
    const { code, stdout } = await run(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("--help lists the flags", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--host",
      "--port",
      "--token",
      "--mode",
      "--tokens-per-second",
      "--answer-tokens",
      "--upstream",
      "--upstream-model",
      "--admin-token",
    ])
      expect(stdout).toContain(flag);
  });

  it.each([
    [["--port", "abc"], "--port must be a whole number"],
    [["--mode", "fast"], "Allowed choices are lorem, echo"],
    [["--bogus"], "unknown option '--bogus'"],
    [["--upstream", "not a url"], "http(s) URL"],
    [["--upstream-model", "x"], "--upstream-model needs --upstream"],
  ])("bad flags %j exit 2 and say why", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("prints its URL, serves a chat with the token and stops on SIGTERM", async () => {
    const { child, url } = await start([
      "--token",
      "bin-token",
      "--mode",
      "echo",
      "--tokens-per-second",
      "0",
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = { cookie: "next-auth.session-token=bin-token", "content-type": "application/json" };
    const denied = await fetch(`${url}/api/chat`, {
      method: "POST",
      headers: { cookie: "next-auth.session-token=other" },
    });
    expect(denied.status).toBe(403);
    const chat = (await (await fetch(`${url}/api/chat`, { method: "POST", headers })).json()) as {
      id: string;
    };
    const prompt = (await (
      await fetch(`${url}/api/chat/prompter_message`, {
        method: "POST",
        headers,
        body: JSON.stringify({ chat_id: chat.id, parent_id: null, content: "echo me" }),
      })
    ).json()) as { id: string };
    const message = (await (
      await fetch(`${url}/api/chat/assistant_message`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          chat_id: chat.id,
          parent_id: prompt.id,
          model_config_name: "OA_SFT_Llama_30B_6",
        }),
      })
    ).json()) as { id: string };
    const text = await (
      await fetch(`${url}/api/chat/events?chat_id=${chat.id}&message_id=${message.id}`, { headers })
    ).text();
    expect(text).toContain('"text": " me"');
    const closed = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.removeAllListeners("close");
    child.kill("SIGTERM");
    expect(await closed).toBe(0);
  });

  it("reads the upstream key from G4F_UPSTREAM_API_KEY and never prints it", async () => {
    const { child, stderr } = await start(["--upstream", "http://127.0.0.1:9/v1"], {
      G4F_UPSTREAM_API_KEY: "sk-secret-key",
    });
    const closed = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.removeAllListeners("close");
    child.kill("SIGINT");
    expect(await closed).toBe(0);
    expect(stderr()).not.toContain("sk-secret-key");
  });
});
