#!/usr/bin/env node
// Runs the benchmarks (all, or the ones named on the command line), prints one table and writes
// bench/results/latest.json. Usage: node --expose-gc src/run-all.js [name…] [--strict] [--quick]
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatTable } from "./harness/format-table.js";
import { getMachineInfo } from "./harness/machine-info.js";
import { makeStatusRow } from "./harness/row.js";
import { now } from "./harness/timing.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Every benchmark, in goal order: name on the command line → module. */
const benchmarks = [
  { name: "sse" },
  { name: "chat" },
  { name: "stream" },
  { name: "concurrency" },
  { name: "api" },
  { name: "cookies" },
  { name: "prompt" },
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

const rows = [];
const timings = {};
const machine = getMachineInfo();
console.error(
  `g4f-ts benchmarks on node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}${quick ? " (quick)" : ""}`,
);
for (const entry of selected) {
  const started = now();
  // Each benchmark runs in a fresh process: one's heap, sockets and JIT state left behind would
  // weigh on the next (the cold cookie lookup measured 1.9 after the API benchmark, 1.25 alone).
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", join(here, "run-one.js"), entry.name, ...(quick ? ["--quick"] : [])],
    { stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    rows.push(...JSON.parse(child.stdout.toString("utf8")));
  } catch {
    const why = child.signal ?? `exit code ${child.status}`;
    console.error(`  ${entry.name} gave no result (${why})`);
    rows.push(makeStatusRow(entry.name, "ERROR", `the benchmark process ended without a result (${why})`));
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
