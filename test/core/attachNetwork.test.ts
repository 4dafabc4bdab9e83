// "Attach network <NAD>" in a pod template: one action per NetworkAttachmentDefinition of the
// workspace, editing the Multus networks annotation so that the result validates clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/core';
import { attachNetworkActions, networkChoices } from '../../server/src/core/scaffold/attachNetwork';
import { applyEdits, withCursor } from '../helpers/cursor';

const nads = ['shop/storage-net', 'shop/data-net', 'infra/infra-net'].map((id) => {
  const [namespace, name] = id.split('/');
  return `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  config: '{"cniVersion": "1.0.0", "type": "macvlan", "master": "eth1", "ipam": {"type": "dhcp"}}'
`;
}).join('---\n');

const networksKey = 'k8s.v1.cni.cncf.io/networks';
let version = 1;
const yamlDoc = (text: string) => TextDocument.create('file:///ws/app.yaml', 'yaml', version++, text);

function setup() {
  const service = createLanguageService();
  service.indexFile('file:///ws/nads.yaml', nads);
  return service;
}

/** The Attach actions at the `‸` of a text, by title, and a way to apply one. */
function attach(service: ReturnType<typeof createLanguageService>, marked: string) {
  const { text, offset } = withCursor(marked, '‸');
  const document = yamlDoc(text);
  const position = document.positionAt(offset);
  const actions = service.codeActions(document, { start: position, end: position }).filter((a) => a.title.startsWith('Attach network'));
  return {
    text,
    document,
    titles: actions.map((a) => a.title),
    kinds: [...new Set(actions.map((a) => a.kind))],
    apply(title: string): string {
      const action = actions.find((a) => a.title === title);
      assert.ok(action, `no "${title}" among ${actions.map((a) => a.title).join(' | ')}`);
      return applyEdits(document, action.edit!.changes![document.uri]);
    },
  };
}

/** Diagnostics as sorted "severity code" lines, positions left out (edits move them). */
function problems(service: ReturnType<typeof createLanguageService>, text: string): string[] {
  return service.validate(yamlDoc(text)).map((d) => `${d.severity} ${d.code}`).sort();
}

/** The edited text validates with no new diagnostic, no error or warning, and the annotation reads as expected. */
function assertClean(service: ReturnType<typeof createLanguageService>, before: string, after: string, annotationPath: string[], expected: string) {
  assert.deepEqual(problems(service, after), problems(service, before));
  assert.deepEqual(problems(service, after).filter((p) => /^[12] /.test(p)), []);
  const doc = parseDocument(after);
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.getIn([...annotationPath, 'annotations', networksKey]), expected);
}

