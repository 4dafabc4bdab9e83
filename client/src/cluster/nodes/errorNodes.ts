// A failure as tree lines: the one-line message, then what to do next.
import { MessageNode } from './messageNode';
import type { ExplorerNode } from './types';

/** The message of an error from the cluster code (already free of secrets), first line only. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

export function errorNodes(error: unknown, retry: ExplorerNode | undefined, extra: ('switchContext' | 'settings')[] = []): MessageNode[] {
  const message = errorMessage(error);
  const kind = (error as { kind?: string })?.kind;
  const nodes = [new MessageNode(message, { icon: 'error', color: 'list.errorForeground', tooltip: message })];
  nodes.push(MessageNode.action('Retry', 'cnikit.cluster.refresh', retry ? [retry] : [], 'refresh'));
  if (extra.includes('switchContext')) nodes.push(MessageNode.action('Switch context…', 'cnikit.cluster.switchContext', [], 'arrow-swap'));
  if (extra.includes('settings') || kind === 'config') nodes.push(MessageNode.action('Open cluster settings', 'cnikit.cluster.openSettings', [], 'settings-gear'));
  return nodes;
}
