// `npm run bench [-- --quick] [-- --rounds N]`: the project's benchmark (issue 9). Generates the
// workloads, drives CNIKit's server and the peer (yaml-language-server) alternately over real LSP
// stdio, measures the `yaml` floor, the CLI and the workspace index, prints one table and writes
// it as JSON to .bench/results.json. Needs `npm run build` first. Timings only; it asserts nothing
// except that both servers really validate (the run fails loudly if one does not).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { measureActivation, type ActivationResult } from './activation';
import { measureCli, type CliResult } from './cliBench';
import { measureFloor, measureFolderFloor } from './floor';
import { fileSession, largeSession, workspaceSession, type FileSessionResult, type LargeSessionResult, type WorkspaceSessionResult } from './lspBench';
import { findProbes, planEdits } from './probes';
import { renderTable, row, type Row } from './report';
import { cnikitSpec, peerSpec, repoRoot, snapshotBundles, writePeerSchema } from './servers';
import { median, percentile, round } from './stats';
import { fullSizes, quickSizes, writeWorkloads } from './workloads';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      out: { type: 'string', default: '.bench' },
    },
  });
  const quick = !!values.quick;
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const benchDir = join(repoRoot, values.out!);
  const sizes = quick ? quickSizes : fullSizes;
  const settings = {
    edits: quick ? 4 : 10,
    probes: quick ? 10 : 30,
    floorRuns: quick ? 3 : 9,
    cliRuns: quick ? 1 : 3,
    indexUpdates: quick ? 4 : 10,
  };
  const log = (text: string) => process.stderr.write(`bench: ${text}\n`);


  log(`generating workloads in ${benchDir}${quick ? ' (quick)' : ''}`);
  const w = writeWorkloads(benchDir, sizes);
  log(`${w.small.documents} documents / ${w.small.lineCount} lines; ${w.large.documents} documents / ${w.large.lineCount} lines; ${w.folder.files} files / ${w.folder.documents} documents`);
  const peerSchema = writePeerSchema(benchDir);
  const bundles = snapshotBundles(benchDir);
  const cnikit = cnikitSpec(bundles.server);
  const peer = peerSpec(peerSchema.path, ['.bench/*.yaml']);
  const probes = findProbes(w.small.text, w.small.docs, settings.probes);
  const edits = planEdits(w.small.text, w.small.docs, settings.edits);

  log(`floor: yaml on ${w.small.documents} documents`);
  const floor = measureFloor(w.small.text, settings.floorRuns);
  log(`floor: yaml on the ${w.folder.files}-file folder`);
  const folderFloor = measureFolderFloor(w.folder.path, settings.cliRuns);

  const small: Record<string, FileSessionResult[]> = { CNIKit: [], peer: [] };
  const large: Record<string, LargeSessionResult[]> = { CNIKit: [], peer: [] };
  const workspace: WorkspaceSessionResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const spec of [cnikit, peer]) {
      log(`round ${round}/${rounds}: ${spec.name}, ${w.small.documents}-document file`);
      const r = await fileSession(spec, w.small, { edits, probes, openTimeoutMs: 120_000, editTimeoutMs: 30_000, requestTimeoutMs: 10_000 });
      small[spec.name].push(r);
      for (const e of r.errors) log(`  ${spec.name}: ${e}`);
      if (!r.firstSeededFound) {
        throw new Error(`${spec.name} published no diagnostic for the seeded Service port mistake at line ${w.small.mistakes[0].line + 1}` +
          ` (it reported ${r.diagnostics ?? 'no'} diagnostics): it is not validating the workload${spec === peer ? ' against the project\'s schemas' : ''}; the comparison would be meaningless`);
      }
    }
    for (const spec of [cnikit, peer]) {
      log(`round ${round}/${rounds}: ${spec.name}, ${w.large.documents}-document file`);
      const r = await largeSession(spec, w.large, 300_000);
      large[spec.name].push(r);
      for (const e of r.errors) log(`  ${spec.name}: ${e}`);
    }
    log(`round ${round}/${rounds}: CNIKit, workspace index of ${w.folder.files} files`);
    const ws = await workspaceSession(cnikit, w.folder, settings.indexUpdates, 300_000);
    workspace.push(ws);
    for (const e of ws.errors) log(`  CNIKit: ${e}`);
  }

  log(`CLI: cnikit lint on ${w.folder.files} files (${settings.cliRuns} run${settings.cliRuns > 1 ? 's' : ''})`);
  let cli: CliResult | undefined;
  let cliError: string | undefined;
  try {
    cli = await measureCli(bundles.cli, w.folder.path, w.folder.documents, settings.cliRuns);
  } catch (error) {
    cliError = error instanceof Error ? error.message : String(error);
    log(`  ${cliError}`);
  }
  log('extension activation: dist/extension.js loaded and activated with a stand-in vscode module');
  let activation: ActivationResult | undefined;
  try {
    activation = measureActivation(repoRoot);
  } catch (error) {
    log(`  ${error instanceof Error ? error.message : String(error)}`);
  }
  const vsixPath = join(repoRoot, 'dist/cnikit.vsix');
  const vsixMB = existsSync(vsixPath) ? statSync(vsixPath).size / 1024 / 1024 : undefined;

  // Medians over rounds; per-request samples pooled over rounds.
  const med = (xs: (number | undefined)[]) => median(xs.filter((x): x is number => x !== undefined && !Number.isNaN(x)));
  const pooled = (rs: FileSessionResult[], pick: (r: FileSessionResult) => number[]) => rs.flatMap(pick);
  const agg = (name: string) => {
    const s = small[name];
    const l = large[name];
    return {
      start: med([...s.map((r) => r.startMs), ...l.map((r) => r.startMs)]),
      open: med(s.map((r) => r.openMs)),
      openLarge: med(l.map((r) => r.openMs)),
      editMedian: median(pooled(s, (r) => r.editMs)),
      editP95: percentile(pooled(s, (r) => r.editMs), 95),
      completionMedian: median(pooled(s, (r) => r.completionMs)),
      completionP95: percentile(pooled(s, (r) => r.completionMs), 95),
      completionAnsweredP95: percentile(pooled(s, (r) => r.completionAnsweredMs), 95),
      hoverAnsweredP95: percentile(pooled(s, (r) => r.hoverAnsweredMs), 95),
      hoverMedian: median(pooled(s, (r) => r.hoverMs)),
      hoverP95: percentile(pooled(s, (r) => r.hoverMs), 95),
      rssOpen: med(s.map((r) => r.rssOpenMB)),
      rssLarge: med(l.map((r) => r.rssMB)),
      diagnostics: med(s.map((r) => r.diagnostics)),
      seeded: med(s.map((r) => r.seededFound)),
      completionAnswered: med(s.map((r) => r.completionMs.length - r.completionEmpty)),
      hoverAnswered: med(s.map((r) => r.hoverMs.length - r.hoverEmpty)),
    };
  };
  const c = agg('CNIKit');
  const p = agg('peer');
  const floorLimit = 2 * floor.composeMs;
  const n = w.small.documents;
  const rows: Row[] = [
    row({ measure: 'server start → initialize result', unit: 'ms', cnikit: c.start, peer: p.start, target: '≤ 300 ms', check: (v) => v <= 300 }),
    row({ measure: `open → first diagnostics (${n} docs)`, unit: 'ms', cnikit: c.open, peer: p.open, target: `≤ 2× floor (${Math.round(floorLimit)} ms) and ≥ 5× peer`, check: (v, ratio) => v <= floorLimit && (ratio ?? 0) >= 5 }),
    row({ measure: `edit → diagnostics, median of ${settings.edits}×${rounds}`, unit: 'ms', cnikit: c.editMedian, peer: p.editMedian, target: '≤ 20 ms and ≥ 30× peer', check: (v, ratio) => v <= 20 && (ratio ?? 0) >= 30 }),
    row({ measure: 'edit → diagnostics, p95', unit: 'ms', cnikit: c.editP95, peer: p.editP95 }),
    row({ measure: `completion median (${probes.length} positions ×${rounds})`, unit: 'ms', cnikit: c.completionMedian, peer: p.completionMedian }),
    row({ measure: 'completion p95', unit: 'ms', cnikit: c.completionP95, peer: p.completionP95, target: '≤ 10 ms', check: (v) => v <= 10 }),
    row({ measure: 'completion p95, positions answered with items', unit: 'ms', cnikit: c.completionAnsweredP95, peer: p.completionAnsweredP95 }),
    row({ measure: `completion: positions answered with items (of ${probes.length})`, unit: 'count', cnikit: c.completionAnswered, peer: p.completionAnswered }),
    row({ measure: 'hover median', unit: 'ms', cnikit: c.hoverMedian, peer: p.hoverMedian }),
    row({ measure: 'hover p95', unit: 'ms', cnikit: c.hoverP95, peer: p.hoverP95, target: '≤ 5 ms', check: (v) => v <= 5 }),
    row({ measure: 'hover p95, positions answered', unit: 'ms', cnikit: c.hoverAnsweredP95, peer: p.hoverAnsweredP95 }),
    row({ measure: `hover: positions answered (of ${probes.length})`, unit: 'count', cnikit: c.hoverAnswered, peer: p.hoverAnswered }),
    row({ measure: `resident memory, ${n}-doc file open`, unit: 'MB', cnikit: c.rssOpen, peer: p.rssOpen }),
    row({ measure: `resident memory, ${w.large.documents}-doc file open`, unit: 'MB', cnikit: c.rssLarge, peer: p.rssLarge, target: '≤ 80 MB', check: (v) => v <= 80 }),
    row({ measure: `open → first diagnostics (${w.large.documents} docs)`, unit: 'ms', cnikit: c.openLarge, peer: p.openLarge }),
    row({ measure: `floor: yaml parseAllDocuments (${n} docs)`, unit: 'ms', cnikit: floor.composeMs, note: `median of ${floor.runs}; first run ${Math.round(floor.composeFirstMs)} ms` }),
    row({ measure: `floor: yaml Parser, CST only (${n} docs)`, unit: 'ms', cnikit: floor.cstMs, note: `median of ${floor.runs}` }),
    row({ measure: `cnikit lint, ${w.folder.files.toLocaleString('en-US')}-manifest folder (${w.folder.documents.toLocaleString('en-US')} docs, ${os.cpus().length} cores)`, unit: 'docs/s', cnikit: cli?.docsPerSecond, target: '≥ 10,000 docs/s', check: (v) => v >= 10_000 }),
    row({ measure: 'cnikit lint wall time', unit: 'ms', cnikit: cli?.wallMs }),
    row({ measure: 'floor: yaml Parser, CST only, over the folder, one core', unit: 'docs/s', cnikit: folderFloor.cstDocsPerSecond, note: `median of ${folderFloor.runs}; files read beforehand` }),
    row({ measure: 'floor: yaml parseAllDocuments over the folder, one core', unit: 'docs/s', cnikit: folderFloor.composeDocsPerSecond, note: `median of ${folderFloor.runs}; files read beforehand` }),
    row({ measure: `workspace index, initial (${w.folder.files.toLocaleString('en-US')} files)`, unit: 'ms', cnikit: med(workspace.map((r) => r.initialMs)), target: '≤ 5 s', check: (v) => v <= 5000 }),
    row({ measure: 'workspace index, update after one file changes (median)', unit: 'ms', cnikit: median(workspace.flatMap((r) => r.updateMs)), target: '≤ 20 ms', check: (v) => v <= 20 }),
    row({ measure: 'resident memory, workspace indexed', unit: 'MB', cnikit: med(workspace.map((r) => r.rssMB)) }),
    row({ measure: '.vsix size (dist/cnikit.vsix)', unit: 'MB', cnikit: vsixMB, target: '≤ 2 MB', check: (v) => v <= 2, note: vsixMB === undefined ? 'not built: npm run package' : undefined }),
    row({
      measure: 'extension activation (load + activate())', unit: 'ms', cnikit: activation?.totalMs, target: '≤ 50 ms', check: (v) => v <= 50,
      note: activation ? `median of ${activation.samples} fresh processes; dist/extension.js as built (npm run package builds it minified)` : 'failed: see the log',
    }),
    row({ measure: `seeded mistakes reported (of ${w.small.mistakes.length})`, unit: 'count', cnikit: c.seeded, peer: p.seeded }),
    row({ measure: `diagnostics on the ${n}-doc file`, unit: 'count', cnikit: c.diagnostics, peer: p.diagnostics }),
  ];

  const table = renderTable(rows);
  const notes = [
    'peer = yaml-language-server 2.0.0 with the project\'s schemas for Service, Ingress, NetworkPolicy and Deployment (one dispatching schema: if kind/apiVersion then $ref the project\'s file).',
    'ratio = peer ÷ CNIKit (how many times faster or smaller CNIKit is). Medians over rounds; per-request samples pooled over rounds.',
    'the peer waits a fixed 200 ms (validationDelayMs, not a setting) before validating after open or a change; that delay is part of what its users see and is included.',
    'open → diagnostics: didOpen sent → first publishDiagnostics for the file. edit → diagnostics: didChange (1 character, incremental) → the publish of that version (the peer sends no version: its next publish).',
    'empty answers (no items / null hover) are fast for any server: see the "answered" rows.',
  ];
  const heading = `CNIKit benchmark — ${quick ? 'QUICK run (smaller workloads: targets are for the full run)' : 'full run'}, ${rounds} round${rounds > 1 ? 's' : ''}, ` +
    `${bundles.build} bundle, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`;
  process.stdout.write(`\n${heading}\n\n${table}\n\n`);
  const failed = rows.filter((r) => r.verdict === 'FAIL').map((r) => r.measure);
  process.stdout.write(`${notes.map((n) => `- ${n}`).join('\n')}\n\n`);
  process.stdout.write(failed.length ? `Targets missed: ${failed.join('; ')}\n` : 'All targets met.\n');

  const results = {
    date: new Date().toISOString(),
    quick,
    rounds,
    bundle: bundles.build,
    notes,
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryMB: Math.round(os.totalmem() / 1024 / 1024) },
    workloads: {
      small: { path: w.small.path, documents: w.small.documents, lines: w.small.lineCount, bytes: w.small.bytes, mistakes: w.small.mistakes.length },
      large: { path: w.large.path, documents: w.large.documents, lines: w.large.lineCount, bytes: w.large.bytes, mistakes: w.large.mistakes.length },
      folder: { path: w.folder.path, files: w.folder.files, documents: w.folder.documents, networkingDocuments: w.folder.networkingDocuments, lines: w.folder.lines, mistakes: w.folder.mistakes },
    },
    peer: { server: 'yaml-language-server 2.0.0', schema: peerSchema.path, schemas: peerSchema.schemas },
    table: rows.map((r) => ({ ...r, cnikit: round(r.cnikit, 3), peer: round(r.peer, 3), ratio: round(r.ratio, 3) })),
    failed,
    floor,
    folderFloor,
    cli: cli ?? { error: cliError },
    sessions: { small, large, workspace },
    probes,
    edits,
  };
  writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`Written to ${join(benchDir, 'results.json')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
