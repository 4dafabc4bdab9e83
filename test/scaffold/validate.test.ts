// The option checks the CLI and the quick-pick share: each gives a sentence or nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cidrProblem, cniNameProblem, hostProblem, integerProblem, interfaceNameProblem, labelProblem, objectNameProblem,
  registryProblem, serviceOverlapProblem,
} from '../../server/src/core/scaffold/validate';
import { checkValue, kindSpec } from '../../server/src/core/scaffold';
import { mirrored, repositoryPath } from '../../server/src/core/scaffold/images';

test('CIDRs: IPv4 networks without host bits', () => {
  assert.equal(cidrProblem('10.244.0.0/16'), undefined);
  assert.equal(cidrProblem('10.244.0.0'), '"10.244.0.0" is not a CIDR: write an IPv4 network such as 10.244.0.0/16.');
  assert.equal(cidrProblem('10.244.0.256/16'), '"10.244.0.256/16" is not a CIDR: write an IPv4 network such as 10.244.0.0/16.');
  assert.equal(cidrProblem('10.244.1.0/16'), '10.244.1.0/16 has host bits set: write 10.244.0.0/16.');
  assert.equal(cidrProblem('fd00::/64'), 'fd00::/64 is an IPv6 network: the scaffolds set up IPv4 networks, such as 10.244.0.0/16.');
});

test('overlap with the Service CIDR', () => {
  assert.equal(serviceOverlapProblem('10.244.0.0/16', '10.96.0.0/12'), undefined);
  assert.equal(serviceOverlapProblem('10.0.0.0/8', '10.96.0.0/12'), '10.0.0.0/8 overlaps the Service CIDR 10.96.0.0/12: pods and Services would share addresses. Pick a range outside it.');
  assert.equal(serviceOverlapProblem('10.100.0.0/16', '10.96.0.0/12')?.startsWith('10.100.0.0/16 overlaps'), true);
});

test('interface names as the kernel accepts them', () => {
  for (const ok of ['eth0', 'ens1f0np0', 'bond0.100', 'br-storage']) assert.equal(interfaceNameProblem(ok), undefined, ok);
  assert.equal(interfaceNameProblem(''), 'An interface name is needed, such as eth0.');
  assert.equal(interfaceNameProblem('a-very-long-name0'), '"a-very-long-name0" is longer than 15 characters, the limit for Linux interface names.');
  assert.match(interfaceNameProblem('eth 0')!, /cannot contain/);
  assert.match(interfaceNameProblem('..')!, /not a Linux interface name/);
});

test('names, labels, hosts, registries and numbers', () => {
  assert.equal(objectNameProblem('storage-net'), undefined);
  assert.equal(objectNameProblem('Storage'), `"Storage" must consist of lower-case letters, digits and '-', and start and end with a letter or digit.`);
  assert.equal(cniNameProblem('my_net.1'), undefined);
  assert.match(cniNameProblem('-net')!, /not a CNI network name/);
  assert.equal(labelProblem('app=frontend'), undefined);
  assert.equal(labelProblem('app.kubernetes.io/name=web'), undefined);
  assert.equal(labelProblem('app'), 'Write the label as key=value, such as app=frontend.');
  assert.match(labelProblem('app=-x')!, /not a label value/);
  assert.equal(hostProblem('192.168.1.10'), undefined);
  assert.equal(hostProblem('api.example.com'), undefined);
  assert.match(hostProblem('https://api')!, /not a host name or IP address/);
  for (const ok of ['', 'registry.example.com', 'registry.example.com:5000/mirror/k8s', 'localhost:5000', '10.0.0.5:5000']) assert.equal(registryProblem(ok), undefined, ok);
  assert.equal(registryProblem('https://registry.example.com'), 'Write the registry without a scheme, such as registry.example.com.');
  assert.equal(registryProblem('registry.example.com/'), "Write the registry without a trailing '/', such as registry.example.com.");
  assert.match(registryProblem('registry')!, /not a registry/);
  assert.equal(integerProblem('4094', 1, 4094), undefined);
  assert.equal(integerProblem('4095', 1, 4094), '"4095" must be a whole number from 1 to 4094.');
  assert.equal(integerProblem('1.5', 1, 4094), '"1.5" must be a whole number from 1 to 4094.');
});

test('checkValue validates as typed, against the options chosen before', () => {
  const calico = kindSpec('calico')!;
  const podCidr = calico.options.find((o) => o.name === 'podCidr')!;
  assert.equal(checkValue(podCidr, '10.10.0.0/16', { serviceCidr: '10.96.0.0/12', blockSize: '26' }), undefined);
  assert.match(checkValue(podCidr, '10.10.0.0/16', { serviceCidr: '10.0.0.0/8' })!, /overlaps the Service CIDR 10\.0\.0\.0\/8/);
  const encapsulation = calico.options.find((o) => o.name === 'encapsulation')!;
  assert.equal(checkValue(encapsulation, 'VXLAN', {}), undefined);
  assert.equal(checkValue(encapsulation, 'vxlan', {}), '"vxlan" is not one of VXLANCrossSubnet, VXLAN, IPIPCrossSubnet, IPIP, None.');
});

test('image names under a registry mirror keep their path and tag', () => {
  assert.equal(repositoryPath('ghcr.io/flannel-io/flannel:v0.28.4'), 'flannel-io/flannel:v0.28.4');
  assert.equal(repositoryPath('calico/node:v3'), 'calico/node:v3');
  assert.equal(repositoryPath('localhost:5000/x/y'), 'x/y');
  assert.equal(mirrored('quay.io/tigera/operator:v1.40.3', 'reg.local:5000/m'), 'reg.local:5000/m/tigera/operator:v1.40.3');
  assert.equal(mirrored('quay.io/tigera/operator:v1.40.3', ''), 'quay.io/tigera/operator:v1.40.3');
});
