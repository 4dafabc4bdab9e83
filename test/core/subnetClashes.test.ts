import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findClashes } from '../../server/src/core/workspace/subnetClashes';
import type { IndexedObject } from '../../server/src/core/workspace/workspaceIndex';

const owner = (name: string, ...cidrs: string[]) => ({
  name, subnets: cidrs.map((cidr) => ({ cidr, span: { start: 0, end: 0 }, source: name })),
}) as unknown as IndexedObject;

test('overlaps are found between owners only, whatever the order and nesting', () => {
  const a = owner('a', '10.0.0.0/8', '10.1.0.0/16'); // overlap within one owner is not a clash here
  const b = owner('b', '192.168.0.0/24');
  const c = owner('c', '10.200.0.0/24', 'fd00::/64');
  const d = owner('d', 'fd00::1:0/112');
  const clashes = findClashes([a, b, c, d]);
  const by = (o: IndexedObject, i: number) => clashes.get(o.subnets[i])?.source;
  assert.equal(by(a, 0), 'c');
  assert.equal(by(a, 1), undefined);
  assert.equal(by(b, 0), undefined);
  assert.equal(by(c, 0), 'a');
  assert.equal(by(c, 1), 'd');
  assert.equal(by(d, 0), 'c');
});

test('thousands of ranges are compared without a pairwise blow-up', () => {
  const owners = Array.from({ length: 5000 }, (_, i) => owner(`n${i}`, `10.${Math.floor(i / 256)}.${i % 256}.0/24`));
  owners.push(owner('wide', '10.5.0.0/16'));
  const clashes = findClashes(owners);
  assert.equal(clashes.size, 257); // the /16 and the 256 /24s inside it
});
