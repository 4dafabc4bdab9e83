import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, doc, withCursor } from '../helpers/cursor';

const service = createLanguageService();

function atCursor(marked: string) {
  const { text, offset } = withCursor(marked, '‸');
  const document = doc(text, 'nad.yaml', 'yaml');
  return { document, position: document.positionAt(offset) };
}

const nadBlock = (config: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: macvlan-conf
spec:
  config: |
${config}
`;

test('completion inside a NAD block config offers the CNI keys of the plugin, as snippets', () => {
  const { document, position } = atCursor(nadBlock('    {\n      "cniVersion": "1.0.0",\n      "type": "macvlan",\n      ‸\n    }'));
  const items = service.complete(document, position);
  const master = items.find((i) => i.label === 'master');
  assert.ok(master, items.map((i) => i.label).join());
  assert.equal(master.insertTextFormat, 2);
  assert.ok(!items.some((i) => i.label === 'vlanId'));
});

test('completion inside a single-quoted NAD config inserts plain text encoded for the quotes', () => {
  const { document, position } = atCursor(nadBlock('').replace('config: |\n', "config: '{\"cniVersion\": \"1.0.0\", \"type\": \"ipvlan\", \"mode\": ‸}'\n"));
  const items = service.complete(document, position);
  assert.deepEqual(items.map((i) => i.label), ['l2', 'l3', 'l3s']);
  const edit = items[0].textEdit as { range: any; newText: string };
  assert.equal(edit.newText, '"l2"');
  assert.equal(items[0].insertTextFormat, 1);
  assert.match(applyEdits(document, [edit]), /"mode": "l2"\}'/);
});

test('hover inside an embedded config shows the CNI docs; on a Kubernetes key the Kubernetes docs', () => {
  const { document, position } = atCursor(nadBlock('    {"cniVersion": "1.0.0", "type": "macvlan", "mo‸de": "bridge"}'));
  const hover = service.hover(document, position)!;
  assert.match((hover.contents as { value: string }).value, /\*\*mode\*\* · `string` · macvlan plugin/);
  assert.equal(document.getText(hover.range!), '"mode"');
});

test('hover on the Multus networks annotation JSON explains its keys', () => {
  const marked = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    k8s.v1.cni.cncf.io/networks: '[{"name": "macvlan-conf", "defa‸ult-route": ["10.1.1.1"]}]'
spec:
  containers: [{name: c, image: busybox}]
`;
  const { document, position } = atCursor(marked);
  const hover = service.hover(document, position)!;
  assert.match((hover.contents as { value: string }).value, /\*\*default-route\*\*/);
});

test('document symbols list every object of a multi-document file', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n---\napiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: net1\n';
  const symbols = service.symbols(doc(text, 'all.yaml', 'yaml'));
  assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [['Service web', 'v1 · namespace shop'], ['NetworkAttachmentDefinition net1', 'k8s.cni.cncf.io/v1']]);
  assert.equal(symbols[1].range.start.line, 6);
});
