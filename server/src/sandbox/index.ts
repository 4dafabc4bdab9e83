// Public API: run a CNI config through the real plugins, in throwaway namespaces, the way
// libcni would, and say what they made of it. Node-only (child_process, fs); Linux and root.
import { hostLinkNames, toNetworkList, type NetworkList } from './chain';
import { SandboxUnavailable } from './errors';
import { execPlugin } from './exec';
import { Ip } from './ip';
import { isMissingKindError, KERNEL_OPTION, missingLinkKinds, PLUGIN_LINK_KINDS } from './kernel';
import { interpretRun } from './output';
import { checkHost, resolveBinaries } from './preflight';
import { runChain } from './runner';
import { Sandbox } from './sandbox';
import type { SandboxOptions, SandboxReport } from './types';

export { findCniPath, DEFAULT_CNI_DIRS } from './cniPath';
export { SandboxUnavailable, SandboxConfigError, type UnavailableReason } from './errors';
export { formatReport } from './format';
export { SAMPLE_CAPABILITY_ARGS } from './capabilities';
export { SANDBOXED_PLUGINS } from './preflight';
export type { SandboxStep, SandboxReport, SandboxOptions, SandboxInfo, StepError, CniCommand } from './types';

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Runs `config` (a parsed conflist or single-plugin object, or the document text of either)
 * through ADD, CHECK (cniVersion >= 0.4.0, unless disableCheck) and DEL.
 *
 * Throws SandboxUnavailable before running anything when this machine cannot run the chain
 * (and, after cleaning up, when a plugin failed only because the kernel lacks its link type),
 * SandboxConfigError when there is no plugin to hand the config to, and `signal.reason` when
 * aborted. The namespaces and the temp dir are always removed before it settles.
 */
export async function runInSandbox(config: unknown, options: SandboxOptions): Promise<SandboxReport> {
  const ip = new Ip(checkHost());
  const list = toNetworkList(config);
  const binaries = resolveBinaries(list, options.cniPath);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  options.signal?.throwIfAborted();

  const sandbox = await Sandbox.create(ip, options.tmpDir);
  try {
    const kinds = list.plugins.flatMap((p) => PLUGIN_LINK_KINDS[p.type] ?? []);
    const missing = await missingLinkKinds(ip, sandbox.info.hostNetns, [...kinds, 'dummy']);
    await sandbox.addHostLinks(hostLinkNames(list), !missing.has('dummy'));
    options.signal?.throwIfAborted();
    options.onStart?.(sandbox.info);

    const report = await runChain(list, sandbox.info.stateDir, async (index, command, stdin) => {
      const run = await execPlugin({
        ip,
        sandbox,
        binary: binaries.get(list.plugins[index].type)!,
        command,
        cniPath: options.cniPath,
        stdin,
        timeoutMs,
        signal: options.signal,
      });
      return interpretRun(run, command, timeoutMs);
    });
    blameKernel(report, list, missing);
    return report;
  } finally {
    await sandbox.teardown();
  }
}

/** A rejection that is the kernel lacking a link type says nothing about the config. */
function blameKernel(report: SandboxReport, list: NetworkList, missing: Set<string>): void {
  const failed = report.steps.find((s) => !s.ok && s.command !== 'DEL');
  if (!failed?.error || !isMissingKindError(failed.error.msg)) return;
  const kind = (PLUGIN_LINK_KINDS[list.plugins[failed.index].type] ?? []).find((k) => missing.has(k));
  if (!kind) return;
  throw new SandboxUnavailable(
    `this kernel cannot create ${kind} links (${KERNEL_OPTION[kind]} is not set), so the ${failed.type} plugin ` +
      `failed for a reason that is not the config ("${failed.error.msg}"); try it on a kernel with ${kind} support`,
    'kernel',
  );
}
