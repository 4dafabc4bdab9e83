// Keeps the language service's workspace index in step with the files on disk: an initial
// scan of the workspace folders (in small batches, so requests keep being answered), then the
// client's file events. Open editors take precedence: their text is indexed as they change.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LanguageService } from '../core';

const indexedExtensions = /\.(ya?ml|conflist|conf|json)$/i;
const skippedFolders = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

export interface ScanOptions {
  /** Folder and file names (globs reduced to simple names) the user excludes (files.exclude). */
  exclude: (relativePath: string) => boolean;
  /** Files larger than this are not indexed. */
  maxFileSize: number;
  isOpen: (uri: string) => boolean;
}

export async function scanFolders(service: LanguageService, folderUris: string[], options: ScanOptions, onBatch: () => void): Promise<number> {
  let count = 0;
  for (const folderUri of folderUris) {
    if (!folderUri.startsWith('file:')) continue;
    const root = fileURLToPath(folderUri);
    for await (const path of walk(root, root, options)) {
      await indexPath(service, path, options);
      if (++count % 200 === 0) {
        onBatch();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  onBatch();
  return count;
}

export async function indexPath(service: LanguageService, path: string, options: Pick<ScanOptions, 'maxFileSize' | 'isOpen'>): Promise<void> {
  const uri = pathToFileURL(path).toString();
  if (options.isOpen(uri)) return;
  try {
    // Read at once: manifests are small, and an awaited read per file (open, stat, read, close on
    // the thread pool) took longer than analysing it. Batches keep the server answering.
    const text = readFileSync(path, 'utf8');
    if (text.length <= options.maxFileSize && !text.slice(0, 8192).includes('\u0000')) service.indexFile(uri, text);
  } catch {
    service.removeFile(uri); // gone or unreadable: it is no longer part of the workspace
  }
}

async function* walk(root: string, dir: string, options: ScanOptions): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const relative = path.slice(root.length + 1);
    if (options.exclude(relative)) continue;
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) yield* walk(root, path, options);
    } else if (entry.isFile() && indexedExtensions.test(entry.name)) {
      yield path;
    }
  }
}

/**
 * Whether the scan would take this file: not below a folder it skips (node_modules, .git…) or one
 * files.exclude names, within a workspace folder. File events go through the same filter.
 */
export function scannedPath(roots: string[], path: string, exclude: (relativePath: string) => boolean): boolean {
  const root = roots.find((r) => path.startsWith(r + sep));
  if (!root) return true;
  const parts = path.slice(root.length + 1).split(sep);
  for (let i = 1; i <= parts.length; i++) {
    if (exclude(parts.slice(0, i).join(sep))) return false;
    if (i < parts.length && skippedFolders.has(parts[i - 1])) return false;
  }
  return true;
}

/** A predicate from VS Code's files.exclude globs, for the common forms (**\/name, name, *.ext). */
export function excludeMatcher(patterns: Record<string, boolean> | undefined): (relativePath: string) => boolean {
  const regexes = Object.entries(patterns ?? {}).filter(([, on]) => on).map(([glob]) => globToRegExp(glob));
  return (relativePath) => regexes.some((r) => r.test(relativePath));
}

function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      pattern += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '?') pattern += '[^/]';
    else pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}
