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

/**
 * Commander keeps the last value of an option given twice, without a word; a repeat is more likely
 * a slip than a choice, so every option that takes a value, in every command, refuses a second one.
 * Flags (--force) and variadic options are left alone: repeating them is harmless or meant.
 */
export function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if (option.isBoolean() || option.variadic) continue;
    const parse = option.parseArg; // choices and number parsers keep working
    option.argParser((value: string, previous: unknown) => {
      if (command.getOptionValueSource(option.attributeName()) === 'cli') {
        command.error(`error: option '${option.long}' given twice ('${String(previous)}', then '${value}'); give it once`,
          { code: 'cnikit.repeatedOption', exitCode: 2 });
      }
      return parse ? parse(value, previous) : value;
    });
  }
  for (const sub of command.commands) refuseRepeatedOptions(sub);
}
