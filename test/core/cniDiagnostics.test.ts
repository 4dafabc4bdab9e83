import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { at, brief, doc } from '../helpers/cursor';

const service = createLanguageService();
const lint = (text: string, name = 'test.conflist') => service.validate(doc(text, name));
const codes = (text: string, name?: string) => brief(lint(text, name));

const bridgeList = (plugin: string, extra = '') => `{
  "cniVersion": "1.0.0",
  "name": "net1",${extra}
  "plugins": [
    ${plugin}
  ]
}`;

test('a valid bridge + host-local + portmap chain has no diagnostics', () => {
  const text = `{
  "cniVersion": "1.0.0",
  "name": "cbr0",
  "plugins": [
    { "type": "bridge", "bridge": "cni0", "isGateway": true,
      "ipam": { "type": "host-local", "ranges": [[{ "subnet": "10.22.0.0/16" }]], "routes": [{ "dst": "0.0.0.0/0" }] } },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}`;
  assert.deepEqual(codes(text), []);
});

test('JSON syntax: comments and trailing commas are errors with a fix, since plugins reject them', () => {
  const text = '{\n  "name": "n", // note\n  "cniVersion": "1.0.0",\n  "plugins": [{"type": "loopback"},]\n}';
  const diagnostics = lint(text);
  assert.deepEqual(brief(diagnostics).filter((d) => d.endsWith('json-syntax')), ['2:16 cni/json-syntax', '4:35 cni/json-syntax']);
  assert.match(diagnostics[0].message as string, /Comments are not allowed/);
  assert.match(diagnostics.find((d) => d.range.start.line === 3)!.message as string, /Trailing comma/);
});

test('an empty file and a non-object are errors, not crashes', () => {
  assert.deepEqual(codes(''), ['1:1 cni/json-syntax']);
  assert.deepEqual(codes('[1, 2]'), ['1:1 cni/not-an-object']);
});

test('wrong JSON types are errors on the value', () => {
  const text = bridgeList('{ "type": "bridge", "mtu": "1500", "isGateway": "true", "ipam": {} }');
  assert.deepEqual(codes(text), [`${at(text, '"1500"')} cni/wrong-type`, `${at(text, '"true"')} cni/wrong-type`]);
});

test('unknown keys are warnings that suggest the nearest known key', () => {
  const text = bridgeList('{ "type": "bridge", "isGatway": true }');
  const diagnostics = lint(text);
  assert.deepEqual(brief(diagnostics), [`${at(text, '"isGatway"')} cni/unknown-key`]);
  assert.equal(diagnostics[0].severity, 2);
  assert.match(diagnostics[0].message as string, /Did you mean "isGateway"\?/);
});

test('keys are matched case-insensitively like Go plugins, with a warning and the value still checked', () => {
  const text = bridgeList('{ "type": "vlan", "Master": "eth0", "VLANID": 4095 }');
  assert.deepEqual(codes(text), [`${at(text, '"Master"')} cni/key-case`, `${at(text, '"VLANID"')} cni/key-case`, `${at(text, '4095')} cni/out-of-range`]);
});

test('enums, ranges and required keys per plugin', () => {
  const macvlan = bridgeList('{ "type": "macvlan", "master": "eth0", "mode": "l2", "ipam": {} }');
  assert.deepEqual(codes(macvlan), [`${at(macvlan, '"l2"')} cni/invalid-value`]);
  const bridge = bridgeList('{ "type": "bridge", "vlan": 4095 }');
  assert.deepEqual(codes(bridge), [`${at(bridge, '4095')} cni/out-of-range`]);
  const vlan = bridgeList('{ "type": "vlan", "vlanId": 10 }');
  assert.deepEqual(codes(vlan), [`${at(vlan, '"vlan"')} cni/missing-key`]);
});

test('network name rules: missing, empty and invalid characters', () => {
  assert.deepEqual(codes('{ "cniVersion": "1.0.0", "plugins": [{ "type": "loopback" }] }'), ['1:3 cni/missing-name']);
  assert.deepEqual(codes('{ "cniVersion": "1.0.0", "name": "", "plugins": [{ "type": "loopback" }] }'), ['1:34 cni/invalid-name']);
  assert.deepEqual(codes('{ "cniVersion": "1.0.0", "name": "réseau", "plugins": [{ "type": "loopback" }] }'), ['1:34 cni/invalid-name']);
});

