const REDACTED = "[redacted]";

// Credentials that appear in text whatever the caller told us: bearer tokens, header lines, JWTs.
const patterns: readonly RegExp[] = [
  /(bearer|basic)\s+[^\s"',;]+/gi,
  /((?:set-)?cookie|authorization|proxy-authorization|x-api-key|api[-_]?key)(["']?\s*[:=]\s*["']?)[^\r\n"']*/gi,
  /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g,
  /(\/\/[^/\s:@]+:)[^@\s/]+@/g,
];

/**
 * Replaces known secret values and credential-shaped text with `[redacted]`.
 *
 * @param text - text that may hold a secret (a body excerpt, an upstream message).
 * @param secrets - values known to be secret (cookie values, tokens). Values under 4 characters are
 *   ignored, so a cookie `a=1` does not blank every `1`.
 * @returns the text with every secret replaced.
 * @example
 * ```ts
 * redactSecrets(`upstream said: ${body}`, Object.values(options.cookies ?? {}));
 * ```
 */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join(REDACTED);
    // Byte-string cookie values read back as UTF-8 look different; redact that form too.
    const asUtf8 = Buffer.from(secret, "latin1").toString("utf8");
    if (asUtf8 !== secret && asUtf8.length >= 4) result = result.split(asUtf8).join(REDACTED);
  }
  result = result.replace(patterns[0]!, `$1 ${REDACTED}`);
  result = result.replace(patterns[1]!, `$1$2${REDACTED}`);
  result = result.replace(patterns[2]!, REDACTED);
  result = result.replace(patterns[3]!, `$1${REDACTED}@`);
  return result;
}

/**
 * Collects the secret values of a provider call: cookie values and credential headers.
 * @internal
 */
export function collectSecrets(input: {
  cookies?: Record<string, string> | undefined;
  headers?: Record<string, string> | undefined;
}): string[] {
  const secrets: string[] = [];
  for (const value of Object.values(input.cookies ?? {})) secrets.push(value);
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (/^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i.test(name)) {
      secrets.push(value, value.replace(/^\S+\s+/, ""));
    }
  }
  return secrets;
}
