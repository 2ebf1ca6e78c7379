/**
 * A value the Python encoder prints as a float (`1.0`, `1e-05`), as pydantic does for `float` fields.
 * Plain JavaScript numbers print as integers when they are integral.
 */
export class PythonFloat {
  /** The number to print. */
  readonly value: number;
  /** @param value - the number to print as a Python float */
  constructor(value: number) {
    this.value = value;
  }
}

/**
 * Formats a number as Python's `repr(float)` (shortest round trip; fixed notation for exponents
 * -4..15, else `d.ddde±XX`; `NaN`, `Infinity`, `-Infinity` as `json.dumps` writes them).
 */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const exponential = value.toExponential();
  const sign = exponential.startsWith("-") ? "-" : "";
  const body = sign ? exponential.slice(1) : exponential;
  const eIndex = body.indexOf("e");
  const digits = body.slice(0, eIndex).replace(".", "");
  const exponent = Number(body.slice(eIndex + 1));
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const padded = digits.length > exponent + 1 ? digits : digits.padEnd(exponent + 1, "0");
    const integerPart = padded.slice(0, exponent + 1);
    const fraction = padded.slice(exponent + 1);
    return `${sign}${integerPart}.${fraction || "0"}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const magnitude = Math.abs(exponent).toString().padStart(2, "0");
  return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${magnitude}`;
}

// Everything json.dumps leaves alone: printable ASCII minus `"` and `\`.
const SAFE_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const SHORT_ESCAPES: Record<number, string> = {
  34: '\\"',
  92: "\\\\",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  8: "\\b",
  12: "\\f",
};

/**
 * Encodes a string as Python's `json.dumps` does with `ensure_ascii=True`: every code unit
 * outside U+0020–U+007E becomes `\uXXXX` (lower-case hex), so astral characters become
 * surrogate pairs.
 */
export function encodePythonString(text: string): string {
  if (SAFE_STRING.test(text)) return `"${text}"`;
  let out = '"';
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code <= 0x7e && code !== 0x22 && code !== 0x5c) continue;
    if (index > start) out += text.slice(start, index);
    out += SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, "0")}`;
    start = index + 1;
  }
  if (start < text.length) out += text.slice(start);
  return `${out}"`;
}

/**
 * Encodes a value as Python's default `json.dumps` does: separators `", "` and `": "`,
 * ASCII-only strings, integral numbers as integers, {@link PythonFloat} as Python floats.
 * Object keys keep their insertion order.
 */
export function encodePythonJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return encodePythonString(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isInteger(value) ? String(value) : formatPythonFloat(value);
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return "null";
  }
  if (value instanceof PythonFloat) return formatPythonFloat(value.value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    let out = "[";
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ", ";
      out += encodePythonJson(value[index]);
    }
    return `${out}]`;
  }
  let out = "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out += `${first ? "" : ", "}${encodePythonString(key)}: ${encodePythonJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