test('cniVersion: unknown versions are errors, 1.1.0 is information, old ones are deprecated, missing is a warning', () => {
  const list = (version: string) => `{ "cniVersion": ${version}, "name": "n", "plugins": [{ "type": "loopback" }] }`;
  assert.deepEqual(codes(list('"1.0"')), ['1:17 cni/invalid-value']);
  const info = lint(list('"1.1.0"'));
  assert.deepEqual(brief(info), ['1:17 cni/version-1.1']);
  assert.equal(info[0].severity, 3);
  assert.deepEqual(codes(list('"0.2.0"')), ['1:17 cni/deprecated-version']);
  assert.deepEqual(codes('{ "name": "n", "plugins": [{ "type": "loopback" }] }'), ['1:3 cni/missing-version']);
  // A chain whose plugin needs 0.3.0 or later fails outright without a version.
  const missing = lint('{ "name": "n", "plugins": [{ "type": "bridge" }, { "type": "bandwidth", "ingressRate": 1, "ingressBurst": 1 }] }');
  assert.equal(missing.find((d) => d.code === 'cni/missing-version')?.severity, 1);
});

test('firewall ingressPolicy "isolated" is information (plugins before v1.7.0 reject it); other policies say nothing', () => {
  const chain = (policy: string) => bridgeList(`{ "type": "bridge", "ipam": { "type": "host-local", "subnet": "10.1.0.0/16" } },
    { "type": "firewall", "ingressPolicy": ${policy} }`);
  const isolated = chain('"isolated"');
  const info = lint(isolated);
  assert.deepEqual(brief(info), [`${at(isolated, '"isolated"')} cni/ingress-policy-isolated`]);
  assert.equal(info[0].severity, 3);
  assert.match(info[0].message as string, /v1\.7\.0/);
  assert.match(info[0].message as string, /unknown ingress policy/);
  assert.deepEqual(codes(chain('"same-bridge"')), []);
  assert.deepEqual(codes(chain('"open"')), []);
  // An unknown policy stays an error from the schema, without the information as well.
  assert.deepEqual(brief(lint(chain('"Isolated"'))).map((d) => d.split(' ')[1]), ['cni/invalid-value']);
});

test('a plugin that does not support the list version is an error on its type', () => {
  const text = '{ "cniVersion": "0.3.1", "name": "n", "plugins": [{ "type": "bridge" }, { "type": "firewall" }] }';
  assert.deepEqual(codes(text), ['1:83 cni/version-unsupported']);
});

test('plugins must be a non-empty list', () => {
  assert.deepEqual(codes('{ "cniVersion": "1.0.0", "name": "n", "plugins": [] }'), ['1:50 cni/invalid-value']);
  assert.deepEqual(codes('{ "cniVersion": "1.0.0", "name": "n" }'), ['1:3 cni/missing-plugins']);
});

test('chain order: a meta plugin first is an error; two interface plugins a warning', () => {
  const text = bridgeList('{ "type": "portmap", "capabilities": { "portMappings": true } },\n    { "type": "bridge" }');
  assert.deepEqual(codes(text), ['5:15 cni/chain-order']);
  const two = bridgeList('{ "type": "bridge" },\n    { "type": "ptp", "ipam": { "type": "host-local", "subnet": "10.1.0.0/24" } }');
  assert.deepEqual(codes(two), ['6:15 cni/multiple-interfaces']);
});

test('capabilities: unused ones and missing essential ones are warnings', () => {
  const text = bridgeList('{ "type": "bridge", "capabilities": { "portMappings": true } },\n    { "type": "portmap" }');
  assert.deepEqual(codes(text), [`${at(text, '"portMappings"')} cni/unused-capability`, `${at(text, '"portmap"')} cni/missing-capability`]);
});

test('host-local: host bits, range outside subnet, start after end, small subnet, overlaps', () => {
  const ipam = (ranges: string) => bridgeList(`{ "type": "bridge", "ipam": { "type": "host-local", "ranges": ${ranges} } }`);
  const expect = (ranges: string, needle: string, code: string) => {
    const text = ipam(ranges);
    assert.deepEqual(codes(text), [`${at(text, needle)} ${code}`], ranges);
  };
  expect('[[{ "subnet": "10.1.0.5/24" }]]', '"10.1.0.5/24"', 'cni/host-bits');
  expect('[[{ "subnet": "10.1.0.0/24", "rangeStart": "10.2.0.1" }]]', '"10.2.0.1"', 'cni/outside-subnet');
  expect('[[{ "subnet": "10.1.0.0/24", "rangeStart": "10.1.0.50", "rangeEnd": "10.1.0.20" }]]', '"10.1.0.50"', 'cni/range-order');
  expect('[[{ "subnet": "10.1.0.0/31" }]]', '"10.1.0.0/31"', 'cni/subnet-too-small');
  expect('[[{ "subnet": "10.1.0.0/16" }, { "subnet": "10.1.2.0/24" }]]', '"10.1.2.0/24"', 'cni/overlapping-ranges');
  expect('[[{ "subnet": "10.1.0.0/16" }], [{ "subnet": "10.1.2.0/24" }]]', '"10.1.2.0/24"', 'cni/overlapping-ranges');
  expect('[[{ "subnet": "10.1.0.0/24" }, { "subnet": "fd00::/64" }]]', '"fd00::/64"', 'cni/mixed-families');
  const gateway = lint(ipam('[[{ "subnet": "10.1.0.0/24", "gateway": "10.9.0.1" }]]'));
  assert.deepEqual(gateway.map((d) => [d.code, d.severity]), [['cni/outside-subnet', 2]]);
});

