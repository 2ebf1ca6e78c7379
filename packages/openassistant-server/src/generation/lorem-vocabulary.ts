import { type Packet, tokenPacket } from "../stream/packet.js";

const LOREM = [
  "lorem",
  "ipsum",
  "dolor",
  "sit",
  "amet",
  "consectetur",
  "adipiscing",
  "elit",
  "sed",
  "do",
  "eiusmod",
  "tempor",
  "incididunt",
  "ut",
  "labore",
  "et",
  "dolore",
  "magna",
  "aliqua",
  "enim",
  "ad",
  "minim",
  "veniam",
  "quis",
  "nostrud",
  "exercitation",
  "ullamco",
  "laboris",
  "nisi",
  "aliquip",
  "ex",
  "ea",
  "commodo",
  "consequat",
  "duis",
  "aute",
  "irure",
  "in",
  "reprehenderit",
  "voluptate",
  "velit",
  "esse",
  "cillum",
  "fugiat",
  "nulla",
  "pariatur",
  "excepteur",
  "sint",
  "occaecat",
  "cupidatat",
  "non",
  "proident",
  "sunt",
  "culpa",
  "qui",
  "officia",
  "deserunt",
  "mollit",
  "anim",
  "id",
  "est",
  "laborum",
];
const ACCENTED = [
  "café",
  "naïve",
  "über",
  "señor",
  "façade",
  "crème",
  "brûlée",
  "déjà",
  "smörgåsbord",
  "jalapeño",
  "piñata",
  "résumé",
  "Zürich",
  "São",
  "Kraków",
  "Ærøskøbing",
  "fiancée",
  "Ångström",
  "Māori",
  "garçon",
];
const CJK = ["你好", "世界", "日本語", "東京", "漢字", "北京", "学生", "ありがとう", "猫", "山"];
const EMOJI = ["🚀", "😀", "🎉", "🌍", "🐍"];

/** How a word is shaped by its place in a sentence. */
export enum Shape {
  /** First word of the answer: capitalised, no leading space. */
  First = 0,
  /** First word of the answer that is also its last: capitalised, period. */
  FirstLast = 1,
  /** Inside a sentence: leading space. */
  Middle = 2,
  /** Last word of a sentence: leading space, period. */
  Last = 3,
  /** First word of a later sentence: leading space, capitalised. */
  Start = 4,
  /** A one-word later sentence: leading space, capitalised, period. */
  StartLast = 5,
}

/** A word category; positions in a sentence pick one. */
export interface WordList {
  /** The words' packets, indexed `[word][shape]`. */
  readonly packets: readonly (readonly Packet[])[];
}

function capitalize(word: string): string {
  const first = word.codePointAt(0) ?? 0;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + word.slice(head.length);
}

function buildList(words: readonly string[]): WordList {
  return {
    packets: words.map((word) => {
      const cap = capitalize(word);
      return [cap, `${cap}.`, ` ${word}`, ` ${word}.`, ` ${cap}`, ` ${cap}.`].map(tokenPacket);
    }),
  };
}

/** The four word lists, built once on first use. */
export interface Vocabulary {
  /** Latin lorem ipsum words. */
  lorem: WordList;
  /** Words with accented Latin letters. */
  accented: WordList;
  /** Chinese and Japanese words. */
  cjk: WordList;
  /** Astral-plane emoji. */
  emoji: WordList;
}

let vocabulary: Vocabulary | undefined;

/** The shared vocabulary; every token packet of lorem mode comes from here, so tokens cost no allocation. */
export function getVocabulary(): Vocabulary {
  vocabulary ??= {
    lorem: buildList(LOREM),
    accented: buildList(ACCENTED),
    cjk: buildList(CJK),
    emoji: buildList(EMOJI),
  };
  return vocabulary;
}
