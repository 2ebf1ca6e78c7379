const number = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/**
 * @param {number | null} value
 * @param {string} unit
 * @returns {string} three significant digits with the unit, or an empty string.
 */
export function formatValue(value, unit) {
  if (value === null || value === undefined) return "";
  if (!Number.isFinite(value)) return String(value);
  const text = Math.abs(value) >= 1000 ? number.format(Math.round(value)) : number.format(value);
  return unit === "" ? text : `${text} ${unit}`;
}

/**
 * Renders rows as one aligned plain-text table (also valid Markdown).
 * @param {import("./row.js").Row[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const header = ["benchmark", "figure", "ours", "baseline", "ratio", "goal", "result"];
  const body = rows.map((row) => [
    row.benchmark,
    row.figure,
    formatValue(row.ours, row.unit),
    row.baseline === null ? (row.baselineName ?? "") : formatValue(row.baseline, row.unit),
    row.ratio === null ? "" : row.ratio.toFixed(3),
    row.goalText,
    row.result,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column].length)),
  );
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  const notes = rows
    .filter((row) => row.note !== undefined)
    .map((row) => `- ${row.benchmark} / ${row.figure}: ${row.note}`);
  return [line(header), rule, ...body.map(line), ...(notes.length > 0 ? ["", ...notes] : [])].join("\n");
}
