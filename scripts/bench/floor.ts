// The floor: what the `yaml` library alone needs for the same file. parseAllDocuments composes
// every document (CST + AST); Parser only builds the CST (tokens), the least any YAML tool does.
import { Parser, parseAllDocuments } from 'yaml';
import { median } from './stats';

export interface FloorResult { composeMs: number; cstMs: number; composeFirstMs: number; cstFirstMs: number; runs: number; documents: number }

export function measureFloor(text: string, runs: number): FloorResult {
  const time = (work: () => void): number[] => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      work();
      samples.push(performance.now() - started);
    }
    return samples;
  };
  let documents = 0;
  const compose = time(() => {
    documents = parseAllDocuments(text).length;
  });
  const cst = time(() => {
    let tokens = 0;
    for (const _ of new Parser().parse(text)) tokens++;
    if (tokens === 0) throw new Error('floor: the parser produced nothing');
  });
  return { composeMs: median(compose)!, cstMs: median(cst)!, composeFirstMs: compose[0], cstFirstMs: cst[0], runs, documents };
}
