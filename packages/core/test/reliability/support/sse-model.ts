import fc from "fast-check";
import type { ServerSentEvent } from "../../../src/index.js";

// A model of an event stream: what the server meant to send, rendered to wire text with a random
// mix of CRLF, LF and CR line ends. The events the reader must yield are read off the model, not
// off the wire text, so the test does not lean on any SSE parser.

/** One line of the wire text inside an event block. */
export type WireLine =
  | { kind: "data"; value: string; space: boolean }
  | { kind: "event"; value: string }
  | { kind: "id"; value: string }
  | { kind: "comment"; value: string }
  | { kind: "ignored"; value: string };

/** One block: its lines, then a blank line (the last block may lack it). */
export interface WireBlock {
  lines: WireLine[];
}

/** A whole stream. */
export interface WireStream {
  /** Starts with a UTF-8 byte order mark, which decoding drops. */
  bom: boolean;
  blocks: WireBlock[];
  /** Whether the last block is closed by a blank line (a clean end dispatches it anyway). */
  closeLast: boolean;
  /** Line ends, one per line, cycled. */
  lineEnds: Array<"\r\n" | "\n" | "\r">;
}

// Values never hold CR or LF (they would end the line); they do hold multi-byte and astral
// characters, so byte-level chunking splits UTF-8 sequences.
const valueChar = fc.constantFrom(
  "a",
  "b",
  " ",
  ":",
  "é",
  "中",
  "👋",
  "\u0000",
  "\ufeff",
  "\u2028",
  "{",
  '"',
  "\t",
);
const value = fc.string({ unit: valueChar, maxLength: 12 });

const line: fc.Arbitrary<WireLine> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("data" as const), value, space: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("event" as const),
      value: fc.constantFrom("token", "message", "error", "ping", "", "safe prompt", "évent"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("id" as const),
      value: fc.string({ unit: fc.constantFrom("1", "z", " ", "é"), maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("comment" as const), value }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("ignored" as const),
      value: fc.constantFrom("retry: 1000", "retry: soon", "foo: bar", "unknownfield", "Data: x"),
    }),
  },
);

/** Random streams of up to a dozen blocks. */
export const wireStream: fc.Arbitrary<WireStream> = fc.record({
  bom: fc.boolean(),
  blocks: fc.array(fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 5 }) }), { maxLength: 12 }),
  closeLast: fc.boolean(),
  lineEnds: fc.array(fc.constantFrom("\r\n" as const, "\n" as const, "\r" as const), {
    minLength: 1,
    maxLength: 6,
  }),
});

function renderLine(wire: WireLine): string {
  switch (wire.kind) {
    case "data":
      // `data:x` and `data: x` mean the same; a value starting with a space needs the separator.
      return wire.space || wire.value.startsWith(" ") ? `data: ${wire.value}` : `data:${wire.value}`;
    case "event":
      return `event: ${wire.value}`;
    case "id":
      return `id: ${wire.value}`;
    case "comment":
      return `:${wire.value}`;
    case "ignored":
      return wire.value;
  }
}

/** The wire text of a stream. */
export function renderStream(stream: WireStream): string {
  let text = stream.bom ? "\ufeff" : "";
  let count = 0;
  let previousEnd = "";
  const end = (): string => stream.lineEnds[count++ % stream.lineEnds.length]!;
  stream.blocks.forEach((block, index) => {
    for (const wire of block.lines) {
      text += renderLine(wire);
      previousEnd = end();
      text += previousEnd;
    }
    if (index < stream.blocks.length - 1 || stream.closeLast) {
      // A CR then an empty line ending in LF would read as one CRLF, not as a blank line.
      const blankEnd = previousEnd === "\r" ? "\r" : end();
      text += blankEnd;
    }
  });
  return text;
}

/** The events a correct reader yields for the stream (pings and data-less blocks dropped). */
export function expectedEvents(stream: WireStream): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  for (const block of stream.blocks) {
    const data: string[] = [];
    let type: string | undefined;
    let id: string | undefined;
    for (const wire of block.lines) {
      if (wire.kind === "data") data.push(wire.value);
      if (wire.kind === "event") type = wire.value === "" ? undefined : wire.value;
      if (wire.kind === "id") id = wire.value.includes("\u0000") ? id : wire.value;
    }
    if (data.length === 0 || type === "ping") continue;
    events.push({
      ...(type === undefined ? {} : { event: type }),
      data: data.join("\n"),
      ...(id === undefined ? {} : { id }),
    });
  }
  return events;
}

/**
 * The wire text with every block closed by a blank line that is complete on arrival: a final CR
 * gets its LF, since a reader must wait for the next byte to tell a CR from a CRLF.
 * @param stream - the stream model.
 * @returns text whose events are all dispatchable without the end of the stream.
 */
export function renderTerminated(stream: WireStream): string {
  const text = renderStream({ ...stream, closeLast: true });
  return text.endsWith("\r") ? `${text}\n` : text;
}