const deployment = (templateMetadata: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
${templateMetadata}    spec:
      containers:
        - name: web
          image: nginx‸${extra}
`;
const templatePath = ['spec', 'template', 'metadata'];

test('no annotation yet: annotations and the key are added after the labels, with the file\'s indentation', () => {
  const service = setup();
  const found = attach(service, deployment('    metadata:\n      labels:\n        app: web\n'));
  assert.deepEqual(found.titles, ['Attach network data-net', 'Attach network storage-net', 'Attach network infra/infra-net']);
  assert.deepEqual(found.kinds, ['refactor.rewrite']);
  const after = found.apply('Attach network storage-net');
  assert.equal(after, found.text.replace('        app: web\n', `        app: web\n      annotations:\n        ${networksKey}: storage-net\n`));
  assertClean(service, found.text, after, templatePath, 'storage-net');
});

test('a template without metadata gets one, indented like the file (4 spaces here)', () => {
  const service = setup();
  const marked = `apiVersion: batch/v1
kind: CronJob
metadata:
    name: nightly
    namespace: shop
spec:
    schedule: "0 3 * * *"
    jobTemplate:
        spec:
            template:
                spec:
                    restartPolicy: Never
                    containers:
                        - name: job‸
                          image: busybox
`;
  const found = attach(service, marked);
  const after = found.apply('Attach network infra/infra-net');
  assert.match(after, /\n {16}metadata:\n {20}annotations:\n {24}k8s\.v1\.cni\.cncf\.io\/networks: infra\/infra-net\n {16}spec:\n/);
  assertClean(service, found.text, after, ['spec', 'jobTemplate', 'spec', 'template', 'metadata'], 'infra/infra-net');
});

test('a Pod: empty annotations (with a comment) and an empty metadata get the key', () => {
  const service = setup();
  const pod = (metadata: string) => `apiVersion: v1
kind: Pod
${metadata}spec:
  containers:
    - name: c‸
      image: busybox
`;
  const emptyAnnotations = attach(service, pod('metadata:\n  name: p\n  namespace: shop\n  annotations:   # Multus\n'));
  const after = emptyAnnotations.apply('Attach network data-net');
  assert.match(after, /  annotations: # Multus\n    k8s\.v1\.cni\.cncf\.io\/networks: data-net\nspec:/);
  assertClean(service, emptyAnnotations.text, after, ['metadata'], 'data-net');

  const flowEmpty = attach(service, pod('metadata:\n  name: p\n  namespace: shop\n  annotations: {}\n'));
  const after2 = flowEmpty.apply('Attach network data-net');
  assert.match(after2, /  annotations:\n    k8s\.v1\.cni\.cncf\.io\/networks: data-net\nspec:/);
  assertClean(service, flowEmpty.text, after2, ['metadata'], 'data-net');

  // The default namespace: every NAD here is in another namespace, so all are namespace/name.
  const noNamespace = attach(service, pod('metadata:\n  name: p\n'));
  assert.deepEqual(noNamespace.titles, ['Attach network infra/infra-net', 'Attach network shop/data-net', 'Attach network shop/storage-net']);
  const after3 = noNamespace.apply('Attach network shop/data-net');
  assertClean(service, noNamespace.text, after3, ['metadata'], 'shop/data-net');
});

test('the comma-separated form: the network is appended, attached ones are not offered', () => {
  const service = setup();
  const marked = deployment(`    metadata:\n      annotations:\n        ${networksKey}: storage-net@stor0, infra/infra-net  # two\n`);
  const found = attach(service, marked);
  assert.deepEqual(found.titles, ['Attach network data-net']);
  const after = found.apply('Attach network data-net');
  assert.equal(after, found.text.replace('infra/infra-net  # two', 'infra/infra-net, data-net  # two'));
  assertClean(service, found.text, after, templatePath, 'storage-net@stor0, infra/infra-net, data-net');

  // Quoted, and written with the pod's own namespace: storage-net counts as attached.
  const quoted = attach(service, deployment(`    metadata:\n      annotations:\n        ${networksKey}: 'shop/storage-net'\n`));
  assert.deepEqual(quoted.titles, ['Attach network data-net', 'Attach network infra/infra-net']);
  const after2 = quoted.apply('Attach network infra/infra-net');
  assert.match(after2, /networks: 'shop\/storage-net, infra\/infra-net'\n/);
  assertClean(service, quoted.text, after2, templatePath, 'shop/storage-net, infra/infra-net');
});

test('the JSON form: an object is added on its own line, with the namespace for another namespace', () => {
  const service = setup();
  const marked = deployment(`    metadata:
      annotations:
        ${networksKey}: |
          [
            {"name": "storage-net", "interface": "stor0"}
          ]
`);
  const found = attach(service, marked);
  assert.deepEqual(found.titles, ['Attach network data-net', 'Attach network infra/infra-net']);
  const after = found.apply('Attach network infra/infra-net');
  assert.match(after, /\{"name": "storage-net", "interface": "stor0"\},\n {12}\{"name": "infra-net", "namespace": "infra"\}\n {10}\]\n/);
  assertClean(service, found.text, after, templatePath,
    '[\n  {"name": "storage-net", "interface": "stor0"},\n  {"name": "infra-net", "namespace": "infra"}\n]\n');
});

test('the JSON form in quoted strings, on one line, and an empty list', () => {
  const service = setup();
  const single = attach(service, deployment(`    metadata:\n      annotations:\n        ${networksKey}: '[{"name": "storage-net"}]'\n`));
  const after = single.apply('Attach network data-net');
  assert.match(after, /networks: '\[\{"name": "storage-net"\}, \{"name": "data-net"\}\]'\n/);
  assertClean(service, single.text, after, templatePath, '[{"name": "storage-net"}, {"name": "data-net"}]');

  const double = attach(service, deployment(`    metadata:\n      annotations:\n        ${networksKey}: "[{\\"name\\": \\"infra-net\\", \\"namespace\\": \\"infra\\"}]"\n`));
  assert.deepEqual(double.titles, ['Attach network data-net', 'Attach network storage-net']);
  const after2 = double.apply('Attach network storage-net');
  assertClean(service, double.text, after2, templatePath, '[{"name": "infra-net", "namespace": "infra"}, {"name": "storage-net"}]');

  const empty = attach(service, deployment(`    metadata:\n      annotations:\n        ${networksKey}: '[]'\n`));
  const after3 = empty.apply('Attach network infra/infra-net');
  assertClean(service, empty.text, after3, templatePath, '[{"name": "infra-net", "namespace": "infra"}]');
});

