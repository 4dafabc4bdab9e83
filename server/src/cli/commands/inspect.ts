// `cnikit inspect [--kubeconfig FILE] [--context NAME] [--format text|json] [--timeout SECONDS]`
// Exit 0 with the report (what could not be read is listed under `problems`); exit 2 with one line
// on stderr when the kubeconfig is unusable or the cluster cannot be reached.
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_CHUNK_SIZE, DEFAULT_TIMEOUT_MS } from '../../cluster/limits';
import { redactShapes } from '../../cluster/secrets';
import { loadClusterModule } from '../clusterModule';
import { UsageError } from '../files';
import { parsePositive, type CommandHost } from './command';

interface InspectOptions {
  kubeconfig?: string;
  context?: string;
  format: 'text' | 'json';
  timeout: number;
  chunkSize: number;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds above 0');
  return n;
}

export function registerInspect({ program, setStatus }: CommandHost): void {
  program.command('inspect')
    .description("Show a live cluster's network: CNI plugins and their modes, nodes, Multus attachments, network policies, Services and Ingresses. Only reads.")
    .option('--kubeconfig <file>', 'kubeconfig file (default: the files in KUBECONFIG, else ~/.kube/config)')
    .option('--context <name>', "kubeconfig context (default: the kubeconfig's current-context)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--timeout <seconds>', 'time limit for each request, credential plugins included', parseSeconds, DEFAULT_TIMEOUT_MS / 1000)
    .option('--chunk-size <n>', 'objects per list request (lists are read page by page)', parsePositive, DEFAULT_CHUNK_SIZE)
    .action(async (options: InspectOptions) => {
      const { ClusterError, formatReport, inspectCluster } = loadClusterModule();
      let report;
      try {
        report = await inspectCluster({
          path: options.kubeconfig,
          context: options.context,
          timeoutMs: Math.round(options.timeout * 1000),
          chunkSize: options.chunkSize,
        });
      } catch (error) {
        // whatever escapes is fatal: nothing could be read
        if (error instanceof ClusterError) throw new UsageError(error.message);
        const message = error instanceof Error ? error.message : String(error);
        throw new UsageError(`internal error: ${redactShapes(message.split('\n')[0])}`);
      }
      process.stdout.write((options.format === 'json' ? JSON.stringify(report, null, 2) : formatReport(report)) + '\n');
      setStatus(0);
    });
}
