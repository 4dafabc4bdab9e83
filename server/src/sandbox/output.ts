// What a plugin's exit status and output mean for the step (cni pkg/skel and pkg/types).
import type { PluginRun } from './exec';
import type { CniCommand, StepError } from './types';

/** Our own code for runs that gave no CNI error object; 999 is the library's "internal error". */
export const NO_CNI_ERROR_CODE = 999;

export interface StepOutcome {
  ok: boolean;
  error?: StepError;
  result?: unknown;
}

const trimmed = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 500 ? `${t.slice(0, 500)}…` : t;
};

export function interpretRun(run: PluginRun, command: CniCommand, timeoutMs: number): StepOutcome {
  if (run.timedOut) {
    return { ok: false, error: { code: NO_CNI_ERROR_CODE, msg: `plugin did not finish within ${timeoutMs} ms and was killed` } };
  }
  const text = run.stdout.trim();
  let json: unknown;
  let isJson = false;
  if (text !== '') {
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch {
      // handled below
    }
  }
  if (run.exitCode !== 0) {
    if (isJson && typeof json === 'object' && json !== null && 'msg' in json) {
      const e = json as { code?: unknown; msg?: unknown; details?: unknown };
      const error: StepError = { code: typeof e.code === 'number' ? e.code : NO_CNI_ERROR_CODE, msg: String(e.msg) };
      if (typeof e.details === 'string' && e.details !== '') error.details = e.details;
      return { ok: false, error };
    }
    // A crash, a panic or `ip netns exec` itself failing: show whatever was printed.
    const said = trimmed(text || run.stderr) || `exit status ${run.exitCode ?? 'unknown (killed)'}, no output`;
    return { ok: false, error: { code: NO_CNI_ERROR_CODE, msg: said } };
  }
  if (text === '') {
    // CHECK and DEL print nothing; an ADD must print its result (libcni fails to decode nothing).
    return command === 'ADD'
      ? { ok: false, error: { code: NO_CNI_ERROR_CODE, msg: 'plugin exited 0 but printed no result' } }
      : { ok: true };
  }
  if (!isJson) {
    return { ok: false, error: { code: NO_CNI_ERROR_CODE, msg: `plugin printed something that is not JSON: ${trimmed(text)}` } };
  }
  return { ok: true, result: json };
}
