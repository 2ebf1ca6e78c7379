import { InvalidRequestError } from "../errors/invalid-request-error.js";

function partToString(part: unknown, field: string): string {
  if (typeof part !== "object" || part === null || Array.isArray(part)) {
    throw new InvalidRequestError({
      field,
      message: `${field} must be an object such as { type: "text", text: "…" }.`,
    });
  }
  const record = part as Record<string, unknown>;
  if ("bucket_id" in record) {
    throw new InvalidRequestError({
      field,
      message: `${field} is a file bucket part (bucket_id), which is not supported. Send the file's text as a text part instead.`,
    });
  }
  const text = record.text;
  if (text === undefined || text === null) return "";
  if (typeof text !== "string")
    throw new InvalidRequestError({ field: `${field}.text`, message: `${field}.text must be a string.` });
  return text;
}

/**
 * g4f's `to_string`: a string as is, `null` as `""`, a part as its text, a list as the
 * concatenation of its text parts.
 * @internal
 */
export function contentToString(content: unknown, field: string): string {
  if (typeof content === "string") return content;
  if (content === null) return "";
  if (content === undefined) {
    throw new InvalidRequestError({
      field,
      message: `${field} is missing. Use a string, a list of parts, or null.`,
    });
  }
  if (Array.isArray(content)) {
    let result = "";
    for (let index = 0; index < content.length; index++) {
      const part: unknown = content[index];
      const partField = `${field}[${index}]`;
      if (typeof part !== "object" || part === null || Array.isArray(part)) {
        throw new InvalidRequestError({
          field: partField,
          message: `${partField} must be an object such as { type: "text", text: "…" }.`,
        });
      }
      const type = (part as Record<string, unknown>).type;
      if (type === undefined || type === "text") result += partToString(part, partField);
    }
    return result;
  }
  if (typeof content === "object") return partToString(content, field);
  if (typeof content === "number" || typeof content === "boolean") return String(content);
  throw new InvalidRequestError({ field, message: `${field} must be a string, a list of parts, or null.` });
}
