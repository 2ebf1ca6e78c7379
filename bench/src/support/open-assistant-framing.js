/**
 * Python's `json.dumps` string escaping (ensure_ascii): every character outside U+0020–U+007E is
 * escaped, as the Open Assistant web API sent it.
 * @param {string} text
 * @returns {string} a JSON string literal.
 */
export function pythonJsonString(text) {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += "\\\\";
    else if (code === 0x0a) out += "\\n";
    else if (code === 0x0d) out += "\\r";
    else if (code === 0x09) out += "\\t";
    else if (code === 0x08) out += "\\b";
    else if (code === 0x0c) out += "\\f";
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += text[index];
  }
  return `${out}"`;
}

/**
 * One Open Assistant `token` event, exactly as the web API framed it.
 * @param {string} text
 * @returns {string} `data: {"event_type": "token", "text": …}\r\n\r\n`
 */
export function tokenEvent(text) {
  return `data: {"event_type": "token", "text": ${pythonJsonString(text)}}\r\n\r\n`;
}