test('addresses: malformed IPs and CIDRs are errors', () => {
  const text = bridgeList('{ "type": "bridge", "ipam": { "type": "static", "addresses": [{ "address": "10.1.0.5" }], "routes": [{ "dst": "010.0.0.0/8" }] } }');
  assert.deepEqual(codes(text), [`${at(text, '"10.1.0.5"')} cni/invalid-address`, `${at(text, '"010.0.0.0/8"')} cni/invalid-address`]);
});

test('plugin cross-key rules', () => {
  const bridge = bridgeList('{ "type": "bridge", "hairpinMode": true, "promiscMode": true }');
  assert.deepEqual(codes(bridge), [`${at(bridge, '"promiscMode"')} cni/conflicting-keys`]);
  assert.deepEqual(codes(bridgeList('{ "type": "ptp" }')), ['5:15 cni/missing-ipam']);
  assert.deepEqual(codes(bridgeList('{ "type": "host-device" }')), ['5:15 cni/missing-key']);
  const tuning = bridgeList('{ "type": "bridge" },\n    { "type": "tuning", "sysctl": { "kernel.pid_max": "10" } }');
  assert.deepEqual(codes(tuning), [`${at(tuning, '"kernel.pid_max"')} cni/invalid-value`]);
  const bandwidth = bridgeList('{ "type": "bridge" },\n    { "type": "bandwidth", "ingressRate": 1000 }');
  assert.deepEqual(codes(bandwidth), [`${at(bandwidth, '"ingressRate"')} cni/conflicting-keys`]);
});

test('an unknown plugin type is only a hint, and its keys are not flagged', () => {
  const diagnostics = lint(bridgeList('{ "type": "my-vendor-cni", "whatever": 1 }'));
  assert.deepEqual(brief(diagnostics), ['5:15 cni/unknown-plugin']);
  assert.equal(diagnostics[0].severity, 4);
});

test('an empty type gets one error that says so, not a path complaint or an unknown-plugin hint', () => {
  const diagnostics = lint(bridgeList('{ "type": "", "ipam": { "type": "" } }'));
  // An empty ipam.type is no error: bridge then attaches without an address, as with "ipam": {}.
  assert.deepEqual(diagnostics.map((d) => `${brief([d])[0]} ${d.message}`), ['5:15 cni/invalid-value "type" must not be empty.']);
  assert.deepEqual(codes(bridgeList('{ "type": "bridge", "ipam": { "type": "" } }')), []);
  assert.deepEqual(codes(bridgeList('{ "type": "ptp", "ipam": { "type": "" } }')), ['5:15 cni/missing-ipam']);
});

test('file kind: a list saved as .conf and a single plugin saved as .conflist are errors', () => {
  const list = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "loopback" }] }';
  assert.ok(codes(list, '10-net.conf').includes('1:3 cni/wrong-file-kind'));
  const single = '{ "cniVersion": "1.0.0", "name": "n", "type": "loopback" }';
  assert.deepEqual(codes(single, '10-net.conf'), []);
  assert.ok(codes(single, '10-net.conflist').includes('1:3 cni/wrong-file-kind'));
});

test('null values and duplicate keys are warnings, as plugins ignore them', () => {
  const text = bridgeList('{ "type": "bridge", "mtu": null, "bridge": "a", "bridge": "b" }');
  assert.deepEqual(codes(text), [`${at(text, '"mtu"')} cni/null-value`, `${at(text, '"bridge":')} cni/duplicate-key`]);
});

test('binary content and oversized files get one clear diagnostic', () => {
  assert.deepEqual(codes('\u0000\u0001garbage'), ['1:1 cnikit/binary-file']);
  const small = createLanguageService({ maxFileSize: 10 });
  assert.deepEqual(brief(small.validate(doc('{ "name": "abcdefghijkl" }'))), ['1:1 cnikit/file-too-large']);
});

test('half-typed and garbage input never throws', () => {
  const samples = ['{', '{"plugins": [', '{"plugins": [{"type": "bridge", "ipam": {"type": "host-local", "ranges": [[{"subnet": ', '{"a"', '"just a string"', '{"plugins": {"type": 1}}', '{"name": 5, "cniVersion": 1.0, "plugins": "x"}'];
  for (const text of samples) assert.doesNotThrow(() => lint(text), text);
});

test('a capability the IPAM plugin reads is not unused (Multus ips through static IPAM)', () => {
  const text = bridgeList('{ "type": "macvlan", "master": "eth1", "capabilities": { "ips": true, "mac": true }, "ipam": { "type": "static" } }');
  assert.deepEqual(codes(text), []);
  const unused = bridgeList('{ "type": "macvlan", "master": "eth1", "capabilities": { "portMappings": true }, "ipam": { "type": "static" } }');
  assert.deepEqual(codes(unused), [`${at(unused, '"portMappings"')} cni/unused-capability`]);
});

