// `cnikit inspect` (filled in by the cluster work).
import type { CommandHost } from './command';

export function registerInspect(_host: CommandHost): void {
  // not yet implemented
}
