// Rules for the network as a whole: file shape, name, cniVersion and the plugins list.
import { finding, type Fix } from '../../common/findings';
import { insertProperty } from '../../common/jsonEdits';
import { propertyLoose, type JsonNode } from '../../common/json';
import { anchorOf, isSet, span, unsetAt, type Rule } from './context';

/** libcni and every plugin's skel accept only these characters in a network name. */
const validName = /^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$/;
export const knownVersions = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];
const deprecatedVersions = new Set(['0.1.0', '0.2.0']);
export const recommendedVersion = '1.0.0';

/** Runtimes pick the parser by file name: a config of the other kind fails there, whatever else is right in it. */
export const checkShape: Rule = ({ model, report, embedded }) => {
  if (!model.misnamed) return;
  const { start, end } = anchorOf(model.root);
  if (embedded) {
    // No file to rename: only flannel's cni-conf.json is embedded as a list (installed as 10-flannel.conflist).
    report(finding(start, end, 'error', 'cni/wrong-file-kind',
      'This is a single-plugin config, but it is installed as a .conflist, which runtimes read as a list and reject for lacking "plugins". Move the plugin into a "plugins" list, keeping "name" and "cniVersion" at the top.'));
  } else if (model.shape === 'list') {
    report(finding(start, end, 'error', 'cni/wrong-file-kind',
      'This is a network configuration list, but runtimes read .conf and .json files as a single plugin and fail with "missing \'type\'". Rename the file to .conflist.'));
  } else {
    report(finding(start, end, 'error', 'cni/wrong-file-kind',
      'This is a single-plugin config, but runtimes read .conflist files as a list and reject it for lacking "plugins". Rename the file to .conf, or move the plugin into a "plugins" list.'));
  }
};

export const checkName: Rule = ({ model, text, report, embedded }) => {
  const { nameNode, root } = model;
  if (!isSet(nameNode)) {
    if (embedded) return; // Multus fills in the NetworkAttachmentDefinition's name.
    const at = unsetAt(root, nameNode);
    const message = nameNode
      ? '"name" is null, which counts as not set: runtimes and plugins reject a network without a name. Give it one, such as "mynet".'
      : 'Missing "name": runtimes and plugins reject a network without a name.';
    report(finding(at.start, at.end, 'error', 'cni/missing-name', message, [setOrAdd(text, root, nameNode, 'name', 'mynet')]));
    return;
  }
  if (nameNode.type !== 'string') return; // the schema reports the wrong type
  const name = String(nameNode.value);
  if (name === '') {
    report(finding(span(nameNode).start, span(nameNode).end, 'error', 'cni/invalid-name', 'The network name is empty: plugins reject it ("missing network name").'));
  } else if (!validName.test(name)) {
    report(finding(span(nameNode).start, span(nameNode).end, 'error', 'cni/invalid-name',
      `Invalid network name "${name}": it must start with an ASCII letter or digit and contain only letters, digits, '_', '.' and '-'. Plugins reject it.`,
      suggestName(name, nameNode)));
  }
};

export const checkVersion: Rule = ({ model, text, report }) => {
  const { cniVersionNode, cniVersion, root } = model;
  if (!isSet(cniVersionNode)) {
    const needsNewer = model.plugins.find((p) => p.meta && !p.meta.versions.includes('0.1.0'));
    const why = needsNewer ? `plugins then assume 0.1.0, which ${needsNewer.type} does not support` : 'plugins then assume the obsolete 0.1.0';
    const at = unsetAt(root, cniVersionNode);
    const message = cniVersionNode
      ? `"cniVersion" is null, which counts as not set: ${why}. Set it to "${recommendedVersion}".`
      : `Missing "cniVersion": ${why}. Add "cniVersion": "${recommendedVersion}".`;
    report(finding(at.start, at.end, needsNewer ? 'error' : 'warning', 'cni/missing-version', message,
      [setOrAdd(text, root, cniVersionNode, 'cniVersion', recommendedVersion)]));
    return;
  }
  if (cniVersion === undefined || !knownVersions.includes(cniVersion)) return; // the schema reports type and enum errors
  const { start, end } = span(cniVersionNode);
  if (cniVersion === '1.1.0') {
    report(finding(start, end, 'info', 'cni/version-1.1',
      'cniVersion 1.1.0 is valid, but plugins released before v1.6.0 (for example Debian\'s 1.1.1) reject it with "incompatible CNI versions". Use 1.0.0 if nodes may run older plugins.'));
  } else if (deprecatedVersions.has(cniVersion)) {
    report(finding(start, end, 'warning', 'cni/deprecated-version',
      `cniVersion ${cniVersion} is obsolete: it predates plugin chaining and rich results. Use ${recommendedVersion}.`,
      [{ title: `Change to "${recommendedVersion}"`, edits: [{ start, end, newText: JSON.stringify(recommendedVersion) }], preferred: true }]));
  }
};

export const checkPluginsPresent: Rule = ({ model, report }) => {
  const { pluginsNode } = model;
  if (model.shape !== 'list' || isSet(pluginsNode)) return;
  const at = unsetAt(model.root, pluginsNode);
  report(finding(at.start, at.end, 'error', 'cni/missing-plugins', pluginsNode
    ? '"plugins" is null, which counts as not set: a network configuration list needs a non-empty list of plugin objects.'
    : 'Missing "plugins": a network configuration list needs a non-empty list of plugin objects.'));
};

export const checkBooleanFlags: Rule = ({ model, report }) => {
  for (const key of ['disableCheck', 'disableGC', 'loadOnlyInlinedPlugins']) {
    const node = propertyLoose(model.root, key);
    if (node?.type !== 'string') continue;
    const value = String(node.value).toLowerCase();
    const { start, end } = span(node);
    if (value === 'true' || value === 'false') {
      report(finding(start, end, 'warning', 'cni/string-boolean',
        `"${key}" is a string: runtimes built on libcni before 1.2 (containerd 1.6, CRI-O 1.2x) reject it. Write ${value} without quotes.`,
        [{ title: `Remove the quotes: ${value}`, edits: [{ start, end, newText: value }], preferred: true }]));
    } else {
      report(finding(start, end, 'error', 'cni/wrong-type', `"${key}" must be true or false; runtimes reject ${JSON.stringify(node.value)}.`));
    }
  }
};

/** Adds a missing key; a key that is there but null gets its value replaced, as adding it again would duplicate it. */
function setOrAdd(text: string, object: JsonNode, node: JsonNode | undefined, key: string, value: string): Fix {
  const edit = node ? { ...span(node), newText: JSON.stringify(value) } : insertProperty(text, object, key, value);
  return { title: `${node ? 'Set' : 'Add'} "${key}": ${JSON.stringify(value)}`, edits: [edit], preferred: true };
}

function suggestName(name: string, node: { offset: number; length: number }) {
  const cleaned = name.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').replace(/[^a-zA-Z0-9_.\-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return cleaned ? [{ title: `Rename to "${cleaned}"`, edits: [{ start: node.offset, end: node.offset + node.length, newText: JSON.stringify(cleaned) }] }] : undefined;
}