// One mistake, one diagnostic: the schema and a rule (or two checks) must not both report it.
test('a path in ipam.type is one error on the value, not also one on the ipam object or an unknown-plugin hint', () => {
  const text = bridgeList('{ "type": "bridge", "ipam": { "type": "host/local" } }');
  assert.deepEqual(codes(text), [`${at(text, '"host/local"')} cni/invalid-value`]);
  const plugin = bridgeList('{ "type": "/opt/cni/bin/bridge" }');
  assert.deepEqual(codes(plugin), [`${at(plugin, '"/opt/cni/bin/bridge"')} cni/invalid-value`]);
  const wrongType = bridgeList('{ "type": "bridge", "ipam": { "type": 5 } }');
  assert.deepEqual(codes(wrongType), [`${at(wrongType, '5 }')} cni/wrong-type`]);
});

test('a number as cniVersion is one type error, not also an enum error', () => {
  const text = '{\n  "cniVersion": 1.0,\n  "name": "n",\n  "plugins": [{ "type": "loopback" }]\n}';
  assert.deepEqual(codes(text), ['2:17 cni/wrong-type']);
  // The one diagnostic still says what to write: the allowed values.
  assert.match(lint(text)[0].message as string, /must be one of "0\.1\.0", .*"1\.0\.0", "1\.1\.0", not an integer/);
  const mode = bridgeList('{ "type": "macvlan", "master": "eth0", "mode": 5, "ipam": { "type": "dhcp" } }');
  assert.deepEqual(codes(mode), [`${at(mode, '5,')} cni/wrong-type`]);
});

test('a bandwidth burst above 4 GB is one error, the rule\'s', () => {
  const text = bridgeList('{ "type": "bridge", "ipam": { "type": "dhcp" } },\n    { "type": "bandwidth", "ingressRate": 1000, "ingressBurst": 40000000000 }');
  const diagnostics = lint(text);
  assert.deepEqual(brief(diagnostics), [`${at(text, '40000000000')} cni/out-of-range`]);
  assert.match(diagnostics[0].message as string, /more than 4 GB \(it is in bits\)/);
});

test('a plugin without type is one cni/missing-type error, not also a missing-key', () => {
  const text = bridgeList('{ "bridge": "cni0" }');
  assert.deepEqual(codes(text), [`${at(text, '"bridge"')} cni/missing-type`]);
  const single = '{ "cniVersion": "1.0.0", "name": "n", "bridge": "cni0" }';
  assert.deepEqual(codes(single, '10-net.conf'), ['1:3 cni/missing-type']);
});

