// Turns the options a user gave (CLI flags, quick-pick answers) into a complete, checked set:
// defaults filled in, options that do not apply refused, each value checked in registry order so
// that checks against earlier options (overlap with the Service CIDR, ...) see their values.
import { flagOf, kindSpec, typeChecks, type OptionSpec, type OptionValues } from './options';
import { enumProblem, integerProblem } from './validate';

export interface OptionProblem {
  /** The option's name, or undefined for a problem with the kind itself. */
  option?: string;
  message: string;
}

export interface ResolvedOptions {
  values: OptionValues;
  problems: OptionProblem[];
}

/** True when an option applies given the options chosen before it. */
export function applies(spec: OptionSpec, chosen: OptionValues): boolean {
  return !spec.when || spec.when.in.includes(chosen[spec.when.option] ?? '');
}

export function defaultValue(spec: OptionSpec, chosen: OptionValues): string {
  return typeof spec.default === 'function' ? spec.default(chosen) : spec.default;
}

/** Checks one value against its option's rules and the options chosen before it (validate-as-you-type). */
export function checkValue(spec: OptionSpec, value: string, chosen: OptionValues): string | undefined {
  const own = spec.type === 'enum' ? enumProblem(value, (spec.choices ?? []).map((c) => c.value))
    : spec.type === 'integer' ? integerProblem(value, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER)
    : typeChecks[spec.type](value);
  return own ?? spec.check?.(value, chosen);
}

/** Fills in defaults and checks every option of a kind. Unknown and inapplicable options are problems. */
export function resolveOptions(kind: string, given: Readonly<Record<string, string | undefined>>): ResolvedOptions {
  const spec = kindSpec(kind);
  if (!spec) return { values: {}, problems: [{ message: `Unknown scaffold "${kind}".` }] };
  const problems: OptionProblem[] = [];
  const known = new Set(spec.options.map((o) => o.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name) && given[name] !== undefined) {
      problems.push({ option: name, message: `${flagOf(name)} is not an option of scaffold ${kind}; its options: ${spec.options.map((o) => flagOf(o.name)).join(', ')}.` });
    }
  }
  const values: Record<string, string> = {};
  for (const option of spec.options) {
    const raw = given[option.name];
    if (!applies(option, values)) {
      if (raw !== undefined) {
        const when = option.when!;
        problems.push({ option: option.name, message: `${flagOf(option.name)} applies only with ${flagOf(when.option)} ${when.in.join(' or ')}.` });
      }
      continue;
    }
    const value = raw === undefined ? defaultValue(option, values) : raw.trim();
    const problem = checkValue(option, value, values);
    if (problem) problems.push({ option: option.name, message: `${flagOf(option.name)}: ${problem}` });
    values[option.name] = value;
  }
  return { values, problems };
}
