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
