import { InvalidRequestError } from "../errors/invalid-request-error.js";

// Cookie names are tokens; values are byte strings without controls, `;` or `,` line breaks.
const invalidName = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
function isInvalidValue(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    // Controls (tab allowed), DEL, `;`, and anything that is not a single latin1 byte.
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || code === 0x3b || code > 0xff) return true;
  }
  return false;
}

/**
 * Builds one `Cookie` header from name/value pairs, keeping values byte for byte (each char is a
 * latin1 byte; undici writes header values as latin1).
 * @param cookies - name to value.
 * @param provider - for the error message.
 * @returns `a=1; b=2`, or `undefined` when there are no cookies.
 * @throws {@link InvalidRequestError} naming (never showing) a cookie whose name or value cannot be sent.
 * @internal
 */
export function buildCookieHeader(
  cookies: Record<string, string> | undefined,
  provider?: string,
): string | undefined {
  if (cookies === undefined) return undefined;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(cookies)) {
    if (name === "" || invalidName.test(name)) {
      throw new InvalidRequestError({
        field: "cookies",
        ...(provider === undefined ? {} : { provider }),
        message: `A cookie name (${name.length} chars) is not a valid token. Check the cookies you passed.`,
      });
    }
    if (typeof value !== "string" || isInvalidValue(value)) {
      throw new InvalidRequestError({
        field: `cookies.${name}`,
        ...(provider === undefined ? {} : { provider }),
        message: `The value of cookie "${name}" cannot be sent: it must be a byte string (chars ≤ U+00FF) without control characters or ";".`,
      });
    }
    pairs.push(`${name}=${value}`);
  }
  return pairs.length === 0 ? undefined : pairs.join("; ");
}
