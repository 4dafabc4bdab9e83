// The floor: what the `yaml` library alone needs for the same file. parseAllDocuments composes
// every document (CST + AST); Parser only builds the CST (tokens), the least any YAML tool does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

export interface FolderFloorResult { cstDocsPerSecond: number; composeDocsPerSecond: number; documents: number; runs: number }

/**
 * The CLI's floor: documents per second on one core for the `yaml` library alone over every file
 * of the manifest folder (files read beforehand, not timed), so `cnikit lint`'s rate reads against it.
 */
export function measureFolderFloor(root: string, runs: number): FolderFloorResult {
  const texts = (readdirSync(root, { recursive: true }) as string[])
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'));
  let documents = 0;
  const rate = (work: (text: string) => number): number => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      documents = 0;
      for (const text of texts) documents += work(text);
      samples.push(performance.now() - started);
    }
    return documents / (median(samples)! / 1000);
  };
  const cstDocsPerSecond = rate((text) => {
    let n = 0;
    for (const token of new Parser().parse(text)) if (token.type === 'document') n++;
    return n;
  });
  const composeDocsPerSecond = rate((text) => parseAllDocuments(text).length);
  return { cstDocsPerSecond, composeDocsPerSecond, documents, runs };
}
