#!/usr/bin/env node
// Runs the benchmarks (all, or the ones named on the command line), prints one table and writes
// bench/results/latest.json. Usage: node --expose-gc src/run-all.js [name…] [--strict] [--quick]
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable } from "./harness/format-table.js";
import { getMachineInfo } from "./harness/machine-info.js";
import { createProgress } from "./harness/progress.js";
import { makeStatusRow } from "./harness/row.js";
import { now } from "./harness/timing.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Every benchmark, in goal order: name on the command line → module. */
const benchmarks = [
  { name: "sse", file: "./benchmarks/sse.js" },
  { name: "chat", file: "./benchmarks/chat.js" },
  { name: "stream", file: "./benchmarks/stream.js" },
  { name: "concurrency", file: "./benchmarks/concurrency.js" },
  { name: "api", file: "./benchmarks/api.js" },
  { name: "cookies", file: "./benchmarks/cookies.js" },
  { name: "prompt", file: "./benchmarks/prompt.js" },
];

if (typeof globalThis.gc !== "function") {
  // Rounds must start from a collected heap: run again with --expose-gc.
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
}

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const quick = args.includes("--quick");
const names = args.filter((arg) => !arg.startsWith("--"));
const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(", ")}. Known: ${benchmarks.map((b) => b.name).join(", ")}.`,
  );
  process.exit(2);
}
const selected = names.length === 0 ? benchmarks : benchmarks.filter((b) => names.includes(b.name));

function isMissingBuild(error) {
  const text = String(error?.message ?? error);
  return (
    error?.code === "ERR_MODULE_NOT_FOUND" ||
    error?.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" ||
    /does not provide an export named/.test(text)
  );
}

const rows = [];
const timings = {};
const machine = getMachineInfo();
console.error(
  `g4f-ts benchmarks on node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}${quick ? " (quick)" : ""}`,
);
for (const entry of selected) {
  const started = now();
  let module;
  try {
    module = await import(entry.file);
  } catch (error) {
    if (!isMissingBuild(error)) throw error;
    console.error(`- ${entry.name}: skipped (${error.message.split("\n")[0]})`);
    rows.push(makeStatusRow(entry.name, "SKIP", `not runnable yet: ${error.message.split("\n")[0]}`));
    continue;
  }
  const benchmark = module.benchmark;
  console.error(`- ${benchmark.name}: ${benchmark.title}`);
  const progress = createProgress(benchmark.name);
  const controller = new AbortController();
  const limitMs = (benchmark.timeoutMs ?? 300_000) * (quick ? 0.5 : 1);
  let timer;
  try {
    const result = await Promise.race([
      benchmark.run({ progress, quick, signal: controller.signal }),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`${benchmark.name} took longer than ${limitMs / 1000} s`);
          controller.abort(error);
          reject(error);
        }, limitMs);
      }),
    ]);
    rows.push(...result);
  } catch (error) {
    console.error(`  ${benchmark.name} failed:`, error);
    rows.push(makeStatusRow(benchmark.name, "ERROR", String(error?.message ?? error).split("\n")[0]));
  } finally {
    clearTimeout(timer);
    progress.done();
  }
  timings[entry.name] = Math.round(now() - started);
  console.error(`  done in ${(timings[entry.name] / 1000).toFixed(1)} s`);
}

const table = formatTable(rows);
console.log(`\n${table}\n`);

const resultsDir = join(here, "..", "results");
await mkdir(resultsDir, { recursive: true });
const report = {
  machine,
  command: `node --expose-gc src/run-all.js ${args.join(" ")}`.trim(),
  selected: selected.map((b) => b.name),
  quick,
  durationsMs: timings,
  rows,
  table,
};
await writeFile(join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
console.error(`wrote ${join("bench", "results", "latest.json")}`);

const failed = rows.filter((row) => row.result === "FAIL").length;
const errors = rows.filter((row) => row.result === "ERROR").length;
if (failed > 0)
  console.error(`${failed} goal(s) missed${strict ? "" : " (exit code 0; pass --strict to fail)"}.`);
process.exit(errors > 0 || (strict && failed > 0) ? 1 : 0);
