import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, doc, docAtCursor } from '../helpers/cursor';

const service = createLanguageService();

function complete(marked: string, name?: string) {
  const { document, position } = docAtCursor(marked, name);
  return { document, items: service.complete(document, position) };
}
const labels = (marked: string) => complete(marked).items.map((i) => i.label);

test('completion offers the keys of the plugin named by type, without those already present', () => {
  const keys = labels('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "macvlan", "mode": "bridge", | }] }');
  assert.ok(keys.includes('master'), keys.join());
  assert.ok(keys.includes('ipam'));
  assert.ok(!keys.includes('mode'), 'mode is already present');
  assert.ok(!keys.includes('vlanId'), 'vlan keys do not belong to macvlan');
});

test('completing a half-typed key replaces the whole quoted key and inserts a value snippet', () => {
  const { document, items } = complete('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "isG|" }] }');
  const item = items.find((i) => i.label === 'isGateway')!;
  assert.ok(item, 'isGateway offered');
  const edit = item.textEdit as { range: any; newText: string };
  assert.equal(document.getText(edit.range), '"isG"');
  assert.equal(edit.newText, '"isGateway": ${1|false,true|}');
});

test('top-level keys of a list, and plugin keys plus name and cniVersion in a single .conf', () => {
  const top = labels('{ | }');
  assert.deepEqual(['cniVersion', 'name', 'plugins'].filter((k) => top.includes(k)), ['cniVersion', 'name', 'plugins']);
  const { position, document } = docAtCursor('{ "type": "bridge", | }', '10-br.conf');
  const single = service.complete(document, position).map((i) => i.label);
  assert.ok(single.includes('name') && single.includes('bridge') && single.includes('cniVersion'));
});

test('value completion: enums, booleans, plugin types, IPAM types and cniVersion', () => {
  assert.deepEqual(labels('{ "plugins": [{ "type": "ipvlan", "mode": | }] }'), ['l2', 'l3', 'l3s']);
  assert.deepEqual(labels('{ "plugins": [{ "type": "bridge", "isGateway": | }] }'), ['true', 'false']);
  const types = labels('{ "plugins": [{ "type": "|" }] }');
  for (const t of ['bridge', 'macvlan', 'portmap', 'flannel', 'calico']) assert.ok(types.includes(t), t);
  const ipamTypes = labels('{ "plugins": [{ "type": "bridge", "ipam": { "type": | } }] }');
  for (const t of ['host-local', 'static', 'dhcp', 'whereabouts']) assert.ok(ipamTypes.includes(t), t);
  assert.ok(labels('{ "cniVersion": "|" }').includes('1.0.0'));
});

test('keys inside ipam come from the IPAM plugin named by ipam.type', () => {
  const keys = labels('{ "plugins": [{ "type": "bridge", "ipam": { "type": "host-local", | } }] }');
  assert.ok(keys.includes('ranges') && keys.includes('routes') && keys.includes('dataDir'), keys.join());
  const ranges = labels('{ "plugins": [{ "type": "bridge", "ipam": { "type": "host-local", "ranges": [[{ | }]] } }] }');
  assert.ok(ranges.includes('subnet') && ranges.includes('rangeStart') && ranges.includes('gateway'), ranges.join());
});

test('an empty slot in plugins offers whole plugin objects that validate clean', () => {
  const { document, items } = complete('{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    |\n  ]\n}');
  const bridge = items.find((i) => i.label === 'bridge plugin')!;
  assert.ok(bridge, items.map((i) => i.label).join());
  const edit = bridge.textEdit as { range: any; newText: string };
  const snippetText = edit.newText.replace(/\\([$}\\])/g, '$1');
  const result = applyEdits(document, [{ range: edit.range, newText: snippetText }]);
  assert.deepEqual(service.validate(doc(result, 'snippet.conflist')).map((d) => d.message), []);
});

test('an empty file offers starter networks that validate clean', () => {
  const { items } = complete('|');
  const macvlan = items.find((i) => i.label === 'macvlan network');
  assert.ok(macvlan, items.map((i) => i.label).join());
  const text = (macvlan.textEdit as { newText: string }).newText.replace(/\\([$}\\])/g, '$1');
  assert.deepEqual(service.validate(doc(text, 'starter.conflist')).map((d) => d.message), []);
});

test('hover on a key explains it, with type, default and an upstream link', () => {
  const { document, position } = docAtCursor('{ "plugins": [{ "type": "bridge", "hairp|inMode": true }] }');
  const hover = service.hover(document, position)!;
  const text = (hover.contents as { value: string }).value;
  assert.match(text, /\*\*hairpinMode\*\* · `boolean` · bridge plugin/);
  assert.match(text, /Default: `false`/);
  assert.match(text, /cni\.dev\/plugins\/current\/main\/bridge/);
  assert.equal(document.getText(hover.range!), '"hairpinMode"');
});

test('hover shows an example even where the schema lists none: a boolean turned on, or a sample address', () => {
  const hoverText = (marked: string) => {
    const { document, position } = docAtCursor(marked);
    return (service.hover(document, position)!.contents as { value: string }).value;
  };
  assert.match(hoverText('{ "plugins": [{ "type": "bridge", "hairp|inMode": false }] }'), /Example:\n```json\n"hairpinMode": true\n```/);
  assert.match(hoverText('{ "plugins": [{ "type": "bridge", "ipam": { "type": "host-local", "gate|way": "" } }] }'), /Example:\n```json\n"gateway": "10\.22\.0\.1"\n```/);
  assert.match(hoverText('{ "plugins": [{ "type": "bandwidth", "shaped|Subnets": [] }] }'), /Example:\n```json\n"shapedSubnets": \["10\.22\.0\.0\/16"\]\n```/);
});

