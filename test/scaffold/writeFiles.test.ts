// The editor's all-or-nothing writer, on an in-memory file store that can fail on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existingFiles, writeAllOrNothing, ScaffoldWriteError, type FileStore } from '../../client/src/scaffold/writeFiles';

type Entry = { folder: true } | { content: string };

/** Paths are '/'-separated strings; `failOn` makes writing that path throw. */
function memoryStore(initial: Record<string, Entry>, failOn?: string): { store: FileStore<string>; entries: Map<string, Entry> } {
  const entries = new Map<string, Entry>([['/', { folder: true }], ...Object.entries(initial)]);
  const parent = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
  const store: FileStore<string> = {
    join: (base, relativePath) => `${base === '/' ? '' : base}/${relativePath}`,
    parent,
    key: (path) => path,
    stat: async (path) => {
      const entry = entries.get(path);
      return entry ? ('folder' in entry ? 'folder' : 'file') : undefined;
    },
    read: async (path) => new TextEncoder().encode((entries.get(path) as { content: string }).content),
    write: async (path, content) => {
      if (path === failOn) throw new Error('disk full');
      if (!entries.has(parent(path))) throw new Error(`no folder ${parent(path)}`);
      entries.set(path, { content: new TextDecoder().decode(content) });
    },
    remove: async (path) => {
      entries.delete(path);
    },
    createFolder: async (path) => {
      entries.set(path, { folder: true });
    },
  };
  return { store, entries };
}

const files = [
  { path: 'a.yaml', content: 'new a' },
  { path: 'sub/deep/b.yaml', content: 'new b' },
  { path: 'c.yaml', content: 'new c' },
];

test('writes every file, creating the folders they need', async () => {
  const { store, entries } = memoryStore({ '/ws': { folder: true } });
  const written = await writeAllOrNothing(store, '/ws', files);
  assert.deepEqual(written, ['/ws/a.yaml', '/ws/sub/deep/b.yaml', '/ws/c.yaml']);
  assert.deepEqual(entries.get('/ws/sub/deep/b.yaml'), { content: 'new b' });
});

test('lists the files that would be replaced', async () => {
  const { store } = memoryStore({ '/ws': { folder: true }, '/ws/c.yaml': { content: 'old c' } });
  assert.deepEqual(await existingFiles(store, '/ws', files), ['c.yaml']);
});

test('a failure half way leaves everything as it was: replaced files restored, new files and folders removed', async () => {
  const before: Record<string, Entry> = { '/ws': { folder: true }, '/ws/a.yaml': { content: 'old a' } };
  const { store, entries } = memoryStore(before, '/ws/c.yaml');
  await assert.rejects(writeAllOrNothing(store, '/ws', files), (error: unknown) => {
    assert.ok(error instanceof ScaffoldWriteError);
    assert.equal(error.message, 'Could not write c.yaml (disk full); nothing was written.');
    return true;
  });
  assert.deepEqual(Object.fromEntries(entries), { '/': { folder: true }, ...before });
});

test('a folder where a file should go stops the scaffold before anything is written', async () => {
  const { store, entries } = memoryStore({ '/ws': { folder: true }, '/ws/c.yaml': { folder: true } });
  await assert.rejects(writeAllOrNothing(store, '/ws', files), /c\.yaml is a folder; nothing was written\./);
  assert.deepEqual([...entries.keys()].sort(), ['/', '/ws', '/ws/c.yaml']);
});
