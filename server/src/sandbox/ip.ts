// Thin wrappers over the `ip` command (iproute2): async for the run, sync for signal handlers.
import { execFile, spawnSync } from 'node:child_process';

export interface IpOutcome {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export class Ip {
  constructor(readonly path: string) {}

  run(args: string[]): Promise<IpOutcome> {
    return new Promise((resolve) => {
      execFile(this.path, args, { timeout: 10_000 }, (err, stdout, stderr) => {
        resolve({ ok: !err, stdout: String(stdout), stderr: String(stderr).trim() });
      });
    });
  }

  /** Like run, but throws with `ip`'s own message: for steps the sandbox cannot do without. */
  async must(args: string[]): Promise<string> {
    const r = await this.run(args);
    if (!r.ok) throw new Error(`ip ${args.join(' ')} failed: ${r.stderr || 'no message'}`);
    return r.stdout;
  }

  runSync(args: string[]): boolean {
    return spawnSync(this.path, args, { stdio: 'ignore', timeout: 10_000 }).status === 0;
  }
}
