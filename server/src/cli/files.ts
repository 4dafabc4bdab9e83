// Finds the files `cnikit lint` reads: the files named, and below folders every CNI or YAML file
// (JSON files only when their content is a CNI config). Problems are UsageErrors (exit 2).
import { readdirSync, readFileSync, realpathSync, statSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeCni } from '../core';

export class UsageError extends Error {}

export interface SourceFile {
  path: string;
  text: string;
}

const lintedExtensions = ['.conflist', '.conf', '.yaml', '.yml'];
const skippedFolders = new Set(['node_modules', '.git']);

export function collectFiles(paths: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const path of paths) {
    const stat = statOrThrow(path);
    if (stat.isDirectory()) walk(path, files, new Set());
    else files.push({ path, text: readText(path) });
  }
  return files.filter((f) => !f.path.toLowerCase().endsWith('.json') || looksLikeCni(f.text));
}

/** `seen` holds the real paths of the folders walked so far: a link back to one of them is not followed again. */
function walk(dir: string, files: SourceFile[], seen: Set<string>): void {
  const real = realPath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new UsageError(`cannot read folder ${dir}: ${reason(error)}`);
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = statOrThrow(path);
    if (stat.isDirectory()) {
      if (!skippedFolders.has(name)) walk(path, files, seen);
    } else if (stat.isFile() && [...lintedExtensions, '.json'].some((ext) => name.toLowerCase().endsWith(ext))) {
      files.push({ path, text: readText(path) });
    }
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    throw new UsageError(`cannot read folder ${path}: ${reason(error)}`);
  }
}

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    const dangling = isSymlink(path) ? ' (a symbolic link whose target is missing)' : '';
    throw new UsageError(`cannot read ${path}${dangling}: ${reason(error)}`);
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`cannot decode ${path}: it is not UTF-8 text`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a folder', ELOOP: 'too many symbolic links', ENOTDIR: 'not a folder',
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
