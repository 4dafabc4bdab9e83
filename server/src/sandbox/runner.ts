// The order of plugin calls, as libcni's AddNetworkList / CheckNetworkList / DelNetworkList
// and a runtime that tears down after a failed ADD would make them.
import type { NetworkList } from './chain';
import type { StepOutcome } from './output';
import { buildPluginConf } from './pluginConf';
import type { CniCommand, SandboxReport, SandboxStep } from './types';
import { versionAtLeast } from './version';

/** Runs plugin `index` with `stdin`; rejects only when the whole run must stop (abort). */
export type CallPlugin = (index: number, command: CniCommand, stdin: string) => Promise<StepOutcome>;

export async function runChain(list: NetworkList, stateDir: string, call: CallPlugin): Promise<SandboxReport> {
  const steps: SandboxStep[] = [];
  // Not strict JSON: only the first plugin gets a say (with the original bytes), see NetworkList.rawText.
  const plugins = list.rawText === undefined ? list.plugins : list.plugins.slice(0, 1);
  const stdinFor = (index: number, prevResult: unknown) =>
    list.rawText ?? JSON.stringify(buildPluginConf(plugins[index], list, prevResult, stateDir));

  const step = async (index: number, command: CniCommand, prevResult: unknown): Promise<StepOutcome> => {
    const outcome = await call(index, command, stdinFor(index, prevResult));
    const s: SandboxStep = { index, type: plugins[index].type, command, ok: outcome.ok };
    if (outcome.error) s.error = outcome.error;
    if (outcome.result !== undefined) s.result = outcome.result;
    steps.push(s);
    return outcome;
  };

  // ADD: each plugin gets the previous plugin's result; the first gets none.
  let prevResult: unknown;
  let added = 0;
  for (; added < plugins.length; added++) {
    const outcome = await step(added, 'ADD', added === 0 ? undefined : prevResult);
    if (!outcome.ok) break;
    prevResult = outcome.result;
  }
  const addOk = added === plugins.length;
  const finalResult = addOk ? prevResult : undefined;

  // CHECK: every plugin, in order, against the final result; libcni stops at the first error.
  let checkOk = true;
  if (addOk && !list.disableCheck && versionAtLeast(list.cniVersion, '0.4.0')) {
    for (let i = 0; i < plugins.length && checkOk; i++) checkOk = (await step(i, 'CHECK', finalResult)).ok;
  }

  // DEL: the plugins that were added, in reverse. libcni passes the cached result (it is only
  // cached after a complete ADD) from 0.4.0 on, and stops at the first failing DEL.
  const delPrev = addOk && versionAtLeast(list.cniVersion, '0.4.0') ? finalResult : undefined;
  for (let i = added - 1; i >= 0; i--) {
    if (!(await step(i, 'DEL', delPrev)).ok) break;
  }

  const report: SandboxReport = { verdict: addOk && checkOk ? 'accept' : 'reject', steps };
  if (addOk) report.result = finalResult;
  if (list.single) report.single = true;
  return report;
}
