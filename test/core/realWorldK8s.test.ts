// Patterns found in public manifests (docs, examples) that the API server accepts: each test is
// a small manifest in our own words that once drew a false positive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { at, brief, doc } from '../helpers/cursor';

const service = createLanguageService();
const codes = (text: string) => brief(service.validate(doc(text, 'net.yaml', 'yaml')));

test('EndpointSlice: a port may have an empty name (the default); a set name is still a DNS-1123 label', () => {
  const slice = (name: string) => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: legacy-db-1
  labels:
    kubernetes.io/service-name: legacy-db
addressType: IPv4
ports:
  - name: ${name}
    protocol: TCP
    port: 5432
endpoints:
  - addresses: ["10.20.0.7"]
`;
  assert.deepEqual(codes(slice("''")), []);
  assert.deepEqual(codes(slice('""')), []);
  const bad = slice('Postgres');
  assert.deepEqual(codes(bad), [`${at(bad, 'Postgres')} k8s/invalid-value`]);
});

test('ReplicationController: its pod template counts as pods for Services and policies, and its ports are checked', () => {
  const ws = createLanguageService();
  const legacy = `apiVersion: v1
kind: ReplicationController
metadata:
  name: echo
  namespace: legacy
spec:
  replicas: 2
  selector:
    app: echo
  template:
    metadata:
      labels:
        app: echo
    spec:
      containers:
        - name: echo
          image: registry.example/echo:1
          ports:
            - name: web
              containerPort: 8080
`;
  ws.indexFile('file:///ws/rc.yaml', legacy);
  // Another workload in the namespace, so the checks across files have something to compare with.
  ws.indexFile('file:///ws/other.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\n  namespace: legacy\n  labels:\n    app: other\nspec:\n  containers:\n    - name: c\n      image: x\n');
  const svc = `apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: legacy
spec:
  selector:
    app: echo
  ports:
    - port: 80
      targetPort: web
`;
  const found = brief(ws.validate(doc(svc, 'svc.yaml', 'yaml')));
  assert.deepEqual(found, []);
  const clash = legacy.replace('containerPort: 8080', 'containerPort: 8080\n            - name: web\n              containerPort: 9090');
  assert.deepEqual(codes(clash), [`${at(clash, 'web', 2)} k8s/duplicate-port`]);
});

test('Service: load-balancer and node-port fields left at their zero value (as chart values render them) are not set', () => {
  const svc = (fields: string, nodePort: string) => `apiVersion: v1
kind: Service
metadata:
  name: metrics
spec:
  type: ClusterIP
  clusterIP: ""
  externalIPs: []
  loadBalancerIP: ""
${fields}
  ports:
    - name: http
      port: 80
      targetPort: 8080
      nodePort: ${nodePort}
`;
  const zero = svc('  loadBalancerSourceRanges: []\n  healthCheckNodePort: 0\n  sessionAffinity: None\n  sessionAffinityConfig: null\n  allocateLoadBalancerNodePorts: null\n  loadBalancerClass: ~', 'null');
  assert.deepEqual(codes(zero), []);
  assert.deepEqual(codes(svc('  loadBalancerSourceRanges: []', '0')), []);
  // Set values are still rejected on a ClusterIP Service.
  const set = svc('  loadBalancerSourceRanges: [10.0.0.0/8]\n  healthCheckNodePort: 30100\n  sessionAffinityConfig: {}\n  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/lb', '30080');
  assert.deepEqual(codes(set), [
    `${at(set, 'loadBalancerSourceRanges')} k8s/service-load-balancer`,
    `${at(set, 'healthCheckNodePort')} k8s/service-traffic-policy`,
    `${at(set, 'sessionAffinityConfig')} k8s/service-affinity`,
    `${at(set, 'allocateLoadBalancerNodePorts')} k8s/service-load-balancer`,
    `${at(set, 'loadBalancerClass')} k8s/service-load-balancer`,
    `${at(set, 'nodePort')} k8s/service-node-port`,
  ]);
});

test('Cilium: Kafka L7 rules are known (served until Cilium 1.20), with a deprecation warning rather than "unknown key"', () => {
  const policy = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: billing-consumers
spec:
  endpointSelector:
    matchLabels:
      app: broker
  ingress:
    - fromEndpoints:
        - matchLabels:
            team: billing
      toPorts:
        - ports:
            - port: "9092"
              protocol: TCP
          rules:
            kafka:
              - role: consume
                topic: invoices
`;
  const found = service.validate(doc(policy, 'net.yaml', 'yaml'));
  assert.deepEqual(brief(found), [`${at(policy, 'kafka')} cilium/deprecated`]);
  assert.equal(found[0].severity, 2);
  assert.match(String(found[0].message), /1\.20/);
  const typo = policy.replace('role: consume', 'role: consumer');
  assert.ok(codes(typo).includes(`${at(typo, 'consumer', 2)} k8s/invalid-value`), codes(typo).join());
});
