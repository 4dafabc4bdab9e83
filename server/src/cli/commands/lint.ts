// `cnikit lint [--format stylish|json|sarif] PATH...`
import { Option } from 'commander';
import { lintPaths } from '../lint';
import { format, type Format } from '../formatters';
import type { CommandHost } from './command';

export function registerLint({ program, version, setStatus }: CommandHost): void {
  program.command('lint')
    .description('Check CNI configs (.conflist, .conf, CNI .json) and YAML manifests in files and folders.')
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .argument('<paths...>', 'files or folders (folders are searched recursively)')
    .action(async (paths: string[], options: { format: Format }) => {
      const diagnostics = await lintPaths(paths);
      const output = format(options.format, diagnostics, version);
      if (output) process.stdout.write(output + '\n');
      setStatus(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    });
}
