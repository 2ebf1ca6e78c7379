/**
 * Who wrote a message. The usual roles are listed; any other string is accepted and rendered
 * as is by {@link formatPrompt}.
 */
export type Role = "system" | "developer" | "user" | "assistant" | "tool" | (string & {});

/** A plain-text part of a message's content. */
export interface TextPart {
  /** Always `"text"`. */
  type: "text";
  /** The text of this part. */
  text: string;
}

/** A non-text part of a message's content (image, file, audio…); most providers skip it. */
export interface OtherPart {
  /** The part's kind, for example `"image_url"`. */
  type: string;
  /** Kind-specific fields. */
  [key: string]: unknown;
}

/** One part of a message's content: text, or another kind a provider may skip. */
export type ContentPart = TextPart | OtherPart;

/** One chat message, in the OpenAI chat shape. */
export interface Message {
  /** Who wrote it (`"user"`, `"assistant"`, `"system"`…). */
  role: Role;
  /** The text, a list of parts, or `null` (rendered as an empty string). */
  content: string | readonly ContentPart[] | null;
  /** Optional author name. */
  name?: string;
}

/** A conversation, oldest message first. */
export type Messages = readonly Message[];
