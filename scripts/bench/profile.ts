// `node --import tsx scripts/bench/profile.ts [--quick]`: where CNIKit's time goes. Runs the
// server under `node --cpu-prof`, driven like the benchmark (start, open the 500-document file,
// one-character edits, completion and hover) with a one-second pause between phases, then splits
// the profile at those pauses and prints each phase's top self-time functions (mapped to the
// TypeScript sources through the bundle's source map when there is one). Also profiles
// `cnikit lint` on the manifest folder. Run `npm run build` (not the minified package build) first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspSession, sleep } from './lspClient';
import { findProbes, planEdits } from './probes';
import { cnikitSpec, repoRoot } from './servers';
import { fullSizes, quickSizes, writeWorkloads } from './workloads';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const sourceMaps = new Map<string, SourceMap | null>();
function sourceMapFor(url: string): SourceMap | null {
  if (!sourceMaps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (existsSync(path + '.map')) map = new SourceMap(JSON.parse(readFileSync(path + '.map', 'utf8')));
    } catch {
      map = null;
    }
    sourceMaps.set(url, map);
  }
  return sourceMaps.get(url)!;
}

function where(frame: CallFrame): string {
  if (!frame.url) return '';
  const map = sourceMapFor(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource) {
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    const rel = relative(repoRoot, join(repoRoot, 'dist', source)).replace(/^(\.\.\/)+/, '');
    return `${rel}:${(entry.originalLine ?? 0) + 1}`;
  }
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  return `${relative(repoRoot, path)}:${frame.lineNumber + 1}`;
}

interface Phase { fromMs: number; toMs: number; busyMs: number; self: Map<string, number> }

/** Splits the samples at idle stretches of at least `gapMs` and sums self time per function. */
function phases(profile: CpuProfile, gapMs: number): Phase[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const result: Phase[] = [];
  let current: Phase | undefined;
  let idleRun = 0;
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    const node = byId.get(profile.samples[i])!;
    const name = node.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') {
      idleRun += dt;
      if (idleRun >= gapMs && current) {
        result.push(current);
        current = undefined;
      }
      continue;
    }
    idleRun = 0;
    if (!current) current = { fromMs: t, toMs: t, busyMs: 0, self: new Map() };
    current.toMs = t;
    current.busyMs += dt;
    const key = `${name || '(anonymous)'}  ${where(node.callFrame)}`;
    current.self.set(key, (current.self.get(key) ?? 0) + dt);
  }
  if (current) result.push(current);
  return result;
}

function bySource(self: Map<string, number>): Map<string, number> {
  const files = new Map<string, number>();
  for (const [key, ms] of self) {
    const file = key.split('  ')[1]?.replace(/:\d+$/, '') || '(native)';
    const group = file.includes('node_modules/') ? file.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1') : file;
    files.set(group, (files.get(group) ?? 0) + ms);
  }
  return files;
}

function printTop(title: string, phase: Phase, count: number): void {
  console.log(`\n## ${title}: ${Math.round(phase.busyMs)} ms on the CPU (${Math.round(phase.fromMs)}–${Math.round(phase.toMs)} ms into the profile)`);
  const top = [...phase.self].sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / phase.busyMs).toFixed(1).padStart(5)}%  ${key}`);
  console.log('  by source file:');
  for (const [file, ms] of [...bySource(phase.self)].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / phase.busyMs).toFixed(1).padStart(5)}%  ${file}`);
  }
}

function merge(list: Phase[]): Phase {
  const self = new Map<string, number>();
  for (const p of list) for (const [k, v] of p.self) self.set(k, (self.get(k) ?? 0) + v);
  return { fromMs: list[0]?.fromMs ?? 0, toMs: list[list.length - 1]?.toMs ?? 0, busyMs: list.reduce((s, p) => s + p.busyMs, 0), self };
}

function latestProfile(dir: string): CpuProfile {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().pop();
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const benchDir = join(repoRoot, '.bench');
  const profDir = join(benchDir, 'profiles');
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(join(profDir, 'server'), { recursive: true });
  mkdirSync(join(profDir, 'cli'), { recursive: true });
  const w = writeWorkloads(benchDir, quick ? quickSizes : fullSizes);
  const spec = cnikitSpec();
  const uri = pathToFileURL(w.small.path).toString();
  const edits = planEdits(w.small.text, w.small.docs, 20);
  const probes = findProbes(w.small.text, w.small.docs, 30);

  const session = await LspSession.start(spec, { extraArgs: ['--cpu-prof', `--cpu-prof-dir=${join(profDir, 'server')}`, '--cpu-prof-interval=200'] });
  await session.configure();
  await sleep(1000);
  const mark = session.mark();
  const sent = performance.now();
  await session.open(uri, w.small.text, 1);
  const first = await session.diagnostics(uri, mark, 1, 120_000);
  console.log(`open → diagnostics ${Math.round(first.at - sent)} ms`);
  await session.settle(300);
  await sleep(1000);
  let version = 1;
  const editMs: number[] = [];
  for (const edit of edits) {
    const before = session.mark();
    const t = performance.now();
    await session.change(uri, ++version, edit.range, edit.text);
    const p = await session.diagnostics(uri, before, version, 30_000);
    editMs.push(p.at - t);
    await sleep(250); // below the phase gap: all edits are one phase
  }
  console.log(`edits → diagnostics: ${editMs.map((m) => Math.round(m)).join(', ')} ms`);
  await session.settle(300);
  await sleep(1000);
  for (const probe of probes) {
    const position = { line: probe.line, character: probe.character };
    await session.request('textDocument/completion', { textDocument: { uri }, position }, 10_000);
    await session.request('textDocument/hover', { textDocument: { uri }, position }, 10_000);
  }
  await session.stop();

  const server = phases(latestProfile(join(profDir, 'server')), 800);
  console.log(`\n# CNIKit server (dist/server.js --stdio), ${server.length} phases found`);
  const names = ['start-up and settings', 'open → diagnostics', 'edits → diagnostics', 'completion and hover'];
  server.forEach((phase, i) => printTop(names[i] ?? `phase ${i + 1}`, phase, 25));

  const cli = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${join(profDir, 'cli')}`, '--cpu-prof-interval=500', join(repoRoot, 'dist/cli.js'), 'lint', '--format', 'json', w.folder.path], {
    cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000,
  });
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`cnikit lint exited ${cli.status}: ${cli.stderr}`);
  console.log(`\n# cnikit lint on ${w.folder.files} files (${w.folder.documents} documents)`);
  printTop('lint', merge(phases(latestProfile(join(profDir, 'cli')), 10_000)), 25);
  console.log(`\nprofiles in ${relative(repoRoot, profDir)} (open them in Chrome DevTools or VS Code)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`profile: FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
