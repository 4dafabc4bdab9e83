// The `cnikit` command line. Exit status: 0 clean, 1 errors found, 2 usage or I/O problem
// (always a one-line message on stderr, never a stack trace).
import { Command, CommanderError, Option } from 'commander';
import { lintPaths } from './lint';
import { format, type Format } from './formatters';
import { UsageError } from './files';

const version = '0.1.0';

function main(argv: string[]): number {
  const program = new Command('cnikit')
    .description('Lint CNI network configs and Kubernetes networking manifests.')
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
  try {
    program.parse(argv);
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

process.exitCode = main(process.argv);
