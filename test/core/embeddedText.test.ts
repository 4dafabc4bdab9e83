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
