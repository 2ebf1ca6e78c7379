#!/usr/bin/env node
// Runs one benchmark in this (fresh) process and prints its rows as JSON on stdout; progress and
// errors go to stderr. run-all.js starts one of these per benchmark.
// Usage: node --expose-gc src/run-one.js <name> [--quick]
import { createProgress } from "./harness/progress.js";
import { makeStatusRow } from "./harness/row.js";

const [name] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const quick = process.argv.includes("--quick");

function isMissingBuild(error) {
  const text = String(error?.message ?? error);
  return (
    error?.code === "ERR_MODULE_NOT_FOUND" ||
    error?.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" ||
    /does not provide an export named/.test(text)
  );
}

async function runOne() {
  let module;
  try {
    module = await import(`./benchmarks/${name}.js`);
  } catch (error) {
    if (!isMissingBuild(error)) throw error;
    console.error(`- ${name}: skipped (${error.message.split("\n")[0]})`);
    return [makeStatusRow(name, "SKIP", `not runnable yet: ${error.message.split("\n")[0]}`)];
  }
  const benchmark = module.benchmark;
  console.error(`- ${benchmark.name}: ${benchmark.title}`);
  const progress = createProgress(benchmark.name);
  const controller = new AbortController();
  const limitMs = (benchmark.timeoutMs ?? 300_000) * (quick ? 0.5 : 1);
  let timer;
  try {
    return await Promise.race([
      benchmark.run({ progress, quick, signal: controller.signal }),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`${benchmark.name} took longer than ${limitMs / 1000} s`);
          controller.abort(error);
          reject(error);
        }, limitMs);
      }),
    ]);
  } catch (error) {
    console.error(`  ${benchmark.name} failed:`, error);
    return [makeStatusRow(benchmark.name, "ERROR", String(error?.message ?? error).split("\n")[0])];
  } finally {
    clearTimeout(timer);
    progress.done();
  }
}

const rows = await runOne();
process.stdout.write(`${JSON.stringify(rows)}\n`);
process.exit(0);
