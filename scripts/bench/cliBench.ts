// CLI throughput: wall time of `node dist/cli.js lint --format json FOLDER`, as documents/second.
import { spawn } from 'node:child_process';
import { track } from './processes';
import { repoRoot } from './servers';
import { median } from './stats';

export interface CliResult { wallMs: number; samplesMs: number[]; documents: number; docsPerSecond: number; exitCode: number | null; diagnostics: number; errors?: string }

function runOnce(cli: string, folder: string, timeoutMs: number): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(spawn(process.execPath, [cli, 'lint', '--format', 'json', folder], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cnikit lint: no result within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

export async function measureCli(cli: string, folder: string, documents: number, runs: number, timeoutMs = 300_000): Promise<CliResult> {
  const samples: number[] = [];
  let last: Awaited<ReturnType<typeof runOnce>> | undefined;
  for (let i = 0; i < runs; i++) {
    last = await runOnce(cli, folder, timeoutMs);
    if (last.code !== 0 && last.code !== 1) throw new Error(`cnikit lint exited ${last.code}: ${last.stderr.slice(0, 500)}`);
    samples.push(last.ms);
  }
  let diagnostics = 0;
  try {
    diagnostics = (JSON.parse(last!.stdout) as { diagnostics: unknown[] }).diagnostics.length;
  } catch {
    diagnostics = -1;
  }
  const wallMs = median(samples)!;
  return { wallMs, samplesMs: samples, documents, docsPerSecond: documents / (wallMs / 1000), exitCode: last!.code, diagnostics };
}
