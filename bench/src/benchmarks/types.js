/**
 * What every file in benchmarks/ exports as `benchmark`.
 * @typedef {{
 *   progress: { update(message: string): void, done(): void },
 *   quick: boolean,
 *   signal: AbortSignal,
 * }} BenchmarkContext
 * @typedef {{
 *   name: string,
 *   title: string,
 *   goal: string,
 *   timeoutMs?: number,
 *   run(context: BenchmarkContext): Promise<import("../harness/row.js").Row[]>,
 * }} Benchmark
 */
export {};