test('hover on a type value describes the plugin; on an enum value its meaning', () => {
  const plugin = docAtCursor('{ "plugins": [{ "type": "port|map" }] }');
  assert.match((service.hover(plugin.document, plugin.position)!.contents as { value: string }).value, /\*\*portmap\*\* · meta \(chained\) plugin/);
  const version = docAtCursor('{ "cniVersion": "1.1|.0" }');
  assert.match((service.hover(version.document, version.position)!.contents as { value: string }).value, /plugins v1\.6\.0/);
  const ipam = docAtCursor('{ "plugins": [{ "type": "bridge", "ipam": { "type": "host-local", "rangesX": 1, "data|Dir": "/x" } }] }');
  assert.match((service.hover(ipam.document, ipam.position)!.contents as { value: string }).value, /host-local IPAM/);
});

function fix(text: string, title: RegExp, name = 'fix.conflist'): string {
  const document = doc(text, name);
  const diagnostics = service.validate(document);
  const actions = diagnostics.flatMap((d) => service.codeActions(document, d.range));
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no action matching ${title}; have: ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(document, action.edit!.changes![document.uri]);
}

test('quick fixes: closest enum value, unknown key rename, quotes, host bits', () => {
  assert.match(fix('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "macvlan", "mode": "bridg", "ipam": {} }] }', /Change to "bridge"/), /"mode": "bridge"/);
  assert.match(fix('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "isGatway": true }] }', /Rename to "isGateway"/), /"isGateway": true/);
  assert.match(fix('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "mtu": "1500" }] }', /Remove the quotes/), /"mtu": 1500/);
  assert.match(fix('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "ipam": { "type": "host-local", "ranges": [[{ "subnet": "10.1.2.3/16" }]] } }] }', /10\.1\.0\.0\/16/), /"subnet": "10\.1\.0\.0\/16"/);
});

test('quick fixes: add a missing cniVersion and name, keeping the layout', () => {
  const fixed = fix('{\n  "name": "n",\n  "plugins": [{ "type": "loopback" }]\n}', /Add "cniVersion"/);
  assert.equal(fixed, '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{ "type": "loopback" }]\n}');
  const named = fix('{\n  "cniVersion": "1.0.0",\n  "plugins": [{ "type": "loopback" }]\n}', /Add "name"/);
  assert.equal(service.validate(doc(named, 'named.conflist')).length, 0, named);
});

test('quick fixes: a null cniVersion or name gets a value, not a second key', () => {
  const text = '{\n  "cniVersion": null,\n  "name": null,\n  "plugins": [{ "type": "loopback" }]\n}';
  const versioned = fix(text, /Set "cniVersion": "1\.0\.0"/);
  assert.equal(versioned, '{\n  "cniVersion": "1.0.0",\n  "name": null,\n  "plugins": [{ "type": "loopback" }]\n}');
  const named = fix(versioned, /Set "name": "mynet"/);
  assert.deepEqual(service.validate(doc(named, 'named.conflist')), [], named);
});

test('quick fix: move the interface plugin in front of the meta plugins', () => {
  const text = '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "portmap", "capabilities": { "portMappings": true } },\n    { "type": "bridge" }\n  ]\n}';
  const fixed = fix(text, /Move bridge to the front/);
  assert.equal(fixed, '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [\n    { "type": "bridge" },\n    { "type": "portmap", "capabilities": { "portMappings": true } }\n  ]\n}');
  assert.deepEqual(service.validate(doc(fixed, 'moved.conflist')), []);
});

test('quick fixes: remove a comment and a trailing comma', () => {
  const fixed = fix('{ "cniVersion": "1.0.0", /* c */ "name": "n", "plugins": [{ "type": "loopback" }] }', /Remove the comment/);
  assert.equal(fixed, '{ "cniVersion": "1.0.0",  "name": "n", "plugins": [{ "type": "loopback" }] }');
  const comma = fix('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "loopback" }], }', /Remove the trailing comma/);
  assert.equal(service.validate(doc(comma)).length, 0, comma);
});

test('document symbols outline the plugin chain', () => {
  const symbols = service.symbols(doc('{ "cniVersion": "1.0.0", "name": "cbr0", "plugins": [{ "type": "bridge", "ipam": { "type": "host-local" } }, { "type": "portmap" }] }'));
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, 'cbr0');
  assert.deepEqual(symbols[0].children!.map((s) => s.name), ['bridge', 'portmap']);
  assert.deepEqual(symbols[0].children![0].children!.map((s) => s.name), ['host-local']);
});

test('an untyped plugin is outlined by its list position in a list, and as "plugin" alone', () => {
  const list = service.symbols(doc('{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge" }, { "mtu": 1400 }] }'));
  assert.deepEqual(list[0].children!.map((s) => s.name), ['bridge', 'plugin 2']);
  const single = service.symbols(doc('{ "cniVersion": "1.0.0", "name": "n", "mtu": 1400 }', 'test.conf'));
  assert.deepEqual(single.map((s) => [s.name, s.detail]), [['plugin', 'no type']]);
});
