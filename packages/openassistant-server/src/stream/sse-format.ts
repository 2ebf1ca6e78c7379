import { formatPythonDatetime, nowMicros } from "../internal/format-datetime.js";

/** The event separator: `\r\n\r\n` as sse-starlette wrote it, or `\n\n` under the `lfFraming` fault. */
export type Framing = "crlf" | "lf";

/** Frames a `data:` event. */
export function frameData(json: string, framing: Framing): string {
  return framing === "crlf" ? `data: ${json}\r\n\r\n` : `data: ${json}\n\n`;
}

/** A ping: the comment `: ping - <utc time>` or the legacy `event: ping` + `data: <utc time>`. */
export function framePing(style: "comment" | "legacy", framing: Framing): string {
  const time = formatPythonDatetime(nowMicros());
  const newline = framing === "crlf" ? "\r\n" : "\n";
  return style === "comment"
    ? `: ping - ${time}${newline}${newline}`
    : `event: ping${newline}data: ${time}${newline}${newline}`;
}
