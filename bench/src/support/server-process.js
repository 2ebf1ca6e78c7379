import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const childFile = fileURLToPath(new URL("./server-child.js", import.meta.url));

/**
 * Starts the reference Open Assistant server in a child process (see server-child.js).
 * @param {Record<string, unknown>} options - startOpenAssistantServer options (JSON-serialisable).
 * @returns {Promise<{
 *   url: string,
 *   state(): Promise<{ chatsCreated: number, chatsDeleted: number, aliveChats: number, rss: number }>,
 *   waitForIdle(timeoutMs?: number): Promise<{ chatsCreated: number, chatsDeleted: number, aliveChats: number, rss: number }>,
 *   close(): Promise<void>,
 * }>}
 */
export async function startServerProcess(options) {
  const child = fork(childFile, [JSON.stringify(options)], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    execArgv: [],
  });
  const waiting = new Map();
  let nextId = 1;
  const url = await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the server child exited with code ${code}`)));
    child.on("message", (message) => {
      if (message.type === "ready") resolve(message.url);
      const pending = waiting.get(message.id);
      if (pending === undefined) return;
      waiting.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(`server child: ${message.error}`));
    });
  });
  const ask = (type, extra = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.send({ id, type, ...extra });
    });
  return {
    url,
    state: () => ask("state"),
    waitForIdle: (timeoutMs) => ask("waitForIdle", { timeoutMs }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await ask("close").catch(() => undefined);
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
