// A short, bounded fuzz run in CI (the full one is `npm run fuzz`): mutated inputs through the
// core and random edits through the bundled server; no crash, every answer within a second,
// every range inside its document, memory bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz } from '../../scripts/fuzz/run';

test('fuzzing the core and the server for a few seconds finds no violation', { timeout: 120_000 }, async () => {
  const seed = Number(process.env.CNIKIT_FUZZ_SEED ?? 20261123);
  const { steps, failures } = await fuzz(Number(process.env.CNIKIT_FUZZ_SECONDS ?? 10), seed);
  assert.deepEqual(failures, []);
  assert.ok(steps > 20, `only ${steps} steps ran`);
});
