// The inputs fuzzing starts from: the project's own examples and test corpus.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Seed {
  name: string;
  text: string;
  languageId: 'cni' | 'yaml';
}

export function loadSeeds(roots = ['examples', 'test/corpus', 'test/e2e/fixtures']): Seed[] {
  const seeds: Seed[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(conflist|conf)$/.test(name)) seeds.push({ name: path, text: readFileSync(path, 'utf8'), languageId: 'cni' });
      else if (/\.ya?ml$/.test(name)) seeds.push({ name: path, text: readFileSync(path, 'utf8'), languageId: 'yaml' });
    }
  };
  for (const root of roots) {
    try {
      walk(root);
    } catch {
      // a missing folder just contributes nothing
    }
  }
  return seeds;
}
