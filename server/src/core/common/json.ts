// Parses JSON the way CNI plugins read it (strict: no comments, no trailing commas), but keeps
// going after an error so that a half-typed file still gets completion, hover and diagnostics.
import { parseTree, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { finding, type Finding } from './findings';

export type { Node as JsonNode } from 'jsonc-parser';

export interface ParsedJson {
  root: Node | undefined;
  /** Syntax problems, already phrased as findings. */
  problems: Finding[];
}

/** Deeper nesting than this is refused before parsing: the parser recurses, and no real config comes close. */
export const maxNesting = 1000;

export function parseJson(text: string): ParsedJson {
  const depth = nestingDepth(text);
  if (depth > maxNesting) {
    return { root: undefined, problems: [finding(0, 1, 'error', 'cni/json-syntax', `The JSON is nested ${depth} levels deep, more than CNIKit analyses (${maxNesting}); a CNI config needs a handful.`)] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // The parser may report one slip twice (a trailing comma: "key expected" and "value expected" at the
  // same bracket); both read the same once described, so keep one.
  const problems = errors.map((e) => describe(text, e));
  return { root, problems: problems.filter((p, i) => !problems.slice(0, i).some((q) => q.start === p.start && q.end === p.end && q.message === p.message)) };
}

function describe(text: string, error: ParseError): Finding {
  const start = error.offset;
  const end = Math.max(error.offset + error.length, start + (start < text.length ? 1 : 0));
  const token = text.slice(start, end);
  const trailingComma = trailingCommaBefore(text, start);
  if (trailingComma !== undefined && /^[}\]]/.test(token)) {
    return finding(trailingComma, trailingComma + 1, 'error', 'cni/json-syntax',
      'Trailing comma: CNI plugins read strict JSON and reject a comma before a closing bracket. Remove it.',
      [{ title: 'Remove the trailing comma', edits: [{ start: trailingComma, end: trailingComma + 1, newText: '' }], preferred: true }]);
  }
  if (start === 0 && text.charCodeAt(0) === 0xfeff) {
    return finding(0, 1, 'error', 'cni/json-syntax',
      'The file starts with a byte-order mark (U+FEFF), which the plugins\' JSON decoder rejects. Save it as UTF-8 without a BOM.',
      [{ title: 'Remove the byte-order mark', edits: [{ start: 0, end: 1, newText: '' }], preferred: true }]);
  }
  if (error.error === ParseErrorCode.InvalidCommentToken) {
    return finding(start, end, 'error', 'cni/json-syntax',
      'Comments are not allowed: CNI plugins read strict JSON and reject the file. Remove the comment.',
      [{ title: 'Remove the comment', edits: [{ start, end, newText: '' }], preferred: true }]);
  }
  if (text.trim() === '') {
    return finding(0, 0, 'error', 'cni/json-syntax', 'The file is empty: a CNI config is a JSON object.');
  }
  return finding(start, end, 'error', 'cni/json-syntax', `${messages[error.error] ?? 'Invalid JSON'}.`);
}

/** Offset of a comma that only whitespace separates from `offset`, if any. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

const messages: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: expected a JSON value',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a key in double quotes',
  [ParseErrorCode.ValueExpected]: 'Expected a value',
  [ParseErrorCode.ColonExpected]: 'Expected a colon after the key',
  [ParseErrorCode.CommaExpected]: 'Expected a comma between entries',
  [ParseErrorCode.CloseBraceExpected]: 'Expected a closing brace }',
  [ParseErrorCode.CloseBracketExpected]: 'Expected a closing bracket ]',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected text after the end of the JSON value: plugins reject trailing content',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unterminated number',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in string',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in string (control characters must be escaped)',
};

/** The value node of a property, matching the key exactly. */
export function property(object: Node | undefined, key: string): Node | undefined {
  // A plain loop: rules call this for nearly every key they read.
  if (object?.type !== 'object') return undefined;
  for (const p of object.children ?? []) {
    const keyNode = p.children?.[0];
    if (keyNode && String(keyNode.value) === key) return p.children![1];
  }
  return undefined;
}

/** The last property whose key matches case-insensitively, as Go's encoding/json resolves it. */
export function propertyLoose(object: Node | undefined, key: string): Node | undefined {
  const lower = key.toLowerCase();
  let found: Node | undefined;
  for (const p of object?.type === 'object' ? object.children ?? [] : []) {
    if (String(p.children?.[0]?.value).toLowerCase() === lower && p.children?.[1]) found = p.children[1];
  }
  return found;
}

/** The key node of the property whose value is `value`. */
export function keyOf(value: Node): Node | undefined {
  return value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
}

/** The key node of the property holding `value`, falling back to the value: where to point at a key's problem. */
export function keyOrValue(value: Node): Node {
  return keyOf(value) ?? value;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function describeType(node: Node): string {
  if (node.type === 'number') return Number.isInteger(node.value) ? 'an integer' : 'a number';
  return { string: 'a string', boolean: 'a boolean', null: 'null', object: 'an object', array: 'an array' }[node.type as string] ?? node.type;
}

/** The deepest bracket nesting outside strings, found in one pass without parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}