// Plugins decode null as not set: a required key set to null is missing, said once, at the key.
test('a required key set to null is one error at the key, with the code its absence has', () => {
  const type = '{"cniVersion":"1.0.0","name":"n","plugins":[{"type":null}]}';
  const diagnostics = lint(type);
  assert.deepEqual(brief(diagnostics), [`${at(type, '"type"')} cni/missing-type`]);
  assert.equal(diagnostics[0].severity, 1);
  assert.equal(diagnostics[0].range.end.character - diagnostics[0].range.start.character, '"type"'.length, 'the key, not its value');
  assert.match(diagnostics[0].message as string, /^"type" is null in plugin 1, .* Set it to the plugin's name/);
  const list = '{ "cniVersion": null, "name": null, "plugins": null }';
  assert.deepEqual(codes(list), [`${at(list, '"cniVersion"')} cni/missing-version`, `${at(list, '"name"')} cni/missing-name`, `${at(list, '"plugins"')} cni/missing-plugins`]);
  const single = '{ "cniVersion": "1.0.0", "name": null, "type": null }';
  assert.deepEqual(codes(single, '10-net.conf'), [`${at(single, '"name"')} cni/missing-name`, `${at(single, '"type"')} cni/missing-type`]);
  // Keys the schemas require, at the top of a plugin and inside a list of objects.
  const vlan = bridgeList('{ "type": "vlan", "master": null, "ipam": { "type": "host-local", "ranges": [[{ "subnet": null }]] } }');
  const required = lint(vlan);
  assert.deepEqual(brief(required), [`${at(vlan, '"master"')} cni/missing-key`, `${at(vlan, '"subnet"')} cni/missing-key`]);
  assert.match(required[0].message as string, /^"master" is null, which counts as not set, but the vlan plugin needs it\. Give it a value\.$/);
  // An optional key set to null stays a warning: plugins use the default.
  const optional = bridgeList('{ "type": "bridge", "mtu": null }');
  assert.deepEqual(codes(optional), [`${at(optional, '"mtu"')} cni/null-value`]);
});

// host-local needs ranges or subnet. A null ranges counts as not set ("no IP ranges specified"), but
// a null subnet is no default: host-local reads it as a CIDR and fails ("invalid CIDR address: "),
// with ranges or without (both checked against the real plugin, see test/corpus/cni/reject).
test('host-local: a null ranges or subnet is one error at that key, not a null-value warning', () => {
  const hostLocal = (keys: string) => bridgeList(`{ "type": "bridge", "ipam": { "type": "host-local", ${keys} } }`);
  const subnet = hostLocal('"subnet": null');
  const alone = lint(subnet);
  assert.deepEqual(brief(alone), [`${at(subnet, '"subnet"')} cni/missing-key`]);
  assert.equal(alone[0].severity, 1);
  assert.equal(alone[0].range.end.character - alone[0].range.start.character, '"subnet"'.length, 'the key, not its value');
  assert.match(alone[0].message as string, /^"subnet" is null, which host-local cannot read \(it fails with "invalid CIDR address"\), and there are no "ranges": host-local needs "ranges" \(or the older "subnet"\)\./);
  const ranges = hostLocal('"ranges": null');
  const noRanges = lint(ranges);
  assert.deepEqual(brief(noRanges), [`${at(ranges, '"ranges"')} cni/missing-key`]);
  assert.match(noRanges[0].message as string, /^"ranges" is null, which counts as not set: host-local needs "ranges" \(or the older "subnet"\): without them it fails with "no IP ranges specified"\.$/);
  // With ranges given, a null subnet still fails; a null ranges beside a subnet is a mere null.
  const both = hostLocal('"subnet": null, "ranges": [[{ "subnet": "10.1.0.0/24" }]]');
  const withRanges = lint(both);
  assert.deepEqual(brief(withRanges), [`${at(both, '"subnet"')} cni/wrong-type`]);
  assert.match(withRanges[0].message as string, /^"subnet" is null, which host-local cannot read: .* Remove "subnet", or give it a CIDR/);
  const ok = hostLocal('"subnet": "10.1.0.0/24", "ranges": null');
  assert.deepEqual(codes(ok), [`${at(ok, '"ranges"')} cni/null-value`]);
  // Given through the ipRanges capability, the ranges are set whatever the file says.
  const runtime = bridgeList('{ "type": "bridge", "capabilities": { "ipRanges": true }, "ipam": { "type": "host-local", "ranges": null } }');
  assert.deepEqual(codes(runtime), [`${at(runtime, '"ranges"')} cni/null-value`]);
});

// Plugins decode null as not set, so where a plugin needs one of several keys a null one does not
// count, and the error points at it (host-device and bandwidth checked against the real plugins).
test('a plugin that needs one of several keys: a null one is not set, and the error is at it', () => {
  const device = bridgeList('{ "type": "host-device", "device": null, "hwaddr": null }');
  const hostDevice = lint(device);
  // One mistake, one diagnostic: the null hwaddr is part of it, not also "null: the default applies".
  assert.deepEqual(brief(hostDevice), [`${at(device, '"device"')} cni/missing-key`]);
  assert.equal(hostDevice[0].range.end.character - hostDevice[0].range.start.character, '"device"'.length, 'the key, not its value');
  assert.match(hostDevice[0].message as string, /^"device" is null, which counts as not set: host-device needs one of "device", "hwaddr", "kernelpath" or "pciBusID"/);
  const one = bridgeList('{ "type": "host-device", "device": null, "pciBusID": "0000:03:00.0" }');
  assert.deepEqual(codes(one), [`${at(one, '"device"')} cni/null-value`]);
  const multus = '{ "cniVersion": "1.0.0", "name": "multus-cni-network", "type": "multus", "delegates": null, "clusterNetwork": null }';
  const noNetwork = service.validate(doc(multus, '00-multus.conf'));
  assert.deepEqual(brief(noNetwork), [`${at(multus, '"delegates"')} cni/missing-key`]);
  assert.match(noNetwork[0].message as string, /^"delegates" is null, which counts as not set: multus needs "clusterNetwork" or "delegates"/);
  const cluster = '{ "cniVersion": "1.0.0", "name": "multus-cni-network", "type": "multus", "delegates": null, "clusterNetwork": "k8s-pod-network" }';
  assert.deepEqual(codes(cluster, '00-multus.conf'), [`${at(cluster, '"delegates"')} cni/null-value`]);
  // A rate and its burst go together: a null one is the one missing.
  const rate = bridgeList('{ "type": "bridge" },\n    { "type": "bandwidth", "ingressRate": null, "ingressBurst": 1000, "egressRate": 1000, "egressBurst": null }');
  const bandwidth = lint(rate);
  assert.deepEqual(brief(bandwidth), [`${at(rate, '"ingressRate"')} cni/conflicting-keys`, `${at(rate, '"egressBurst"')} cni/conflicting-keys`]);
  assert.match(bandwidth[0].message as string, /^"ingressRate" is null, which counts as not set: the bandwidth plugin rejects a burst without a rate\. Give it a value, or remove ingressBurst too\.$/);
  const neither = bridgeList('{ "type": "bridge" },\n    { "type": "bandwidth", "ingressRate": null, "ingressBurst": null }');
  assert.deepEqual(codes(neither), [`${at(neither, '"ingressRate"')} cni/null-value`, `${at(neither, '"ingressBurst"')} cni/null-value`]);
});

// Go plugins test these keys with == "" and len(...) == 0, so an empty value is as good as missing:
// host-device fails with 'specify either "device", ...', Multus with "at least one
// delegate/clusterNetwork must be specified", bandwidth takes a rate or burst of 0 as not set
// (host-device and bandwidth checked against the real plugins, see test/corpus/cni/reject).
test('a plugin that needs one of several keys: an empty string, empty list or 0 is not set either', () => {
  const device = bridgeList('{ "type": "host-device", "device": "", "ipam": { "type": "static", "addresses": [{ "address": "172.16.5.10/24" }] } }');
  const hostDevice = lint(device);
  assert.deepEqual(brief(hostDevice), [`${at(device, '"device"')} cni/missing-key`]);
  assert.match(hostDevice[0].message as string, /^"device" is empty, which counts as not set: host-device needs one of "device", "hwaddr", "kernelpath" or "pciBusID"/);
  const multus = '{ "cniVersion": "1.0.0", "name": "multus-cni-network", "type": "multus", "delegates": [], "clusterNetwork": "" }';
  const noNetwork = service.validate(doc(multus, '00-multus.conf'));
  assert.deepEqual(brief(noNetwork), [`${at(multus, '"delegates"')} cni/missing-key`]);
  assert.match(noNetwork[0].message as string, /^"delegates" is empty, which counts as not set: multus needs "clusterNetwork" or "delegates"/);
  const cluster = '{ "cniVersion": "1.0.0", "name": "multus-cni-network", "type": "multus", "delegates": [], "clusterNetwork": "k8s-pod-network" }';
  assert.deepEqual(codes(cluster, '00-multus.conf'), []);
  const rates = bridgeList('{ "type": "bridge" },\n    { "type": "bandwidth", "ingressRate": 0, "ingressBurst": 100000, "egressRate": 100000, "egressBurst": 0 }');
  const bandwidth = lint(rates);
  assert.deepEqual(brief(bandwidth), [`${at(rates, '"ingressRate"')} cni/conflicting-keys`, `${at(rates, '"egressBurst"')} cni/conflicting-keys`]);
  assert.match(bandwidth[0].message as string, /^"ingressRate" is 0, which counts as not set: the bandwidth plugin rejects a burst without a rate\. Give it a value, or remove ingressBurst too\.$/);
  // A rate and burst of 0 together is no limit, which the plugin accepts.
  assert.deepEqual(codes(bridgeList('{ "type": "bridge" },\n    { "type": "bandwidth", "ingressRate": 0, "ingressBurst": 0 }')), []);
});

// An empty subnet is no more "not set" than a null one: host-local fails with "invalid CIDR
// address: ", with ranges or without (checked against the real plugin, see test/corpus/cni/reject).
test('host-local: an empty subnet is one error that says host-local cannot read it', () => {
  const hostLocal = (keys: string) => bridgeList(`{ "type": "bridge", "ipam": { "type": "host-local", ${keys} } }`);
  const subnet = hostLocal('"subnet": ""');
  const alone = lint(subnet);
  assert.deepEqual(brief(alone), [`${at(subnet, '""')} cni/invalid-address`]);
  assert.match(alone[0].message as string, /^"subnet" is empty, which host-local cannot read \(it fails with "invalid CIDR address"\), and there are no "ranges": host-local needs "ranges" \(or the older "subnet"\)\. Give "subnet" a CIDR/);
  const nullRanges = hostLocal('"subnet": "", "ranges": null');
  assert.deepEqual(codes(nullRanges), [`${at(nullRanges, '""')} cni/invalid-address`]);
  const both = hostLocal('"subnet": "", "ranges": [[{ "subnet": "10.1.0.0/24" }]]');
  const withRanges = lint(both);
  assert.deepEqual(brief(withRanges), [`${at(both, '""')} cni/invalid-address`]);
  assert.match(withRanges[0].message as string, /^"subnet" is empty, which host-local cannot read: it fails with "invalid CIDR address" instead of ignoring it\. Remove "subnet", or give it a CIDR/);
});

// host-device reads hwaddr and kernelpath only when they are not "" (checked against the real
// plugin: test/corpus/cni/accept/host-device-empty-alternatives.conflist), so an empty one is no
// bad MAC or path, and with all four keys empty the one mistake is the missing device.
test('host-device: an empty hwaddr or kernelpath is not set, not a bad value', () => {
  const beside = bridgeList('{ "type": "host-device", "device": "eth1", "hwaddr": "", "kernelpath": "", "pciBusID": "" }');
  assert.deepEqual(codes(beside), []);
  const allEmpty = bridgeList('{ "type": "host-device", "device": "", "hwaddr": "", "kernelpath": "", "pciBusID": "" }');
  assert.deepEqual(codes(allEmpty), [`${at(allEmpty, '"device"')} cni/missing-key`]);
  // A value that is there is still checked.
  const bad = bridgeList('{ "type": "host-device", "hwaddr": "zz", "kernelpath": "sys/x" }');
  assert.deepEqual(codes(bad), [`${at(bad, '"zz"')} cni/invalid-address`, `${at(bad, '"sys/x"')} cni/invalid-value`]);
});

// The same for "mac": macvlan and tuning (run: test/corpus/cni/accept/*-mac-empty.conflist), tap
// and sriov (read in their sources, not in the Debian plugins) set a MAC only when it is not "".
test('an empty "mac" is not set in macvlan, tuning, tap and sriov; a bad one is still an error', () => {
  for (const type of ['macvlan', 'tuning', 'tap', 'sriov']) {
    const empty = bridgeList(`{ "type": "${type}", "mac": "" }`);
    assert.ok(!lint(empty).some((d) => d.code === 'cni/invalid-address'), `${type}: ${JSON.stringify(lint(empty))}`);
    const bad = bridgeList(`{ "type": "${type}", "mac": "c2:11:22:33:44" }`);
    const error = lint(bad).find((d) => d.code === 'cni/invalid-address');
    assert.match(error?.message as string, /^"mac": "c2:11:22:33:44" is not a MAC address; write six hex pairs/, type);
  }
});

// "plugin 1" means something only in a list; a single-plugin config has just the one.
test('a plugin without a type is "plugin N" in a list and "the plugin" alone', () => {
  const missing = lint('{ "cniVersion": "1.0.0", "name": "nt", "bridge": "cni0" }', '10-net.conf').find((d) => d.code === 'cni/missing-type');
  assert.match(missing?.message as string, /^Missing "type" in the plugin: the runtime needs it/);
  const nullType = lint('{ "cniVersion": "1.0.0", "name": "nt", "type": null }', '10-net.conf').find((d) => d.code === 'cni/missing-type');
  assert.match(nullType?.message as string, /^"type" is null in the plugin, which counts as not set/);
  const list = lint(bridgeList('{ "type": "loopback" },\n    { "bridge": "cni0" }')).find((d) => d.code === 'cni/missing-type');
  assert.match(list?.message as string, /^Missing "type" in plugin 2: /);
});

// An ipam "type" of null is no type: bridge then attaches without an address (and its CHECK fails
// with "no plugin name provided"), as with an absent type (checked against the real bridge).
test('a null ipam type is an ipam without a type, at the key', () => {
  const text = bridgeList('{ "type": "bridge", "ipam": { "type": null, "subnet": "10.1.0.0/24" } }');
  const diagnostics = lint(text);
  assert.deepEqual(brief(diagnostics), [`${at(text, '"type": null')} cni/ipam-without-type`]);
  assert.equal(diagnostics[0].range.end.character - diagnostics[0].range.start.character, '"type"'.length, 'the key, not its value');
  assert.match(diagnostics[0].message as string, /^"type" is null, which counts as not set: "ipam" has settings but no IPAM plugin runs/);
  // Alone it is an empty ipam, which the plugins take as no IPAM: a null like any other.
  const alone = bridgeList('{ "type": "bridge", "ipam": { "type": null } }');
  assert.deepEqual(codes(alone), [`${at(alone, '"type": null')} cni/null-value`]);
});

test('host-local: a null subnet and a null ranges are one error, not also a null-value warning', () => {
  const text = bridgeList('{ "type": "bridge", "ipam": { "type": "host-local", "subnet": null, "ranges": null } }');
  assert.deepEqual(codes(text), [`${at(text, '"subnet"')} cni/missing-key`]);
});

// Keys that must not be set together: a null one is not set, so the pair is no conflict (the real
// bridge accepts hairpinMode with a null promiscMode; portmap gets past its config check).
test('keys that cannot both be set: a null one does not count as set', () => {
  const bridge = bridgeList('{ "type": "bridge", "hairpinMode": true, "promiscMode": null }');
  assert.deepEqual(codes(bridge), [`${at(bridge, '"promiscMode"')} cni/null-value`]);
  const portmap = bridgeList('{ "type": "bridge" },\n    { "type": "portmap", "capabilities": { "portMappings": true }, "markMasqBit": null, "externalSetMarkChain": "KUBE-MARK-MASQ" }');
  assert.deepEqual(codes(portmap), [`${at(portmap, '"markMasqBit"')} cni/null-value`]);
});

test('a file of the wrong kind is one error, not also a missing type or missing plugins', () => {
  const list = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "loopback" }] }';
  assert.deepEqual(codes(list, '10-net.conf'), ['1:3 cni/wrong-file-kind']);
  const single = '{ "cniVersion": "1.0.0", "name": "n", "type": "loopback" }';
  assert.deepEqual(codes(single, '10-net.conflist'), ['1:3 cni/wrong-file-kind']);
});

