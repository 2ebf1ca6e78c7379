/** A point in time with microsecond precision, counted from the Unix epoch. */
export type Microseconds = number;

let lastMicros = 0;

/**
 * The current time in microseconds since the epoch, strictly increasing within the process
 * (so `created_at` orders like the UUIDv7 ids do).
 */
export function nowMicros(): Microseconds {
  const fraction = Math.floor((performance.now() % 1) * 1000);
  let micros = Date.now() * 1000 + fraction;
  if (micros <= lastMicros) micros = lastMicros + 1;
  lastMicros = micros;
  return micros;
}

function pad(value: number, width = 2): string {
  return value.toString().padStart(width, "0");
}

function formatParts(micros: Microseconds, separator: string): string {
  const milliseconds = Math.floor(micros / 1000);
  const date = new Date(milliseconds);
  const fraction = micros - Math.floor(micros / 1_000_000) * 1_000_000;
  const base = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}${separator}${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return fraction === 0 ? base : `${base}.${pad(fraction, 6)}`;
}

/** Python's `datetime.isoformat()` of a naive UTC datetime: `YYYY-MM-DDTHH:MM:SS[.ffffff]`. */
export function formatIsoDatetime(micros: Microseconds): string {
  return formatParts(micros, "T");
}

/** Python's `str(datetime)` of a naive UTC datetime, as sse-starlette's ping comment has it. */
export function formatPythonDatetime(micros: Microseconds): string {
  return formatParts(micros, " ");
}
