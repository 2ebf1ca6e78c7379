// Code points whose Unicode title case differs from their upper case (UnicodeData + SpecialCasing).
const titleCaseExceptions: ReadonlyMap<number, string> = (() => {
  const map = new Map<number, string>();
  const digraphs: ReadonlyArray<readonly [number, number]> = [
    [0x01c4, 0x01c5],
    [0x01c7, 0x01c8],
    [0x01ca, 0x01cb],
    [0x01f1, 0x01f2],
  ];
  for (const [first, title] of digraphs) {
    for (let code = first; code < first + 3; code++) map.set(code, String.fromCodePoint(title));
  }
  const special: Record<string, string> = {
    "\u00df": "Ss",
    "\ufb00": "Ff",
    "\ufb01": "Fi",
    "\ufb02": "Fl",
    "\ufb03": "Ffi",
    "\ufb04": "Ffl",
    "\ufb05": "St",
    "\ufb06": "St",
    "\u0587": "\u0535\u0582",
    "\ufb13": "\u0544\u0576",
    "\ufb14": "\u0544\u0565",
    "\ufb15": "\u0544\u056b",
    "\ufb16": "\u054e\u0576",
    "\ufb17": "\u0544\u056d",
    "\u1fb2": "\u1fba\u0345",
    "\u1fb3": "\u1fbc",
    "\u1fb4": "\u0386\u0345",
    "\u1fb7": "\u0391\u0342\u0345",
    "\u1fbc": "\u1fbc",
    "\u1fc2": "\u1fca\u0345",
    "\u1fc3": "\u1fcc",
    "\u1fc4": "\u0389\u0345",
    "\u1fc7": "\u0397\u0342\u0345",
    "\u1fcc": "\u1fcc",
    "\u1ff2": "\u1ffa\u0345",
    "\u1ff3": "\u1ffc",
    "\u1ff4": "\u038f\u0345",
    "\u1ff7": "\u03a9\u0342\u0345",
    "\u1ffc": "\u1ffc",
  };
  for (const [from, to] of Object.entries(special)) map.set(from.codePointAt(0)!, to);
  // Greek with ypogegrammeni: the title case is the prosgegrammeni capital (U+1F88–8F, 98–9F, A8–AF).
  for (const base of [0x1f80, 0x1f90, 0x1fa0]) {
    for (let offset = 0; offset < 16; offset++) {
      map.set(base + offset, String.fromCodePoint(base + 8 + (offset % 8)));
    }
  }
  // Georgian Mkhedruli letters are their own title case (upper case maps to Mtavruli).
  for (let code = 0x10d0; code <= 0x10ff; code++) {
    if (code <= 0x10fa || code >= 0x10fd) map.set(code, String.fromCodePoint(code));
  }
  return map;
})();

/**
 * Python's `str.capitalize()`: the first code point in title case, the rest in lower case.
 * @internal
 */
export function pythonCapitalize(text: string): string {
  if (text === "") return text;
  const firstCode = text.codePointAt(0)!;
  const first = String.fromCodePoint(firstCode);
  const title = titleCaseExceptions.get(firstCode) ?? first.toUpperCase();
  // Lower-case the whole string so the final-sigma rule sees the real context, then drop the head.
  const lowered = text.toLowerCase().slice(first.toLowerCase().length);
  return title + lowered;
}
