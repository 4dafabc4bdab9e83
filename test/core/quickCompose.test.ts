// The quick way of building a document's tree (straight from the CST) must give exactly what the
// full way (through the yaml library's Document) gives, or give up. Compared on the bundled
// examples, the benchmark's generated documents, hand-picked corner cases and mutations of them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'yaml';
import { composeDocument, composeFully, splitDocuments } from '../../server/src/core/yaml/yamlDocuments';
import { quickCompose } from '../../server/src/core/yaml/quickCompose';
import { generateDocuments, joinDocuments } from '../../scripts/bench/generate';
import { createRandom } from '../../scripts/bench/prng';

const repo = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const generated = splitDocuments(joinDocuments(generateDocuments(300, { seed: 7, extras: true })).text).map((d) => d.text);
const examples = yamlFiles(join(repo, 'examples')).flatMap((text) => splitDocuments(text).map((d) => d.text));

const corners = [
  'a: 1\nb: yes\nc: on\nd: ~\ne: 0x1F\nf: 1_000\ng: 0o17\nh: 017\ni: .inf\nj: 1e3\nk: 2001-12-14\nl: 12:30:00\nm: "q"\nn: \'s\'\n',
  'yes: a\n80: b\n~: c\n1e3: d\n"80": e\n',
  'a:\nb: # note\nc:   \n',
  '- \n- # note\n-\n  - x\n',
  'a: |\n  line\n  two\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n# after\n',
  'a: {}\nb: []\nc: [x, y, 3]\nd: {name: c, image: busybox}\ne: [{name: c, ports: [80, 443]}]\nf: { a: b }\ng: [ a , b ]\n',
  'a: [x,\n  y]\nb: {c: d,\n  e: f}\n',
  'a: [x, ]\nb: {c: d,}\nc: [,x]\nd: {a: b, a: c}\ne: [a: b]\n',
  'a: &x 1\nb: *x\n',
  'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n',
  'a: !!str 1\nb: !custom x\n',
  '? complex\n: value\n',
  'a: 1\na: 2\n',
  'a:\n\tb: 1\n',
  'a: 1 #no\nb: 2#yes\n',
  'a: b: c\n',
  'a:\n  b: 1\n c: 2\n',
  'a:\n  - x\n   - y\n',
  '%YAML 1.1\n---\na: 1\n',
  '--- a: 1\n',
  '--- !tag\na: 1\n',
  '---\n# only a comment\n',
  '',
  '# comment\n---\nkind: Service\n',
  'kind: Service\n...\n',
  'a: "unterminated\n',
  "a: 'it''s'\nb: \"\\t\\u00e9\"\nc: \"bad \\q escape\"\n",
  'a: plain\n  continued\n  lines\nb: x\n',
  'list:\n- a\n- b\nmap:\n  k: v\n  # trailing comment\nend: 1\n',
  'outer:\n  inner:\n    - x\n    # trailing\n  # also\nnext: 1\n',
  'a: 1\n# last comment\n',
  `${'k'.repeat(1030)}: v\n`,
  'a: [b, {c: [d, e]}, "f, g"]\n',
  '- a: 1\n  b: 2\n- - x\n  - y\n',
  'a:\n- x\n- y\nb: 1\n',
  '\ufeffa: 1\n',
  'a: @b\n',
  'a: `b\n',
  '{a: 1}\n',
  '[1, 2]\n',
  'just a scalar\n',
  'a: b\n  c: d\n',
  'a: - b\n',
  'a: |\n text\n  more\n',
  'a: >\n\ttab\n',
  'a : b\n"q" : c\n',
  'a: -1\nb: +2\nc: -.5\nd: .NaN\ne: 1:30\nf: 0b101\ng: 190:20:30.15\n',
];

/** True when the quick way gave up, or gave exactly the full way's tree without problems. */
function agrees(text: string): { quick: boolean } {
  const tokens = [...new Parser().parse(text)];
  const quick = quickCompose(tokens);
  if (quick) assert.deepStrictEqual({ root: quick, problems: [] }, composeFully(tokens, text), `the ways differ for:\n${text}`);
  return { quick: !!quick };
}

test('the quick way gives the full way\'s tree for the examples and the generated documents, and handles nearly all of them', () => {
  let quick = 0;
  for (const text of [...examples, ...generated]) if (agrees(text).quick) quick++;
  const total = examples.length + generated.length;
  assert.ok(quick >= total * 0.95, `the quick way handled only ${quick} of ${total} documents`);
});

test('corner cases: the quick way agrees with the full way or gives up', () => {
  const handled = corners.filter((text) => agrees(text).quick).length;
  // plain maps, sequences, scalars of every type and one-line flow collections are the quick way's to build
  assert.ok(agrees(corners[0]).quick && agrees(corners[2]).quick && agrees(corners[5]).quick && agrees(corners[29]).quick);
  // anchors, tags, merge keys, explicit keys, duplicates, tabs and syntax errors are not
  for (const i of [8, 9, 10, 11, 12, 13, 15, 16, 25]) assert.equal(agrees(corners[i]).quick, false, corners[i]);
  assert.ok(handled < corners.length);
});

test('mutated documents: the quick way agrees with the full way or gives up', () => {
  const r = createRandom(20261123);
  const alphabet = [' ', '\n', '\t', ':', '-', '#', '{', '}', '[', ']', ',', '"', "'", '&', '*', '!', '|', '>', '?', '%', '@', 'x', '1', '~', '.', '  ', ': ', '- ', '\n  ', '---\n'];
  const sources = [...corners, ...examples, ...generated.slice(0, 60)];
  let quick = 0;
  let total = 0;
  for (const source of sources) {
    for (let n = 0; n < 25; n++) {
      let text = source;
      for (let edits = r.int(1, 3); edits > 0; edits--) {
        const at = r.int(0, text.length);
        const kind = r.int(0, 3);
        if (kind === 0) text = text.slice(0, at) + r.pick(alphabet) + text.slice(at);
        else if (kind === 1) text = text.slice(0, at) + text.slice(at + r.int(1, 4));
        else if (kind === 2) text = text.slice(0, at) + r.pick(alphabet) + text.slice(at + 1);
        else text = text.slice(0, at);
      }
      total++;
      if (agrees(text).quick) quick++;
    }
  }
  // the mutations must leave plenty for the quick way, or the comparison would prove little
  assert.ok(quick > total / 4, `only ${quick} of ${total} mutated documents took the quick way`);
});

test('composeDocument takes the quick way when it can and the full way otherwise, with the same results', () => {
  const plain = 'kind: Service\nspec:\n  ports: [{port: 80}]\n';
  assert.deepStrictEqual(composeDocument(plain), composeFully([...new Parser().parse(plain)], plain));
  const broken = 'a: 1\na: 2\n';
  const composed = composeDocument(broken);
  assert.match(composed.problems[0].message, /unique/);
});
