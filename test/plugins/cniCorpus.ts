// The CNI corpus under test/corpus/cni: which files exist, what each folder promises, and the
// recorded plugin error of the rejected ones. Shared by the sandbox test and record-corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SandboxReport, SandboxStep } from '../../server/src/sandbox';

export const CORPUS_DIR = resolve(__dirname, '../corpus/cni');

/**
 * accept: the plugins accept it. reject: a plugin rejects it because of the config.
 * version-1.1.0: rejected by plugins 1.1.1 (code 1) although valid for newer plugins.
 * check-bug: ADD succeeds, CHECK fails because of a bug in plugins 1.1.1.
 * host-dependent: rejected because of the sandbox host (e.g. its master link's MTU), not the config alone.
 */
export const FOLDERS = ['accept', 'reject', 'version-1.1.0', 'check-bug', 'host-dependent'] as const;
export type Folder = (typeof FOLDERS)[number];

export interface CorpusCase {
  folder: Folder;
  name: string;
  path: string;
  /** `<file>.expected.json` next to the file (every folder but accept). */
  expectedPath: string;
}

/** What a rejecting plugin said; `command` only when it was not ADD. */
export interface ExpectedError {
  plugin: string;
  command?: 'CHECK';
  code: number;
  msg: string;
}

export function corpusCases(): CorpusCase[] {
  return FOLDERS.flatMap((folder) => {
    const dir = join(CORPUS_DIR, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.conf') || f.endsWith('.conflist'))
      .sort()
      .map((name) => ({ folder, name, path: join(dir, name), expectedPath: join(dir, `${name}.expected.json`) }));
  });
}

export const readCase = (c: CorpusCase): string => readFileSync(c.path, 'utf8');

export function readExpected(c: CorpusCase): ExpectedError | undefined {
  return existsSync(c.expectedPath) ? (JSON.parse(readFileSync(c.expectedPath, 'utf8')) as ExpectedError) : undefined;
}

/** The step that decided a reject: the first failed ADD or CHECK. */
export function decidingStep(report: SandboxReport): SandboxStep | undefined {
  return report.steps.find((s) => !s.ok && s.command !== 'DEL');
}

export function expectedFrom(report: SandboxReport): ExpectedError | undefined {
  const s = decidingStep(report);
  if (!s?.error) return undefined;
  const e: ExpectedError = { plugin: s.type, code: s.error.code, msg: s.error.msg };
  if (s.command === 'CHECK') return { plugin: e.plugin, command: 'CHECK', code: e.code, msg: e.msg };
  return e;
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping order in the results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
