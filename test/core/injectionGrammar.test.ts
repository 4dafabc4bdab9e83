// The injection grammar that highlights the JSON embedded in Kubernetes YAML: its TextMate
// (Oniguruma) regexes use only what JavaScript's RegExp reads the same way, so they are checked here
// directly: which lines open an embedded region, and how the JSON in a double-quoted string splits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Rule {
  begin?: string;
  end?: string;
  while?: string;
  match?: string;
  include?: string;
  contentName?: string;
  name?: string;
  patterns?: Rule[];
}
const grammar = JSON.parse(readFileSync('syntaxes/cni-in-yaml.tmLanguage.json', 'utf8')) as { patterns: Rule[]; repository: Record<string, Rule> };
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const repo = grammar.repository;

function* rules(list: Rule[] | undefined): Generator<Rule> {
  for (const rule of list ?? []) {
    yield rule;
    yield* rules(rule.patterns);
  }
}
const all = [...rules(grammar.patterns), ...Object.values(repo).flatMap((r) => [...rules([r])])];

test('every regex of the injection grammar compiles; includes resolve; embedded scopes are declared', () => {
  for (const rule of all) {
    for (const key of ['begin', 'end', 'while', 'match'] as const) {
      if (rule[key] !== undefined) assert.doesNotThrow(() => new RegExp(rule[key]!), `${key}: ${rule[key]}`);
    }
    if (rule.include?.startsWith('#')) assert.ok(repo[rule.include.slice(1)], rule.include);
  }
  const entry = manifest.contributes.grammars.find((g: { path: string }) => g.path.endsWith('cni-in-yaml.tmLanguage.json'));
  for (const rule of all) if (rule.contentName) assert.ok(rule.contentName in entry.embeddedLanguages, rule.contentName);
});

/** The repository rules whose begin pattern matches a line. */
function opening(line: string): string[] {
  return grammar.patterns.map((p) => p.include!.slice(1)).filter((name) => new RegExp(repo[name].begin!).test(line));
}

test('embedded regions open on the lines meant, and only there', () => {
  const expected: [string, string[]][] = [
    ['  config: |', ['blockConfig']],
    ['  config: >-', ['blockConfig']],
    ['  cni-conf.json: |', ['blockConfig']],
    ['  net-conf.json: |+', ['blockConfig']],
    ['    k8s.v1.cni.cncf.io/networks: |', ['blockNetworks']],
    ['    k8s.v1.cni.cncf.io/networks: >-', ['blockNetworks']],
    [`  config: '{"cniVersion": "1.0.0", "type": "macvlan"}'`, ['singleQuotedConfig']],
    [`  net-conf.json: '{"Network": "10.244.0.0/16",`, ['singleQuotedConfig']],
    [`    k8s.v1.cni.cncf.io/networks: '[{"name": "macvlan-conf"}]'`, ['singleQuotedConfig']],
    [`    k8s.v1.cni.cncf.io/networks: '{"name": "macvlan-conf"}'`, ['singleQuotedConfig']],
    ['  config: "{\\"cniVersion\\": \\"1.0.0\\"}"', ['doubleQuotedConfig']],
    ['  config: "{ \\"cniVersion\\": \\"1.0.0\\",', ['doubleQuotedConfig']],
    ['    k8s.v1.cni.cncf.io/networks: "[{\\"name\\": \\"macvlan-conf\\"}]"', ['doubleQuotedConfig']],
    // Not JSON, not these keys, or not a key at all.
    ['  config: plain text', []],
    [`  config: 'not json'`, []],
    ['  config: "not json"', []],
    ['  configs: |', []],
    [`  myconfig: '{"a": 1}'`, []],
    ['  # config: |', []],
    ['  config: | # trailing comment', []],
    ['    k8s.v1.cni.cncf.io/networks: macvlan-conf@eth1, other/net2', []],
    [`    k8s.v1.cni.cncf.io/networks: 'macvlan-conf@eth1'`, []],
    ['    k8s.v1.cni.cncf.io/networks: "macvlan-conf, other"', []],
    [`    k8s.v1.cni.cncf.io/network-status: '[{"name": "a"}]'`, []],
    [`    example.com/k8s.v1.cni.cncf.io/networks: '[{"name": "a"}]'`, []],
  ];
  for (const [line, rules] of expected) assert.deepEqual(opening(line), rules, line);
});

test('a block region lasts while lines are indented past its key; the networks block is JSON only from a [ or {', () => {
  for (const name of ['blockConfig', 'blockNetworks']) {
    const indent = /^(\s*)/.exec('    key: |')![1];
    const keeps = new RegExp(repo[name].while!.replace('\\1', indent));
    assert.ok(keeps.test('      [{"name": "a"}]') && keeps.test('') && keeps.test('      '), name);
    assert.ok(!keeps.test('    other: 1') && !keeps.test('  spec:'), name);
  }
  const json = new RegExp(repo.blockNetworks.patterns![0].begin!);
  assert.ok(json.test('      [') && json.test('      {"name": "a"}'));
  assert.ok(!json.test('      macvlan-conf@eth1') && !json.test('      other/net2'));
});

/** Splits the rest of a line inside a double-quoted region as TextMate would: the leftmost match wins, the end pattern on ties. */
function scanDoubleQuoted(text: string): { tokens: [string, string][]; end: number | undefined } {
  const end = new RegExp(repo.doubleQuotedConfig.end!, 'g');
  const patterns = repo.escapedJson.patterns!.map((p) => ({ name: p.name!, re: new RegExp(p.match!, 'g') }));
  const tokens: [string, string][] = [];
  let at = 0;
  for (;;) {
    end.lastIndex = at;
    const closing = end.exec(text);
    let best: { name: string; match: RegExpExecArray } | undefined;
    for (const p of patterns) {
      p.re.lastIndex = at;
      const m = p.re.exec(text);
      if (m && (!best || m.index < best.match.index)) best = { name: p.name, match: m };
    }
    if (closing && (!best || closing.index <= best.match.index)) return { tokens, end: closing.index };
    if (!best) return { tokens, end: undefined };
    tokens.push([best.match[0], best.name]);
    at = best.match.index + Math.max(best.match[0].length, 1);
  }
}

test('JSON in a double-quoted string: escaped keys, strings, numbers and constants, and the string ends at its own quote', () => {
  const line = '{\\"type\\": \\"macvlan\\", \\"mtu\\": 1500, \\"path\\": \\"C:\\\\\\\\x\\", \\"ipMasq\\": true}" # after';
  const { tokens, end } = scanDoubleQuoted(line);
  assert.equal(end, line.indexOf('" # after'));
  const named = (scope: string) => tokens.filter(([, name]) => name === scope).map(([text]) => text);
  assert.deepEqual(named('support.type.property-name.cni'), ['\\"type\\"', '\\"mtu\\"', '\\"path\\"', '\\"ipMasq\\"']);
  assert.deepEqual(named('string.quoted.double.cni'), ['\\"macvlan\\"', '\\"C:\\\\\\\\x\\"']);
  assert.deepEqual(named('constant.numeric.cni'), ['1500']);
  assert.deepEqual(named('constant.language.cni'), ['true']);
  // A line of a string folded over several lines has no closing quote: the region goes on.
  assert.equal(scanDoubleQuoted('  \\"mode\\": \\"bridge\\",').end, undefined);
});
