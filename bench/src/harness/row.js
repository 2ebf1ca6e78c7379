/**
 * One line of the results table.
 * @typedef {{ on: "ratio" | "ours", op: "<=" | ">=" | "<" | ">", target: number, unit?: string }} Goal
 * @typedef {{
 *   benchmark: string, figure: string, unit: string,
 *   ours: number | null, baseline: number | null, baselineName: string | null, ratio: number | null,
 *   goal: Goal | null, goalText: string, pass: boolean | null, result: "PASS" | "FAIL" | "info" | "SKIP" | "ERROR",
 *   note?: string, details?: Record<string, unknown>,
 * }} Row
 */

const operators = {
  "<=": (a, b) => a <= b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
};
const symbols = { "<=": "≤", ">=": "≥", "<": "<", ">": ">" };

/**
 * @param {Goal | null} goal
 * @returns {string} e.g. `ratio ≥ 0.90` or `< 0.05 ms`.
 */
export function describeGoal(goal) {
  if (goal === null) return "";
  const target = goal.on === "ratio" ? goal.target.toFixed(2) : String(goal.target);
  const unit = goal.unit === undefined ? "" : ` ${goal.unit}`;
  return `${goal.on === "ratio" ? "ratio " : ""}${symbols[goal.op]} ${target}${unit}`;
}

/**
 * Builds a row: the ratio is ours ÷ baseline unless given, and the goal is checked on the ratio or
 * on our figure.
 * @param {{
 *   benchmark: string, figure: string, unit: string, ours: number, baseline?: number | null,
 *   baselineName?: string, ratio?: number | null, goal?: Goal | null, note?: string,
 *   details?: Record<string, unknown>,
 * }} input
 * @returns {Row}
 */
export function makeRow(input) {
  const baseline = input.baseline ?? null;
  const ratio =
    input.ratio !== undefined
      ? input.ratio
      : baseline === null || baseline === 0
        ? null
        : input.ours / baseline;
  const goal = input.goal ?? null;
  let pass = null;
  if (goal !== null) {
    const value = goal.on === "ratio" ? ratio : input.ours;
    pass = value !== null && Number.isFinite(value) && operators[goal.op](value, goal.target);
  }
  return {
    benchmark: input.benchmark,
    figure: input.figure,
    unit: input.unit,
    ours: input.ours,
    baseline,
    baselineName: input.baselineName ?? null,
    ratio,
    goal,
    goalText: describeGoal(goal),
    pass,
    result: pass === null ? "info" : pass ? "PASS" : "FAIL",
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.details === undefined ? {} : { details: input.details }),
  };
}

/**
 * A row for a benchmark that could not run (a package not built yet) or crashed.
 * @param {string} benchmark
 * @param {"SKIP" | "ERROR"} result
 * @param {string} note
 * @returns {Row}
 */
export function makeStatusRow(benchmark, result, note) {
  return {
    benchmark,
    figure: result === "SKIP" ? "(skipped)" : "(error)",
    unit: "",
    ours: null,
    baseline: null,
    baselineName: null,
    ratio: null,
    goal: null,
    goalText: "",
    pass: result === "SKIP" ? null : false,
    result,
    note,
  };
}
