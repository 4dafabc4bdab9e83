// Quoted strings whose lines are indented no deeper than their key: kubectl reads them to the
// closing quote (Multus's and the SR-IOV operator's examples write NADs so), YAML 1.2 does not.
// CNIKit reads them as kubectl does, with one warning, and checks what is inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { createLanguageService } from '../../server/src/core';
import { composeDocument, type TreeNode } from '../../server/src/core/yaml/yamlDocuments';
import { at, brief, doc } from '../helpers/cursor';

const service = createLanguageService();
const lint = (text: string) => service.validate(doc(text, 'nad.yaml', 'yaml'));

const nad = (config: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: sriov-a
spec:
  config: ${config}
`;

test('a NAD config whose JSON sits at the key\'s indentation: one warning at the quote, the CNI config checked at its own places', () => {
  const text = nad(`'{
  "cniVersion": "1.0.0",
  "type": "macvlan",
  "master": "eth1",
  "mdoe": "bridge",
  "ipam": { "type": "static" }
}'`);
  const diagnostics = lint(text);
  assert.deepEqual(brief(diagnostics).filter((d) => !d.endsWith('cni/unknown-key') && !d.includes('static')), [`${at(text, "'{")} yaml/quoted-indent`]);
  const typo = diagnostics.find((d) => d.code === 'cni/unknown-key');
  assert.ok(typo, `the misspelt "mdoe" inside the config is found: ${JSON.stringify(brief(diagnostics))}`);
  assert.equal(brief([typo])[0], `${at(text, '"mdoe"')} cni/unknown-key`);
  assert.ok(!diagnostics.some((d) => d.code === 'yaml/syntax' || d.code === 'k8s/unknown-key' || d.code === 'k8s/nad-file-config'), JSON.stringify(brief(diagnostics)));
});

test('lines led by tabs, double quotes with escaped quotes, and a Multus annotation list read the same way', () => {
  const tabs = nad(`'{\n\t"cniVersion": "1.0.0",\n\t"type": "bridge",\n\t"bridge": "br0"\n}'`);
  assert.deepEqual(brief(lint(tabs)), [`${at(tabs, "'{")} yaml/quoted-indent`]);

  const escaped = nad(`"{\n  \\"cniVersion\\": \\"1.0.0\\",\n  \\"type\\": \\"bridge\\",\n  \\"bridge\\": \\"br0\\"\n}"`);
  assert.deepEqual(brief(lint(escaped)), [`${at(escaped, '"{')} yaml/quoted-indent`]);

  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: client
  annotations:
    k8s.v1.cni.cncf.io/networks: '[
    { "name": "sriov-a", "interface": "net1" }
]'
spec:
  containers:
  - name: app
    image: busybox
`;
  const diagnostics = lint(pod);
  assert.ok(diagnostics.some((d) => d.code === 'yaml/quoted-indent'), JSON.stringify(brief(diagnostics)));
  assert.ok(!diagnostics.some((d) => d.code === 'yaml/syntax' || d.code === 'k8s/unknown-key'), JSON.stringify(brief(diagnostics)));
});

test('the value read is the one kubectl reads (the folded string, whatever the indentation)', () => {
  const text = nad(`'{\n"type": "bridge",\n  "bridge": "br0"\n}'`);
  const indented = nad(`'{\n    "type": "bridge",\n    "bridge": "br0"\n    }'`);
  const property = (node: TreeNode | undefined, key: string) => node?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  const config = property(property(composeDocument(text).root, 'spec'), 'config');
  assert.equal(config?.value, parse(indented).spec.config);
  assert.equal(text.slice(config!.offset, config!.offset + config!.length), `'{\n"type": "bridge",\n  "bridge": "br0"\n}'`, 'the node spans the string as written');
  // hover on a key inside the under-indented config works where the key is written
  const offset = text.indexOf('"bridge": "br0"') + 2;
  const document = doc(text, 'nad.yaml', 'yaml');
  const hover = service.hover(document, document.positionAt(offset));
  assert.ok(hover && /bridge/i.test(JSON.stringify(hover.contents)), `hover on "bridge" inside the config: ${JSON.stringify(hover)}`);
});

test('a quote that is really never closed, or closed past a document marker, stays a syntax error', () => {
  for (const text of [nad(`'{\n  "type": "bridge"\n}`), `${nad(`'{\n  "type": "bridge"`)}---\nkind: Service\n'\n`]) {
    const codes = brief(lint(text));
    assert.ok(codes.some((c) => c.endsWith('yaml/syntax')), JSON.stringify(codes));
    assert.ok(!codes.some((c) => c.endsWith('yaml/quoted-indent')), JSON.stringify(codes));
  }
});
