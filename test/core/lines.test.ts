import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnAt, lineStartAt } from '../../server/src/core/common/lines';

test('line starts and columns, also at offset 0 before a newline', () => {
  assert.equal(lineStartAt('\nab', 0), 0, 'not 1: the newline at 0 comes after the offset');
  assert.equal(columnAt('\nab', 0), 0);
  assert.equal(lineStartAt('\nab', 1), 1);
  assert.equal(lineStartAt('\nab', 3), 1);
  assert.equal(columnAt('x\n  ab', 5), 3);
  assert.equal(lineStartAt('abc', 2), 0);
  assert.equal(lineStartAt('', 0), 0);
});
