import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type Scalar } from 'yaml';
import { embeddedText } from '../../server/src/core/yaml/embeddedText';

function mapped(yaml: string) {
  const node = parseDocument(yaml).get('config', true) as Scalar<string>;
  return embeddedText(yaml, node.range![0], node.range![1], node.type!, node.value);
}

const cases: Record<string, string> = {
  literal: 'config: |\n  {\n    "cniVersion": "1.0.0",\n    "type": "macvlan"\n  }\n',
  literalStrip: 'config: |-\n    {"a": 1,\n\n     "type": "macvlan"}\n',
  literalCrlf: 'config: |\r\n  {"type": "macvlan"}\r\n',
  single: "config: '{ \"cniVersion\": \"1.0.0\",\n  \"type\": \"macvlan\", \"x\": \"it''s\" }'\n",
  double: 'config: "{ \\"cniVersion\\": \\"1.0.0\\",\n  \\"type\\": \\"macvlan\\",\n\n  \\"a\\": \\"\\u00e9\\" }"\n',
  doubleEscapedBreak: 'config: "{\\"type\\": \\\n    \\"macvlan\\"}"\n',
  plain: 'config: a b\n  "type" macvlan\n',
};

for (const [name, yaml] of Object.entries(cases)) {
  test(`every decoded character of a ${name} scalar maps back to its source`, () => {
    const e = mapped(yaml);
    assert.ok(e, 'mapping refused');
    const i = e.text.indexOf('macvlan');
    assert.ok(i >= 0);
    assert.equal(yaml.slice(e.toSource(i), e.toSource(i) + 7), 'macvlan');
    assert.equal(e.fromSource(e.toSource(i)), i);
    // Characters that are not escapes stand in the source as themselves.
    for (let k = 0; k < e.text.length; k++) {
      const c: string = e.text[k];
      if (/[a-z0-9:]/i.test(c)) assert.equal(yaml[e.toSource(k)], c, `${name} char ${k}`);
    }
  });
}

test('encoding replacement text follows the scalar style; plain scalars refuse edits', () => {
  assert.equal(mapped(cases.double)!.encode('"bridge"'), '\\"bridge\\"');
  assert.equal(mapped(cases.single)!.encode("it's"), "it''s");
  assert.equal(mapped(cases.literal)!.encode('{\n"a": 1\n}'), '{\n  "a": 1\n  }');
  assert.equal(mapped(cases.plain)!.encode('x'), undefined);
});

test('a mapping that disagrees with the yaml library is refused rather than guessed', () => {
  assert.equal(embeddedText('config: "a"', 8, 11, 'QUOTE_DOUBLE', 'b'), undefined);
});

// Folded (`>`) block scalars: the decoded text must be exactly the yaml library's value, and every
// character must map back to the source character it came from (a folding space or a kept line
// break to the line break it stands for).

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random folded scalar under `config`, at some nesting, with every kind of line folding knows. */
function foldedCase(next: () => number): { yaml: string; path: (string | number)[] } {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const words = ['{', '}', '"type":', '"macvlan",', '"mode": "bridge"', '[1, 2]', 'a', 'it\'s', '#x', '- y', 'k: v', '"q"'];
  const text = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(words)).join(' ');
  const [before, path, keyColumn] = pick<[string, (string | number)[], number]>([
    ['', ['config'], 0],
    ['spec:\n  ', ['spec', 'config'], 2],
    ['items:\n  - a: 1\n    ', ['items', 0, 'config'], 4],
    ['items:\n- ', ['items', 0, 'config'], 2],
  ]);
  const explicit = next() < 0.2 ? 1 + Math.floor(next() * 3) : 0;
  const indent = keyColumn + (explicit || 1 + Math.floor(next() * 3));
  const chomp = pick(['', '', '-', '+']);
  const header = '>' + (next() < 0.5 ? `${explicit || ''}${chomp}` : `${chomp}${explicit || ''}`) + (next() < 0.15 ? ' # folded' : '');
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  // Leading empty lines; more indented than the content only with an explicit indicator.
  if (next() < 0.2) lines.push(pad(Math.floor(next() * (indent + 1 + (explicit ? 2 : 0)))));
  lines.push(pad(indent) + text() + (next() < 0.2 ? '  ' : ''));
  const count = Math.floor(next() * 8);
  for (let i = 0; i < count; i++) {
    const kind = next();
    if (kind < 0.45) lines.push(pad(indent) + text() + (next() < 0.1 ? ' ' : ''));
    else if (kind < 0.6) lines.push(pad(indent + 1 + Math.floor(next() * 3)) + text());
    else if (kind < 0.65) lines.push(pad(indent) + '\t' + text());
    else if (kind < 0.9) lines.push(pad(Math.floor(next() * (indent + 1))));
    else lines.push(pad(indent + 1 + Math.floor(next() * 2)));
  }
  const trailing = Array.from({ length: Math.floor(next() * 3) }, () => pad(Math.floor(next() * (indent + 1))));
  const eol = next() < 0.15 ? '\r\n' : '\n';
  const after = pick(['', 'other: 1\n', '# done\n']);
  const body = [...lines, ...trailing].join(eol);
  const end = after || next() < 0.8 ? eol : '';
  return { yaml: `${before}config: ${header}${eol}${body}${end}${after}`, path };
}

