import { encodePythonJson, encodePythonString } from "../internal/python-json.js";

/** One item of a message's packet queue: a token, or the final `message`/`error` event. */
export interface Packet {
  /** What the packet is. */
  kind: "token" | "message" | "error";
  /** The token text (`""` for final packets). */
  text: string;
  /** The event JSON, as Python's `json.dumps` wrote it. */
  json: string;
  /** `data: <json>\r\n\r\n`, precomputed for table tokens, else built when written. */
  sse?: string;
}

/** The event JSON of a token, e.g. `{"event_type": "token", "text": " caf\u00e9"}`. */
export function tokenJson(text: string): string {
  return `{"event_type": "token", "text": ${encodePythonString(text)}}`;
}

/** A token packet with its framing precomputed. */
export function tokenPacket(text: string): Packet {
  const json = tokenJson(text);
  return { kind: "token", text, json, sse: `data: ${json}\r\n\r\n` };
}

/** The final `message` packet. */
export function messagePacket(messageRead: Record<string, unknown>): Packet {
  return {
    kind: "message",
    text: "",
    json: encodePythonJson({ event_type: "message", message: messageRead }),
  };
}

/** A final `error` packet. */
export function errorPacket(error: string, messageRead: Record<string, unknown> | null): Packet {
  return {
    kind: "error",
    text: "",
    json: encodePythonJson({ event_type: "error", error, message: messageRead }),
  };
}

/** The `pending` event JSON. */
export function pendingJson(position: number, size: number): string {
  return `{"event_type": "pending", "queue_position": ${position}, "queue_size": ${size}}`;
}
