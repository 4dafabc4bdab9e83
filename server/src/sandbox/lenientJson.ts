// Reads the structure of a document that is "almost JSON" (comments, trailing commas), only to
// learn which plugins it names. The plugins themselves still get the original bytes.

/** Removes // and /* *\/ comments and commas before a closing bracket, outside strings. */
export function stripJsonExtras(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== '}' && text[j] !== ']') out += ch;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** JSON.parse, then the lenient reading; undefined when neither works. */
export function parseLeniently(text: string): { value: unknown; strict: boolean } | undefined {
  try {
    return { value: JSON.parse(text), strict: true };
  } catch {
    try {
      return { value: JSON.parse(stripJsonExtras(text)), strict: false };
    } catch {
      return undefined;
    }
  }
}
