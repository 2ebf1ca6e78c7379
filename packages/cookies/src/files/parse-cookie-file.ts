import { utf8ToByteString } from "../byte-string.js";
import { CookieFileFormatError } from "../errors/cookie-file-format-error.js";
import type { ParsedCookieFile } from "./cookie-draft.js";
import { decodeFileText } from "./decode-file-text.js";
import { parseExtensionJson } from "./parse-extension-json.js";
import { parseG4fJson } from "./parse-g4f-json.js";
import { parseHar } from "./parse-har.js";
import { byteConverter, isObject } from "./parse-helpers.js";
import { looksLikeNetscape, parseNetscape } from "./parse-netscape.js";
import { parseStorageState } from "./parse-storage-state.js";

/**
 * Parses a cookie file of any format we read, recognised by content (never by name): JSON
 * (extension array, Playwright `storageState`, HAR `log.entries`, g4f's domain object) or a
 * Netscape `cookies.txt`. Names and values come out as byte strings.
 * @param bytes - the file's content.
 * @param path - the file, for errors.
 * @returns the format, the cookies in file order and the non-fatal issues (`NOT_UTF8`, …).
 * @throws CookieFileFormatError when the content is in none of the formats (with the line of a
 *   JSON syntax error when known). Its message names the file and line only, never content.
 * @internal
 */
export function parseCookieFile(bytes: Uint8Array, path: string): ParsedCookieFile {
  const decoded = decodeFileText(bytes);
  // A UTF-8 BOM survives a latin1 decode as "ï»¿"; either way it is not content.
  const text = decoded.text.replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, "");
  const start = text.trimStart()[0];
  if (start === "{" || start === "[") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      // The engine's message quotes the input: keep only the position, never the text or the cause.
      const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
      const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
      throw new CookieFileFormatError({
        file: path,
        ...(line === undefined ? {} : { line }),
        message: `${path}${line === undefined ? "" : `:${line}`} is not valid JSON (truncated or hand-edited?). Export the cookies again.`,
      });
    }
    const parsed = parseJson(json, decoded.utf8, path);
    if (!decoded.utf8) {
      parsed.issues.push({
        code: "NOT_UTF8",
        message: `${path} is not valid UTF-8; its strings were read byte for byte (latin1).`,
      });
    }
    return parsed;
  }
  const netscapeText = decoded.utf8 ? utf8ToByteString(text) : text;
  if (looksLikeNetscape(netscapeText)) return parseNetscape(netscapeText);
  throw new CookieFileFormatError({ file: path });
}

function parseJson(json: unknown, utf8: boolean, path: string): ParsedCookieFile {
  const toBytes = byteConverter(utf8);
  if (Array.isArray(json)) {
    if (json.every((entry) => isObject(entry))) return parseExtensionJson(json, toBytes);
  } else if (isObject(json)) {
    if (isObject(json.log) && Array.isArray(json.log.entries)) return parseHar(json.log.entries, toBytes);
    if (Array.isArray(json.cookies)) return parseStorageState(json.cookies, toBytes);
    if (Object.values(json).every((value) => isObject(value))) return parseG4fJson(json, toBytes);
  }
  throw new CookieFileFormatError({
    file: path,
    message: `${path} is JSON but not a cookie export we know. Use a browser-extension export (an array of {domain, name, value}), a Playwright storageState, a HAR, or g4f's {"domain": {"name": "value"}}.`,
  });
}
