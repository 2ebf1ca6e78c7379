import { createHash } from "node:crypto";
import { type Packet, tokenPacket } from "../stream/packet.js";
import { getVocabulary, Shape, type WordList } from "./lorem-vocabulary.js";

/** A synchronous, deterministic source of token packets. */
export interface TokenSource {
  /** The next token, or `undefined` at the end. */
  next(): Packet | undefined;
}

/** The hash every deterministic choice of a message comes from. */
export function generationHash(model: string, prompt: string, length: number): Buffer {
  return createHash("sha256").update(`${model}\u0000${length}\u0000`).update(prompt).digest();
}

/** A seed within 0..2^53−1 taken from the generation hash. */
export function seedFromHash(hash: Buffer): number {
  // 48 + 5 bits = 53: the largest integer JSON round-trips exactly.
  return hash.readUIntBE(8, 6) * 0x20 + (hash.readUInt8(14) & 0x1f);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE = 8;

/**
 * Lorem tokens: sentences of eight words, each with an accented word (3rd), a CJK word (5th)
 * and, every other sentence, an astral emoji (7th); capitalised starts, periods at the ends.
 */
export function createLoremSource(hash: Buffer, length: number): TokenSource {
  const vocabulary = getVocabulary();
  const random = mulberry32(hash.readUInt32BE(0));
  let index = 0;
  const pick = (list: WordList, shape: Shape): Packet => {
    const word = list.packets[Math.floor(random() * list.packets.length)] ?? list.packets[0];
    return (word as readonly Packet[])[shape] as Packet;
  };
  return {
    next() {
      if (index >= length) return undefined;
      const position = index % SENTENCE;
      const last = position === SENTENCE - 1 || index === length - 1;
      let shape: Shape;
      if (index === 0) shape = last ? Shape.FirstLast : Shape.First;
      else if (position === 0) shape = last ? Shape.StartLast : Shape.Start;
      else shape = last ? Shape.Last : Shape.Middle;
      let list = vocabulary.lorem;
      if (position === 2) list = vocabulary.accented;
      else if (position === 4) list = vocabulary.cjk;
      else if (position === 6 && Math.floor(index / SENTENCE) % 2 === 0) list = vocabulary.emoji;
      index++;
      return pick(list, shape);
    },
  };
}

const WRAPPER_START = "<s>[INST]\n";
const WRAPPER_END = "\n[/INST]";

/** A prompter message without g4f's `<s>[INST]\n`…`\n[/INST]` wrapper. */
export function unwrapPrompt(content: string): string {
  if (
    content.startsWith(WRAPPER_START) &&
    content.endsWith(WRAPPER_END) &&
    content.length >= WRAPPER_START.length + WRAPPER_END.length
  ) {
    return content.slice(WRAPPER_START.length, content.length - WRAPPER_END.length);
  }
  return content;
}

/**
 * Echo tokens: the unwrapped prompt word by word, each word with the whitespace before it
 * (none before the first), at most `limit` words.
 */
export function createEchoSource(content: string, limit: number): TokenSource {
  const text = unwrapPrompt(content);
  const word = /\s*\S+/y;
  const leading = /\s*/y;
  leading.exec(text);
  word.lastIndex = leading.lastIndex;
  let count = 0;
  let first = true;
  return {
    next() {
      if (count >= limit) return undefined;
      const match = word.exec(text);
      if (!match) return undefined;
      count++;
      const piece = first ? match[0].trimStart() : match[0];
      first = false;
      return tokenPacket(piece);
    },
  };
}
