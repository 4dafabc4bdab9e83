// `cnikit scaffold` (filled in by the scaffold work).
import type { CommandHost } from './command';

export function registerScaffold(_host: CommandHost): void {
  // not yet implemented
}
