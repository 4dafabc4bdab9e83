// Scaffolds: complete, checked setups generated from a few choices. Pure functions of their
// options (no file system), shared by `cnikit scaffold`, the editor's command and code actions.
import { buildCalico } from './calico';
import { buildCanal } from './canal';
import { buildCilium } from './cilium';
import { buildConflist } from './conflist';
import type { ScaffoldResult } from './files';
import { buildFlannel } from './flannel';
import { buildMultus } from './multus';
import { buildNad } from './nad';
import type { OptionValues, ScaffoldKind } from './options';
import { buildPolicy } from './policy';
import { resolveOptions, type OptionProblem } from './resolve';

export type { FileFormat, ScaffoldFile, ScaffoldResult } from './files';
export { flagOf, kindSpec, kindSpecs, scaffoldKinds, type Choice, type KindSpec, type OptionSpec, type OptionValues, type ScaffoldKind } from './options';
export { applies, checkValue, defaultValue, resolveOptions, type OptionProblem, type ResolvedOptions } from './resolve';

/** Thrown by `scaffold` when options are missing or wrong; each problem is one sentence. */
export class ScaffoldOptionError extends Error {
  constructor(readonly problems: OptionProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

const builders: Record<ScaffoldKind, (o: OptionValues) => ScaffoldResult> = {
  flannel: buildFlannel,
  calico: buildCalico,
  canal: buildCanal,
  multus: buildMultus,
  cilium: buildCilium,
  nad: buildNad,
  policy: buildPolicy,
  conflist: buildConflist,
};

/** Generates the files of a scaffold; options left out take their defaults. */
export function scaffold(kind: ScaffoldKind, options: Readonly<Record<string, string | undefined>> = {}): ScaffoldResult {
  const { values, problems } = resolveOptions(kind, options);
  if (problems.length) throw new ScaffoldOptionError(problems);
  return builders[kind](values);
}
