// The load generator of goal 5, in its own process (as autocannon would be), so the `openai`
// client's own SSE parsing and its fetch do not count as API-server overhead. Usage: fork with
// argv [apiUrl, model, prompt]; each IPC message { id, concurrent } runs that many streaming
// completions at once and replies { id, elapsedMs, cpuMs, latencies, chunks }.
import OpenAI from "openai";

const [apiUrl, model, prompt] = process.argv.slice(2);
const client = new OpenAI({ baseURL: `${apiUrl}/v1`, apiKey: "unused", maxRetries: 0 });

async function one() {
  const begin = performance.now();
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: "user", content: prompt }],
    stream: true,
  });
  let chunks = 0;
  for await (const chunk of stream) if ((chunk.choices[0]?.delta?.content ?? "") !== "") chunks++;
  return { latency: performance.now() - begin, chunks };
}

process.on("message", async (message) => {
  try {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const results = await Promise.all(Array.from({ length: message.concurrent }, one));
    const cpu = process.cpuUsage(cpuStart);
    process.send?.({
      id: message.id,
      ok: true,
      elapsedMs: performance.now() - start,
      cpuMs: (cpu.user + cpu.system) / 1000,
      latencies: results.map((result) => result.latency),
      chunks: results.map((result) => result.chunks),
    });
  } catch (error) {
    process.send?.({ id: message.id, ok: false, error: String(error?.message ?? error) });
  }
});
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready" });
