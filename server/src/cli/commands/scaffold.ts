// `cnikit scaffold KIND [options] --out DIR`: one subcommand per kind, its flags and --help read
// from the scaffold option registry. Files are written all or nothing, and an existing file is
// replaced only with --force.
import { randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { flagOf, kindSpecs, resolveOptions, scaffold, type KindSpec, type OptionSpec, type ScaffoldFile } from '../../core/scaffold';
import { UsageError } from '../files';
import type { CommandHost } from './command';

export function registerScaffold({ program, setStatus }: CommandHost): void {
  const parent = program.command('scaffold')
    .description(`Generate a networking setup into a folder: ${kindSpecs.map((k) => k.kind).join(', ')}. See cnikit scaffold KIND --help.`)
    .usage('KIND [options] --out DIR')
    .argument('[kind]')
    // Reached only when KIND names no scaffold: its options are not this command's to judge.
    .allowUnknownOption()
    .allowExcessArguments()
    .action((kind?: string) => {
      const kinds = kindSpecs.map((k) => k.kind).join(', ');
      throw new UsageError(kind ? `unknown scaffold "${kind}"; use one of ${kinds}` : `name what to scaffold: cnikit scaffold KIND --out DIR, KIND one of ${kinds}`);
    });
  oneLineErrors(parent, program);
  for (const spec of kindSpecs) {
    const command = parent.command(spec.kind).description(spec.description);
    for (const option of spec.options) command.addOption(new Option(`${flagOf(option.name)} <${placeholder(option)}>`, helpLine(option)));
    command
      .requiredOption('--out <dir>', 'the folder to write into (created if missing)')
      .option('--force', 'replace files that already exist')
      .addHelpText('after', choicesHelp(spec))
      .action((options: Record<string, string | boolean | undefined>) => {
        const written = runScaffold(spec, options);
        process.stdout.write(`Wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${String(options.out)}:\n${written.map((p) => `  ${p}\n`).join('')}`);
        setStatus(0);
      });
    oneLineErrors(command, program);
  }
}

function runScaffold(spec: KindSpec, options: Record<string, string | boolean | undefined>): string[] {
  const given: Record<string, string> = {};
  for (const option of spec.options) {
    const value = options[option.name];
    if (typeof value === 'string') given[option.name] = value;
  }
  const { problems } = resolveOptions(spec.kind, given);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new UsageError(`${problems[0].message}${more}`);
  }
  const { files } = scaffold(spec.kind, given);
  return writeAllOrNothing(String(options.out), files, options.force === true);
}

/** Commander's errors can carry a suggestion on a second line; keep each message on one. */
function oneLineErrors(command: Command, program: Command): void {
  const base = program.configureOutput();
  command.configureOutput({
    ...base,
    writeErr: (text) => (base.writeErr ?? ((t: string) => process.stderr.write(t)))(text.startsWith('error:') ? `${text.trimEnd().replace(/\s*\n\s*/g, ' ')}\n` : text),
  });
}

function placeholder(option: OptionSpec): string {
  switch (option.type) {
    case 'enum': return option.choices?.every((c) => c.value === 'true' || c.value === 'false') ? 'true|false' : 'value';
    case 'cidr': return 'cidr';
    case 'interface': return 'ifname';
    case 'integer': return 'n';
    case 'registry': return 'host[:port][/path]';
    case 'label': return 'key=value';
    case 'host': return 'host';
    default: return 'name';
  }
}

function helpLine(option: OptionSpec): string {
  const values = option.choices ? ` One of: ${option.choices.map((c) => c.value).join(', ')}.` : '';
  const range = option.type === 'integer' ? ` ${option.min}–${option.max}.` : '';
  const when = option.when ? ` Only with ${flagOf(option.when.option)} ${option.when.in.join(' or ')}.` : '';
  const fallback = typeof option.default === 'function' ? option.defaultText : option.default;
  return `${option.description}${values}${range}${when}${fallback ? ` (default: ${fallback})` : ''}`;
}

function choicesHelp(spec: KindSpec): string {
  const lines = spec.options.filter((o) => o.choices).flatMap((o) => [
    `  ${flagOf(o.name)}`,
    ...o.choices!.map((c) => `    ${c.value.padEnd(22)} ${c.description}`),
  ]);
  return lines.length ? `\nValues:\n${lines.join('\n')}\n` : '';
}

/**
 * Writes every file or none: each goes to a temporary file beside its target first, then all are
 * renamed into place; on any failure the renames are undone (replaced files come back), and the
 * temporary files and the folders created are removed.
 */
function writeAllOrNothing(outDir: string, files: readonly ScaffoldFile[], force: boolean): string[] {
  const root = resolve(outDir);
  const targets = files.map((file) => ({ file, path: join(root, ...file.path.split('/')) }));
  const existing = targets.filter((t) => existsAsFile(t.path));
  if (existing.length && !force) {
    const others = existing.length > 1 ? ` and ${existing.length - 1} more` : '';
    throw new UsageError(`${relative(process.cwd(), existing[0].path) || existing[0].path}${others} already exist${existing.length > 1 ? '' : 's'}; nothing was written (use --force to replace)`);
  }
  const undo: (() => void)[] = [];
  const backups: string[] = [];
  let current = root;
  try {
    for (const t of targets) createFolders(dirname(t.path), undo, (p) => (current = p));
    const temps = targets.map((t) => {
      current = t.path;
      const temp = tempBeside(t.path);
      undo.push(() => rmSync(temp, { force: true }));
      writeFileSync(temp, t.file.content, { flag: 'wx' });
      return temp;
    });
    targets.forEach((t, i) => {
      current = t.path;
      if (existsAsFile(t.path)) {
        const backup = tempBeside(t.path);
        renameSync(t.path, backup);
        backups.push(backup);
        undo.push(() => renameSync(backup, t.path));
      }
      renameSync(temps[i], t.path);
      undo.push(() => rmSync(t.path, { force: true }));
    });
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the other steps; a leftover here is reported by nothing better than the error below.
      }
    }
    throw new UsageError(`cannot write ${current}: ${describe(error)}; nothing was written`);
  }
  for (const backup of backups) rmSync(backup, { force: true });
  return targets.map((t) => relative(root, t.path));
}

/** Creates a folder and its missing parents, recording each one created so it can be removed again. */
function createFolders(folder: string, undo: (() => void)[], at: (path: string) => void): void {
  const missing: string[] = [];
  for (let p = folder; !exists(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    at(p);
    mkdirSync(p);
    undo.push(() => rmdirSync(p));
  }
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.cnikit-tmp`);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** True for anything at the path but a folder (a folder makes the rename fail, which is reported). */
function existsAsFile(path: string): boolean {
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  const known: Record<string, string> = {
    EISDIR: 'a folder is in the way', ENOTDIR: 'a file is in the way of a folder', EACCES: 'permission denied', EPERM: 'not permitted',
    EEXIST: 'it already exists', ENOSPC: 'no space left on the device', EROFS: 'the file system is read-only', ENOTEMPTY: 'a folder is in the way',
  };
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
