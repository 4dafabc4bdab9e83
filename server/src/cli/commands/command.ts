// How each `cnikit` command plugs into the program: it adds itself and reports its exit status.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

export interface CommandHost {
  program: Command;
  version: string;
  /** The process exit status once the command is done (0, 1; usage problems throw UsageError for 2). */
  setStatus(status: number): void;
}

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}
