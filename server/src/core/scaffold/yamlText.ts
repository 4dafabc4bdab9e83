// Writing scaffolded YAML with the `yaml` library: plain objects in, text out, with comments
// where they help a reader and embedded JSON (CNI configs) as literal blocks.
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';

export type Path = readonly (string | number)[];

export interface YamlDoc {
  /** The object to write. */
  value: unknown;
  /** A comment above the document. */
  comment?: string;
  /** Comments above the keys (or list items) at these paths. */
  notes?: readonly { path: Path; text: string }[];
}

/** One or more documents as a file, separated by `---`. */
export function yamlFile(docs: readonly YamlDoc[]): string {
  return docs.map((doc) => render(doc)).join('---\n');
}

function render({ value, comment, notes = [] }: YamlDoc): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = prefixed(comment);
  for (const note of notes) annotate(doc, note.path, note.text);
  // Multi-line strings are embedded JSON: keep them readable as literal blocks.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function annotate(doc: Document, path: Path, text: string): void {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path[path.length - 1];
  let target: Node | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    target = isScalar(pair?.key) ? pair.key : undefined;
  } else if (isSeq(parent) && typeof last === 'number') {
    target = parent.items[last] as Node | undefined;
  }
  if (!target) throw new Error(`scaffold: no node at ${path.join('.')} to comment`);
  target.commentBefore = prefixed(text);
}

/** yaml writes `#` plus the comment text; a leading space keeps `# text` readable. */
function prefixed(text: string): string {
  return text.split('\n').map((line) => (line ? ` ${line}` : '')).join('\n');
}

/** A CNI config as the JSON text a ConfigMap or NetworkAttachmentDefinition embeds. */
export function jsonBlock(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
