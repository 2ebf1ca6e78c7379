import { InvalidArgumentError } from "commander";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration option: a bare number is seconds; `500ms`, `30s`, `2m`, `1h` name the unit.
 * @param value - the option's text.
 * @returns milliseconds (0 = no limit).
 * @throws InvalidArgumentError (commander's usage error) for anything else.
 */
export function parseDuration(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(value);
  if (match === null)
    throw new InvalidArgumentError("Expected a duration such as 30 (seconds), 30s, 500ms or 2m.");
  const amount = Number(match[1]);
  const unit = (match[2] ?? "s").toLowerCase();
  return Math.round(amount * (UNITS[unit] ?? 1000));
}

/**
 * Parses a TCP port (0–65535; 0 picks a free one).
 * @param value - the option's text.
 * @returns the port.
 * @throws InvalidArgumentError for anything else.
 */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65_535)
    throw new InvalidArgumentError("Expected a port number from 0 to 65535.");
  return port;
}

/**
 * Collects a repeatable option into a list (`--browser firefox --browser chrome`, or `firefox,chrome`).
 * @param value - this occurrence.
 * @param previous - what was collected so far.
 * @returns the list with this value's comma-separated items added.
 */
export function collectList(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return [...(previous ?? []), ...items];
}
