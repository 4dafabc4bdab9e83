// Writes a scaffold's files all or nothing, over a small file-store interface so that the same
// logic runs on vscode.workspace.fs and, in tests, on an in-memory store. Files that were
// replaced get their old content back and created folders are removed when any write fails.

export interface FileStore<U> {
  join(base: U, relativePath: string): U;
  parent(uri: U): U;
  /** A stable key for comparing URIs. */
  key(uri: U): string;
  stat(uri: U): Promise<'file' | 'folder' | undefined>;
  read(uri: U): Promise<Uint8Array>;
  write(uri: U, content: Uint8Array): Promise<void>;
  remove(uri: U): Promise<void>;
  createFolder(uri: U): Promise<void>;
}

export interface FileToWrite {
  /** Relative to the target folder, '/'-separated. */
  path: string;
  content: string;
}

export class ScaffoldWriteError extends Error {}

/** The relative paths of the files that already exist (and would be replaced). */
export async function existingFiles<U>(store: FileStore<U>, folder: U, files: readonly FileToWrite[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) if (await store.stat(store.join(folder, file.path))) found.push(file.path);
  return found;
}

export async function writeAllOrNothing<U>(store: FileStore<U>, folder: U, files: readonly FileToWrite[]): Promise<U[]> {
  const targets = files.map((file) => ({ file, uri: store.join(folder, file.path) }));
  for (const t of targets) {
    if ((await store.stat(t.uri)) === 'folder') throw new ScaffoldWriteError(`${t.file.path} is a folder; nothing was written.`);
  }
  const createdFolders: U[] = [];
  const written: { uri: U; previous?: Uint8Array }[] = [];
  const encoder = new TextEncoder();
  let current = files[0]?.path ?? '';
  try {
    for (const t of targets) {
      current = t.file.path;
      await createMissingFolders(store, store.parent(t.uri), createdFolders);
      const previous = (await store.stat(t.uri)) === 'file' ? await store.read(t.uri) : undefined;
      await store.write(t.uri, encoder.encode(t.file.content));
      written.push({ uri: t.uri, previous });
    }
  } catch (error) {
    await undo(store, written, createdFolders);
    throw new ScaffoldWriteError(`Could not write ${current} (${error instanceof Error ? error.message : String(error)}); nothing was written.`);
  }
  return targets.map((t) => t.uri);
}

async function createMissingFolders<U>(store: FileStore<U>, folder: U, created: U[]): Promise<void> {
  const missing: U[] = [];
  for (let uri = folder; !(await store.stat(uri)); uri = store.parent(uri)) {
    missing.unshift(uri);
    if (store.key(store.parent(uri)) === store.key(uri)) break;
  }
  for (const uri of missing) {
    await store.createFolder(uri);
    created.push(uri);
  }
}

/** Puts back what was replaced, removes what was new, then the folders created (deepest first). */
async function undo<U>(store: FileStore<U>, written: { uri: U; previous?: Uint8Array }[], createdFolders: U[]): Promise<void> {
  const steps = [
    ...written.reverse().map((w) => () => (w.previous ? store.write(w.uri, w.previous) : store.remove(w.uri))),
    ...createdFolders.reverse().map((uri) => () => store.remove(uri)),
  ];
  for (const step of steps) {
    try {
      await step();
    } catch {
      // Undo as much as possible; the error that started this is what the user sees.
    }
  }
}