test('every NAD already attached: no action', () => {
  const service = setup();
  const found = attach(service, deployment(`    metadata:\n      annotations:\n        ${networksKey}: '[{"name": "storage-net"}, {"name": "data-net"}, {"name": "infra-net", "namespace": "infra"}]'\n`));
  assert.deepEqual(found.titles, []);
});

test('outside the pod template, in a non-workload, or without NADs in the workspace: no action', () => {
  const service = setup();
  const template = '    metadata:\n      labels:\n        app: web\n';
  const text = deployment(template).replace('‸', '');
  for (const [needle, shift] of [['replicas', 0], ['name: web', 6], ['matchLabels', 0], ['kind', 0]] as const) {
    const marked = text.replace(needle, `${needle.slice(0, shift)}‸${needle.slice(shift)}`);
    assert.deepEqual(attach(service, marked).titles, [], needle);
  }
  // On the `template:` key itself the action is offered.
  assert.equal(attach(service, text.replace('  template:', '  templ‸ate:')).titles.length, 3);
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web‸\n  ports:\n    - port: 80\n';
  assert.deepEqual(attach(service, svc).titles, []);
  assert.deepEqual(attach(createLanguageService(), deployment(template)).titles, []);
});

test('shapes that cannot be edited safely get no action', () => {
  const service = setup();
  const shapes = [
    '    metadata: {labels: {app: web}}\n',
    '    metadata:\n      annotations: {team: a}\n',
    `    metadata:\n      annotations:\n        ${networksKey}: >\n          storage-net\n`,
    `    metadata:\n      annotations:\n        ${networksKey}: '[{"name": "storage-net"'\n`,
    `    metadata:\n      annotations:\n        ${networksKey}: '{"name": "storage-net"}'\n`,
    `    metadata:\n      annotations: &common\n        team: a\n`,
    `    metadata:\n      annotations:\n        <<: {team: a}\n`,
  ];
  for (const shape of shapes) assert.deepEqual(attach(service, deployment(shape)).titles, [], shape);
});

test('a multi-document file with CRLF line ends: the edit stays in its document and keeps CRLF', () => {
  const service = setup();
  const first = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n';
  const marked = `${first}---\n${deployment('    metadata:\n      labels:\n        app: web\n')}`.replace(/\n/g, '\r\n');
  const found = attach(service, marked);
  const after = found.apply('Attach network data-net');
  assert.ok(after.startsWith(first.replace(/\n/g, '\r\n')));
  assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
  assert.match(after, /      annotations:\r\n        k8s\.v1\.cni\.cncf\.io\/networks: data-net\r\n/);
  assert.deepEqual(problems(service, after), problems(service, found.text));
});

test('pure functions: names YAML would read as something else are quoted; choices are filtered and ordered', () => {
  const choices = networkChoices(
    [{ name: 'b', namespace: 'x' }, { name: '123', namespace: 'shop' }, { name: 'a', namespace: 'shop' }, { name: 'a', namespace: 'shop' }, { name: 'Bad_Name', namespace: 'shop' }, { name: 'on', namespace: 'shop' }],
    'shop', [{ name: 'on' }], (n) => /^[a-z0-9-]+$/.test(n));
  assert.deepEqual(choices.map((c) => `${c.namespace}/${c.name}`), ['shop/123', 'shop/a', 'x/b']);
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n';
  const [action] = attachNetworkActions(text, 0, { metadataPath: ['metadata'], namespace: 'shop' }, [{ name: '123', namespace: 'shop' }]);
  assert.equal(action.title, 'Attach network 123');
  assert.equal(action.edits[0].newText, `  annotations:\n    ${networksKey}: "123"\n`);
});
