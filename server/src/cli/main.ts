// The `cnikit` command line. Exit status: 0 clean, 1 problems found (or a plugin rejected),
// 2 usage or I/O problem (always a one-line message on stderr, never a stack trace).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { takeChunks } from './lint';
import { UsageError } from './files';
import { registerLint } from './commands/lint';
import { registerTry } from './commands/try';
import { registerScaffold } from './commands/scaffold';
import { registerInspect } from './commands/inspect';
import { refuseRepeatedOptions } from './commands/command';

const version = '0.1.0';

async function main(argv: string[]): Promise<number> {
  const program = new Command('cnikit')
    .description('Lint, try, scaffold and inspect CNI network configs and Kubernetes networking.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.startsWith('error:') ? `cnikit: ${text.slice(7)}` : text) })
    .showSuggestionAfterError();
  let status = 0;
  const host = { program, version, setStatus: (s: number) => (status = s) };
  for (const register of [registerLint, registerTry, registerScaffold, registerInspect]) register(host);
  refuseRepeatedOptions(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`cnikit: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`cnikit: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return status;
}

if (isMainThread) {
  void main(process.argv).then((status) => {
    process.exitCode = status;
  });
} else if (workerData?.cnikitLint) {
  // This bundle doubles as the lint worker: take chunks of the files and hand back what it prepared.
  parentPort!.postMessage(takeChunks(workerData.cnikitLint.files, workerData.cnikitLint.next));
}
