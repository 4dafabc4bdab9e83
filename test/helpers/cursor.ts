// Test helpers: `|` marks the cursor in a text (`‸` in YAML, where `|` starts block scalars);
// documents are built the way the server builds them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';

export function withCursor(marked: string, marker = '|'): { text: string; offset: number } {
  const offset = marked.indexOf(marker);
  if (offset < 0) throw new Error(`test text has no ${marker} cursor marker`);
  return { text: marked.slice(0, offset) + marked.slice(offset + marker.length), offset };
}

export function doc(text: string, name = 'test.conflist', languageId = 'cni'): TextDocument {
  return TextDocument.create(`file:///work/${name}`, languageId, 1, text);
}

export function docAtCursor(marked: string, name?: string): { document: TextDocument; position: Position } {
  const { text, offset } = withCursor(marked);
  const document = doc(text, name);
  return { document, position: document.positionAt(offset) };
}

/** One stable line per diagnostic: "line:column code" with 1-based line and column. */
export function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(document: TextDocument, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  return TextDocument.applyEdits(document, edits);
}

/** "line:column" (1-based) of the first occurrence of `needle` in `text`, for exact-position assertions. */
export function at(text: string, needle: string, occurrence = 1): string {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" does not occur ${occurrence} time(s) in the test text`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}
