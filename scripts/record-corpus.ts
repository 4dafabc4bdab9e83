// Re-runs every CNI corpus file through the real plugins in the sandbox, (re)writes the
// `<file>.expected.json` of every non-accept case from what the plugin actually said, and
// prints a table. Exit 1 when a file's verdict is not what its folder promises.
//   node --import tsx scripts/record-corpus.ts [--cni-path DIR:DIR]
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { findCniPath, runInSandbox, SandboxUnavailable, type SandboxReport } from '../server/src/sandbox';
import { CORPUS_DIR, corpusCases, expectedFrom, mapLimit, readCase, type CorpusCase } from '../test/plugins/cniCorpus';

interface Row {
  c: CorpusCase;
  verdict: string;
  detail: string;
  problem?: string;
}

async function record(c: CorpusCase, cniPath: string[]): Promise<Row> {
  let report: SandboxReport;
  try {
    report = await runInSandbox(readCase(c), { cniPath });
  } catch (err) {
    if (err instanceof SandboxUnavailable && err.reason === 'kernel') {
      return { c, verdict: 'unavailable', detail: err.message }; // not this config's fault; said loudly below
    }
    return { c, verdict: 'error', detail: String(err), problem: 'could not run' };
  }
  const wantAccept = c.folder === 'accept';
  if (report.verdict === 'accept') {
    return { c, verdict: 'accept', detail: '', problem: wantAccept ? undefined : `expected a reject (${c.folder})` };
  }
  const expected = expectedFrom(report)!;
  const detail = `${expected.command ? 'CHECK ' : ''}${expected.plugin} [${expected.code}] ${expected.msg}`;
  if (wantAccept) return { c, verdict: 'reject', detail, problem: 'expected accept' };
  if (c.folder === 'check-bug' && expected.command !== 'CHECK') return { c, verdict: 'reject', detail, problem: 'expected ADD to pass, CHECK to fail' };
  if (c.folder === 'version-1.1.0' && expected.code !== 1) return { c, verdict: 'reject', detail, problem: 'expected code 1' };
  writeFileSync(c.expectedPath, `${JSON.stringify(expected, null, 2)}\n`);
  return { c, verdict: 'reject', detail };
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--cni-path');
  const cniPath = flag > 0 ? process.argv[flag + 1].split(':') : findCniPath();
  const cases = corpusCases();
  const rows = await mapLimit(cases, 4, (c) => record(c, cniPath));
  const width = Math.max(...rows.map((r) => relative(CORPUS_DIR, r.c.path).length));
  for (const r of rows) {
    const mark = r.problem ? `  <-- MISMATCH: ${r.problem}` : '';
    console.log(`${relative(CORPUS_DIR, r.c.path).padEnd(width)}  ${r.verdict.padEnd(11)} ${r.detail}${mark}`);
  }
  const unavailable = rows.filter((r) => r.verdict === 'unavailable');
  if (unavailable.length > 0) {
    console.log(`\n!!! ${unavailable.length} case(s) NOT VERIFIED: this kernel cannot run them (see their lines above).`);
  }
  const bad = rows.filter((r) => r.problem);
  console.log(`\n${rows.length} cases, ${bad.length} mismatch(es)`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err instanceof SandboxUnavailable ? `record-corpus: cannot run here: ${err.message}` : err);
  process.exitCode = 2;
});
