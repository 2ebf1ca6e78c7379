// A child process running the reference Open Assistant server, so its CPU and memory stay out of
// the benchmark process. Started by server-process.js with fork(); options arrive as JSON in
// argv[2]. It answers IPC messages { id, type: "state" | "waitForIdle" | "close" }.
import { startOpenAssistantServer } from "@g4f/openassistant-server";

const options = JSON.parse(process.argv[2] ?? "{}");
const server = await startOpenAssistantServer({ port: 0, ...options });

function summary() {
  const state = server.state;
  return {
    chatsCreated: state.chatsCreated.length,
    chatsDeleted: state.chatsDeleted.length,
    aliveChats: state.aliveChats().length,
    rss: process.memoryUsage.rss(),
  };
}

process.on("message", async (message) => {
  const reply = (body) => process.send?.({ id: message.id, ...body });
  try {
    if (message.type === "state") reply({ ok: true, value: summary() });
    else if (message.type === "waitForIdle") {
      await server.waitForIdle({ timeoutMs: message.timeoutMs ?? 60_000 });
      reply({ ok: true, value: summary() });
    } else if (message.type === "close") {
      await closeOnce();
      reply({ ok: true });
      process.disconnect?.();
    } else reply({ ok: false, error: `unknown message ${message.type}` });
  } catch (error) {
    reply({ ok: false, error: String(error?.message ?? error) });
  }
});
let closing;
const closeOnce = () => {
  closing ??= server.close();
  return closing;
};
process.on("disconnect", () => {
  closeOnce().finally(() => process.exit(0));
});
process.send?.({ type: "ready", url: server.url });
