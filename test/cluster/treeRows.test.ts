// What the cluster explorer shows for a real report (the fake Calico and Cilium + Multus clusters
// read through the client library), and which kubeconfig setting counts under Workspace Trust.
// The tree's row builders and the trust rule are pure, so no workbench is needed here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseKubeconfig, kubeconfigInSettingsFile } from '../../client/src/cluster/kubeconfigSetting';
import * as presentation from '../../client/src/cluster/presentation';
import * as cluster from '../../server/src/cluster';
import type { ClusterReport } from '../../server/src/cluster';
import { calicoCluster } from './fixtures/calico';
import { ciliumMultusCluster } from './fixtures/ciliumMultus';
import { startTestCluster, tempDir } from './harness';
import { makePki, type Pki } from './pki';

let pki: Pki;
const temp = tempDir();
const reports: Record<string, ClusterReport> = {};

before(async () => {
  pki = makePki();
  for (const fixture of [calicoCluster, ciliumMultusCluster]) {
    const test = await startTestCluster(fixture, pki, temp.dir);
    try {
      reports[fixture.name] = await cluster.inspectCluster({ path: test.kubeconfig });
    } finally {
      await test.close();
    }
  }
});
after(() => {
  pki.remove();
  temp.remove();
});

describe('tree rows', () => {
  it('a CNI shows version, rollout and mode; unhealthy rollouts are flagged; IP pools open as objects', () => {
    const calico = reports.calico.cnis.find((c) => c.name === 'calico');
    assert.ok(calico);
    const row = presentation.cniRow(calico, cluster);
    assert.equal(row.label, 'calico');
    assert.match(row.description ?? '', /^v3\.28\.0 · 2\/3 ready/);
    assert.equal(row.icon, 'warning');
    const pools = (row.details ?? []).filter((d) => d.label.startsWith('IPPool '));
    assert.deepEqual(pools.map((p) => p.label), ['IPPool default-ipv4-ippool', 'IPPool legacy-ipip-pool']);
    assert.ok(pools.every((p) => p.ref?.path.includes('/ippools/')), 'each pool opens its object');
  });

  it('attachments and policies are grouped by namespace, cluster-scoped ones last', () => {
    const groups = presentation.groupByNamespace(reports['cilium-multus'].networkAttachments);
    assert.deepEqual(groups.map((g) => g.namespace), ['default', 'secure', 'tenant-a']);
    const policies = presentation.groupByNamespace(reports['cilium-multus'].networkPolicies);
    assert.equal(policies[policies.length - 1].namespace, null);
    const nad = reports['cilium-multus'].networkAttachments.find((n) => n.name === 'ipvlan-l3');
    assert.ok(nad);
    const row = presentation.attachmentRow(nad, cluster);
    assert.match(row.description ?? '', /ipvlan · static 10\.10\.0\.5\/24/);
    assert.equal(row.ref?.kind, 'NetworkAttachmentDefinition');
  });

  it('pods list their interfaces as details, the default network marked', () => {
    const pod = reports['cilium-multus'].podAttachments.find((p) => p.name === 'router-0');
    assert.ok(pod);
    const row = presentation.podRow(pod, cluster);
    assert.deepEqual(row.details?.map((d) => d.label), ['eth0', 'uplink', 'net2']);
    assert.match(row.details?.[0].description ?? '', /\(default\)/);
    assert.doesNotMatch(row.details?.[1].description ?? '', /\(default\)/);
  });

  it('problems become warning rows with their message', () => {
    const row = presentation.problemRow({ severity: 'warning', section: 'networkAttachments', message: 'cannot list NetworkAttachmentDefinitions: forbidden' });
    assert.equal(row.icon, 'warning');
    assert.equal(row.label, 'cannot list NetworkAttachmentDefinitions: forbidden');
  });
});

describe('the kubeconfig setting under Workspace Trust', () => {
  const values = { globalValue: '~/.kube/mine', workspaceValue: './repo-kubeconfig' };

  it('a trusted workspace may point at its own kubeconfig', () => {
    assert.deepEqual(chooseKubeconfig(values, true), { kubeconfig: './repo-kubeconfig' });
    assert.deepEqual(chooseKubeconfig({ ...values, workspaceFolderValue: './folder' }, true), { kubeconfig: './folder' });
  });

  it('in Restricted Mode a workspace value is ignored (and reported), the user setting counts', () => {
    assert.deepEqual(chooseKubeconfig(values, false), { kubeconfig: '~/.kube/mine', ignoredWorkspaceKubeconfig: './repo-kubeconfig' });
    assert.deepEqual(chooseKubeconfig({ workspaceValue: './x' }, false), { kubeconfig: undefined, ignoredWorkspaceKubeconfig: './x' });
  });

  it('empty values count as unset', () => {
    assert.deepEqual(chooseKubeconfig({ globalValue: '  ', workspaceValue: '' }, true), { kubeconfig: undefined });
  });

  // VS Code hides a restricted setting's workspace value in Restricted Mode, so the explorer reads the file itself to say it waits for trust
  it('finds the kubeconfig path a folder settings file or a .code-workspace file sets', () => {
    const folder = '{\n  // the repo\'s cluster\n  "cnikit.cluster.kubeconfig": " ./kube/config ",\n  "editor.tabSize": 2,\n}\n';
    assert.equal(kubeconfigInSettingsFile(folder, false), './kube/config');
    assert.equal(kubeconfigInSettingsFile('{ "folders": [], "settings": { "cnikit.cluster.kubeconfig": "/etc/k" } }', true), '/etc/k');
    // a key of a .code-workspace file outside "settings" is not a setting
    assert.equal(kubeconfigInSettingsFile('{ "cnikit.cluster.kubeconfig": "/etc/k" }', true), undefined);
    for (const text of ['', 'not json', '[1]', '{ "cnikit.cluster.kubeconfig": 3 }', '{ "cnikit.cluster.kubeconfig": "  " }', '{ "settings": null }']) {
      assert.equal(kubeconfigInSettingsFile(text, text.includes('settings')), undefined, text);
    }
  });
});
