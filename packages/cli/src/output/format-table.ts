/**
 * Lays out rows as aligned columns separated by two spaces (no trailing spaces).
 * @param header - column titles.
 * @param rows - cells, as plain text.
 * @param style - optional styling for the header line.
 * @returns the table, one line per row, ending with a newline.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: (text: string) => string = (text) => text,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[style(line(header)), ...rows.map(line)].join("\n")}\n`;
}
