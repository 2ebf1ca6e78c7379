import { Buffer } from "node:buffer";

/**
 * A token as a latin1 byte string: kept as is when every character is ≤ U+00FF (already one
 * character per byte), else encoded as UTF-8 first.
 */
export function toByteString(token: string): string {
  for (let index = 0; index < token.length; index++) {
    if (token.charCodeAt(index) > 0xff) return Buffer.from(token, "utf8").toString("latin1");
  }
  return token;
}