test('folded scalars: the decoded text agrees with the yaml library and every character maps back to its source', () => {
  const next = random(20240611);
  let checked = 0;
  for (let n = 0; n < 3000; n++) {
    const { yaml, path } = foldedCase(next);
    const document = parseDocument(yaml);
    if (document.errors.length) continue;
    const node = document.getIn(path, true) as Scalar<string>;
    assert.equal(node.type, 'BLOCK_FOLDED', JSON.stringify(yaml));
    const e = embeddedText(yaml, node.range![0], node.range![1], node.type!, node.value);
    assert.ok(e, `mapping refused for ${JSON.stringify(yaml)} → ${JSON.stringify(node.value)}`);
    assert.equal(e.text.length, node.value.length);
    assert.equal(e.text, node.value);
    let previous = -1;
    for (let k = 0; k < e.text.length; k++) {
      const c: string = e.text[k];
      const at = e.toSource(k);
      const where = `${JSON.stringify(yaml)} char ${k} (${JSON.stringify(c)}) at ${at}`;
      assert.ok(at > previous && at >= node.range![0] && at <= node.range![1], where);
      previous = at;
      if (c === '\n' || (c === ' ' && yaml[at] !== ' ')) assert.ok(at === yaml.length || yaml[at] === '\n' || yaml[at] === '\r', where);
      else assert.equal(yaml[at], c, where);
      assert.equal(e.fromSource(at), k, where);
    }
    checked++;
  }
  assert.ok(checked > 2000, `only ${checked} generated scalars were valid YAML`);
});

test('folded scalars: folding, kept breaks around more-indented lines and chomping', () => {
  const cases: [string, string][] = [
    ['config: >\n  {"a": 1,\n   "b": 2}\n', '{"a": 1,\n "b": 2}\n'],
    ['config: >-\n  {"a": 1,\n  "b": 2}\n', '{"a": 1, "b": 2}'],
    ['config: >+\n  a\n\n  b\n\n\n', 'a\nb\n\n\n'],
    ['config: >\n  a\n\n\n  b\n', 'a\n\nb\n'],
    ['config: >-\r\n  {"type":\r\n  "macvlan"}\r\n', '{"type": "macvlan"}'],
  ];
  for (const [yaml, value] of cases) {
    const e = mapped(yaml)!;
    assert.equal(e?.text, value, JSON.stringify(yaml));
  }
  const e = mapped('config: >-\n  {"type":\n  "macvlan"}\n')!;
  const i = e.text.indexOf('"macvlan"');
  assert.equal(e.toSource(i), 'config: >-\n  {"type":\n  '.length);
  assert.equal(e.toSource(i - 1), 'config: >-\n  {"type":'.length, 'the folding space maps to the line break');
  assert.equal(e.encode('"x"'), undefined, 'other edits than JSON are not encoded for folded scalars');
  assert.equal(e.encodeJson('"a": 1,\n  "b": 2'), '"a": 1, "b": 2');
});
