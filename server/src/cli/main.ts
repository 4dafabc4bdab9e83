// The `cnikit` command line. Exit status: 0 clean, 1 errors found, 2 usage or I/O problem
// (always a one-line message on stderr, never a stack trace).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { lintPaths } from './lint';
import { format, type Format } from './formatters';
import { UsageError } from './files';
import { tryFile } from './try';

const version = '0.1.0';

async function main(argv: string[]): Promise<number> {
  const program = new Command('cnikit')
    .description('Lint and try CNI network configs and Kubernetes networking manifests.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text.startsWith('error:') ? `cnikit: ${text.slice(7)}` : text) })
    .showSuggestionAfterError();
  let status = 0;
  program.command('lint')
    .description('Check CNI configs (.conflist, .conf, CNI .json) and YAML manifests in files and folders.')
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .argument('<paths...>', 'files or folders (folders are searched recursively)')
    .action((paths: string[], options: { format: Format }) => {
      const diagnostics = lintPaths(paths);
      const output = format(options.format, diagnostics, version);
      if (output) process.stdout.write(output + '\n');
      status = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    });
  program.command('try')
    .description('Run a CNI config (.conflist, .conf, or a NetworkAttachmentDefinition in YAML) through the real plugins in a throwaway network namespace. Needs Linux, root and the CNI plugins.')
    .argument('<file>', 'the config to run')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--cni-path <dirs>', 'colon-separated folders with plugin binaries (default: /opt/cni/bin, /usr/lib/cni, /usr/libexec/cni)')
    .option('--document <n>', 'in a multi-document YAML file, the document (1-based) holding the NetworkAttachmentDefinition', parsePositive)
    .action(async (file: string, options: { format: 'text' | 'json'; cniPath?: string; document?: number }) => {
      status = await tryFile(file, options);
    });
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

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}

void main(process.argv).then((status) => {
  process.exitCode = status;
});