test('a file of the wrong kind is checked as the kind it is: its keys are right, its mistakes still found', () => {
  const single = '{ "cniVersion": "1.0.0", "name": "n", "type": "bridge", "bridge": "cni0", "ipam": { "type": "host-local", "subnet": "10.1.0.0/16" } }';
  assert.deepEqual(codes(single, '10-net.conflist'), ['1:3 cni/wrong-file-kind']);
  const badSingle = '{ "cniVersion": "1.0.0", "name": "n", "type": "bridge", "brige": "cni0", "ipam": { "type": "host-local", "subnet": "10.1.0.1/16" } }';
  assert.deepEqual(codes(badSingle, '10-net.conflist'), ['1:3 cni/wrong-file-kind', `${at(badSingle, '"brige"')} cni/unknown-key`, `${at(badSingle, '"10.1.0.1/16"')} cni/host-bits`]);
  const badList = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [{ "type": "bridge", "brige": "cni0", "ipam": { "type": "host-local", "subnet": "10.1.0.1/16" } }] }';
  assert.deepEqual(codes(badList, '10-net.conf'), ['1:3 cni/wrong-file-kind', `${at(badList, '"brige"')} cni/unknown-key`, `${at(badList, '"10.1.0.1/16"')} cni/host-bits`]);
});

