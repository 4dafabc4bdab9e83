// `npm run fuzz [-- --seconds N --seed S]`: mutates the project's own inputs and drives the core
// and the bundled server with them until the time budget is spent. Prints a reproducible seed;
// on a violation saves the input under test-results/fuzz/ and exits 1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLanguageService } from '../../server/src/core';
import { coreStep } from './coreFuzz';
import { loadSeeds } from './corpus';
import { ProtocolFuzzer } from './protocolFuzz';
import { Random } from './random';

const memoryLimitMb = 400;

export async function fuzz(seconds: number, seed: number): Promise<{ steps: number; failures: string[] }> {
  const seeds = loadSeeds();
  if (seeds.length === 0) throw new Error('no seed inputs found (run from the repository root)');
  const random = new Random(seed);
  const service = createLanguageService();
  const protocol = await ProtocolFuzzer.start();
  const failures: string[] = [];
  const deadline = Date.now() + seconds * 1000;
  let steps = 0;
  let peakMb = 0;
  const unhandled = (reason: unknown) => failures.push(`unhandled rejection: ${String(reason)}`);
  process.on('unhandledRejection', unhandled);
  try {
    while (Date.now() < deadline && failures.length === 0) {
      steps++;
      let input = '';
      try {
        await coreStep(service, seeds, random, steps, (text) => (input = text));
        if (steps % 3 === 0) {
          input = '';
          await protocol.step(seeds, random, steps);
        }
        if (steps % 50 === 0) {
          peakMb = Math.max(peakMb, protocol.residentMb());
          if (peakMb > memoryLimitMb) throw new Error(`the server uses ${peakMb.toFixed(0)} MB, more than ${memoryLimitMb} MB`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        failures.push(`step ${steps} (seed ${seed}): ${message}`);
        mkdirSync('test-results/fuzz', { recursive: true });
        writeFileSync(`test-results/fuzz/failure-seed${seed}-step${steps}.txt`, input || protocol.lastText);
      }
    }
  } finally {
    process.off('unhandledRejection', unhandled);
    await protocol.stop();
  }
  console.log(`fuzz: ${steps} steps in ${seconds} s, seed ${seed}, server peak ${peakMb.toFixed(0)} MB`);
  return { steps, failures };
}

if (require.main === module) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' } } });
  const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;
  fuzz(Number(values.seconds), seed).then(({ steps, failures }) => {
    for (const f of failures) console.error(f);
    console.log(`fuzz: ${steps - failures.length} passed, ${failures.length} failed`);
    process.exitCode = failures.length ? 1 : 0;
  }, (error) => {
    console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
}
