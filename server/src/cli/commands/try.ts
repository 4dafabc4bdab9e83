// `cnikit try FILE [--format text|json] [--cni-path DIRS] [--document N]`
import { Option } from 'commander';
import { tryFile } from '../try';
import { parsePositive, type CommandHost } from './command';

export function registerTry({ program, setStatus }: CommandHost): void {
  program.command('try')
    .description('Run a CNI config (.conflist, .conf, or a NetworkAttachmentDefinition in YAML) through the real plugins in a throwaway network namespace. Needs Linux, root and the CNI plugins.')
    .argument('<file>', 'the config to run')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--cni-path <dirs>', 'colon-separated folders with plugin binaries (default: /opt/cni/bin, /usr/lib/cni, /usr/libexec/cni)')
    .option('--document <n>', 'in a multi-document YAML file, the document (1-based) holding the NetworkAttachmentDefinition', parsePositive)
    .action(async (file: string, options: { format: 'text' | 'json'; cniPath?: string; document?: number }) => {
      setStatus(await tryFile(file, options));
    });
}
