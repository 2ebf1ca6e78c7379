/** One `[section]` of an INI file with its `key=value` pairs, in file order. @internal */
export interface IniSection {
  /** Section name without brackets. */
  name: string;
  /** Keys as written (case kept); the last duplicate wins. */
  values: Record<string, string>;
}

/**
 * A tolerant INI reader for `profiles.ini`: `;`/`#` comments, CRLF, a BOM, keys before any
 * section (ignored), lines without `=` (ignored).
 * @internal
 */
export function parseIni(text: string): IniSection[] {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith(";") || line.startsWith("#")) continue;
    if (line.startsWith("[") && line.endsWith("]")) {
      current = { name: line.slice(1, -1).trim(), values: {} };
      sections.push(current);
      continue;
    }
    const equals = line.indexOf("=");
    if (current === undefined || equals < 0) continue;
    current.values[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  }
  return sections;
}