test('a trailing comma is one error, and a plugin that is not an object is an error on that entry', () => {
  assert.deepEqual(codes('{\n  "name": "n",\n  "cniVersion": "1.0.0",\n  "type": "loopback",\n}', '10-net.conf'), ['4:21 cni/json-syntax']);
  const text = '{ "cniVersion": "1.0.0", "name": "n", "plugins": [5, { "type": "loopback" }] }';
  const diagnostics = lint(text);
  assert.deepEqual(brief(diagnostics), [`${at(text, '5,')} cni/wrong-type`]);
  assert.match(diagnostics[0].message as string, /not an integer/);
});

// Seen in real configs: flannel hands "delegate" on to the plugin it calls (bridge unless
// delegate.type says otherwise), so its keys are that plugin's, not flannel's own.
test('flannel: keys of the delegate belong to the delegated plugin and are not unknown', () => {
  const bridge = bridgeList('{ "type": "flannel", "delegate": { "bridge": "kbr0", "hairpinMode": true, "mtu": 1400 } }');
  assert.deepEqual(codes(bridge), []);
  const other = bridgeList('{ "type": "flannel", "delegate": { "type": "calico", "log_level": "info", "policy": { "type": "k8s" } } },\n    { "type": "portmap", "capabilities": { "portMappings": true } }');
  assert.deepEqual(codes(other), []);
  // what flannel itself forbids there is still an error
  const named = bridgeList('{ "type": "flannel", "delegate": { "bridge": "kbr0", "name": "x" } }');
  assert.deepEqual(codes(named), [`${at(named, '"name": "x"')} cni/conflicting-keys`]);
});

