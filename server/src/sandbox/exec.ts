// Starts one plugin process inside the sandbox host netns, config on stdin, and waits for it
// with a time limit and an abort signal.
import { spawn } from 'node:child_process';
import type { Ip } from './ip';
import { killGroup, type Sandbox } from './sandbox';
import type { CniCommand } from './types';

export interface PluginRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface PluginCall {
  ip: Ip;
  sandbox: Sandbox;
  binary: string;
  command: CniCommand;
  cniPath: string[];
  stdin: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_OUTPUT = 1 << 20; // a plugin result is a few KB; more is a runaway plugin

/** The runtime's environment minus any CNI_* of our own, plus the call's CNI_* variables. */
function pluginEnv(call: PluginCall): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CNI_')) env[k] = v;
  // Plugins run iptables, tc, ... by name; a non-login root shell may lack the sbin dirs.
  env.PATH = [env.PATH, '/usr/sbin', '/sbin'].filter(Boolean).join(':');
  env.CNI_COMMAND = call.command;
  env.CNI_CONTAINERID = call.sandbox.info.containerId;
  env.CNI_NETNS = call.sandbox.containerNetnsPath;
  env.CNI_IFNAME = 'eth0';
  env.CNI_PATH = call.cniPath.join(':');
  return env;
}

/** Rejects only on abort (with signal.reason); a timeout resolves with `timedOut`. */
export function execPlugin(call: PluginCall): Promise<PluginRun> {
  return new Promise((resolve, reject) => {
    if (call.signal?.aborted) return reject(call.signal.reason);
    const child = spawn(call.ip.path, ['netns', 'exec', call.sandbox.info.hostNetns, call.binary], {
      env: pluginEnv(call),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // own process group, so a kill reaches the plugin's children too
    });
    const untrack = call.sandbox.track(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += d;
    });
    child.stdin.on('error', () => {}); // EPIPE when a plugin exits without reading: its output says why
    child.stdin.end(call.stdin);

    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, call.timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup(child);
    };
    call.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = () => {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      untrack();
    };
    child.on('error', (err) => {
      finish();
      reject(err);
    });
    child.on('close', (code) => {
      finish();
      if (aborted) reject(call.signal?.reason);
      else resolve({ exitCode: code, stdout, stderr, timedOut });
    });
  });
}
