// Two ways a run can end without a verdict: this machine cannot run the chain, or the config
// is not something libcni would hand to a plugin at all.

export type UnavailableReason =
  | 'platform' // not Linux
  | 'privileges' // not root
  | 'tool' // `ip` (iproute2) missing
  | 'plugin' // a plugin binary is not in cniPath
  | 'unsupported-plugin' // a plugin the sandbox refuses to run (talks to daemons outside it)
  | 'kernel'; // the kernel lacks a link type the plugin needs

/** This machine cannot run the chain; `message` says exactly what is missing and how to get it. */
export class SandboxUnavailable extends Error {
  override readonly name = 'SandboxUnavailable';
  constructor(
    message: string,
    readonly reason: UnavailableReason = 'plugin',
  ) {
    super(message);
  }
}

/**
 * The config cannot be handed to any plugin (not an object, no plugins, a plugin without a
 * string `type`): libcni refuses these while loading, so no plugin has a say.
 */
export class SandboxConfigError extends Error {
  override readonly name = 'SandboxConfigError';
}