// Calico replaces these placeholders with the node's pod CIDR before it calls host-local.
test('calico with host-local: the usePodCidr placeholders are accepted as the subnet', () => {
  const legacy = bridgeList('{ "type": "calico", "ipam": { "type": "host-local", "subnet": "usePodCidr" } }');
  assert.deepEqual(codes(legacy), []);
  const dual = bridgeList('{ "type": "calico", "ipam": { "type": "host-local", "ranges": [[{ "subnet": "usePodCidr" }], [{ "subnet": "usepodcidripv6" }]] } }');
  assert.deepEqual(codes(dual), []);
  // anywhere else it is not a CIDR, and host-local rejects it
  const bridge = bridgeList('{ "type": "bridge", "ipam": { "type": "host-local", "subnet": "usePodCidr" } }');
  assert.deepEqual(codes(bridge), [`${at(bridge, '"usePodCidr"')} cni/invalid-address`]);
});

// Cilium chains itself after another plugin (flannel, aws-cni, portmap templates of its agent):
// there it attaches to the interface made before it instead of making its own.
test('cilium-cni after an interface plugin is chained, not a second interface', () => {
  const text = bridgeList('{ "type": "flannel", "delegate": { "isDefaultGateway": true } },\n    { "type": "portmap", "capabilities": { "portMappings": true } },\n    { "type": "cilium-cni" }');
  assert.deepEqual(codes(text), []);
  const two = bridgeList('{ "type": "ptp", "ipam": { "type": "host-local", "subnet": "10.1.0.0/24" } },\n    { "type": "bridge", "ipam": {} }');
  assert.deepEqual(codes(two), [`${at(two, '"bridge"')} cni/multiple-interfaces`]);
});
