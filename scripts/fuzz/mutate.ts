// Mutations of real inputs: byte flips, truncations, duplicated and deleted lines, random
// indentation, and insertions of characters that matter to JSON and YAML.
import type { Random } from './random';

const interesting = ['{', '}', '[', ']', ':', ',', '"', "'", '-', '#', '&a ', '*a', '<<: ', '|', '>', '\t', '\n', '\r\n', '\u0000', '\uFEFF', 'null', '---\n', '%', '\\', '\u00e9', '  '];

export type Mutation = (text: string, random: Random) => string;

const mutations: Mutation[] = [
  (t, r) => { const i = r.int(t.length + 1); return t.slice(0, i) + String.fromCharCode(r.int(128)) + t.slice(i + 1); }, // flip a character
  (t, r) => t.slice(0, r.int(t.length + 1)), // truncate
  (t, r) => { const i = r.int(t.length + 1); return t.slice(0, i) + r.pick(interesting) + t.slice(i); }, // insert something meaningful
  (t, r) => { const lines = t.split('\n'); const i = r.int(lines.length); lines.splice(i, 0, lines[i] ?? ''); return lines.join('\n'); }, // duplicate a line
  (t, r) => { const lines = t.split('\n'); lines.splice(r.int(lines.length), 1 + r.int(3)); return lines.join('\n'); }, // delete lines
  (t, r) => { const lines = t.split('\n'); const i = r.int(lines.length); lines[i] = ' '.repeat(r.int(9)) + (lines[i] ?? '').trimStart(); return lines.join('\n'); }, // re-indent
  (t, r) => { const i = r.int(t.length + 1); const j = Math.min(t.length, i + r.int(40)); return t.slice(0, i) + t.slice(j); }, // delete a span
];

export function mutate(text: string, random: Random, rounds = 1 + random.int(4)): string {
  let out = text;
  for (let i = 0; i < rounds; i++) out = random.pick(mutations)(out, random);
  return out;
}
