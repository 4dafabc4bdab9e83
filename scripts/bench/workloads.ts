// Writes the benchmark's workloads into .bench/ (ignored by git): two multi-document files and a
// folder of manifests, plus workloads.json describing them (documents, lines, seeded mistakes).
// Run alone: node --import tsx scripts/bench/workloads.ts [--quick] [--out DIR]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateDocuments, generateFolder, joinDocuments, type JoinedFile } from './generate';

export const SEED = 0xc41c17;

export interface WorkloadSizes { small: number; large: number; folderFiles: number }
export const fullSizes: WorkloadSizes = { small: 500, large: 2000, folderFiles: 10000 };
export const quickSizes: WorkloadSizes = { small: 150, large: 400, folderFiles: 500 };

export interface FileWorkload extends JoinedFile { path: string; documents: number; bytes: number }
export interface FolderWorkload {
  path: string;
  files: number;
  documents: number;
  networkingDocuments: number;
  lines: number;
  mistakes: number;
  /** A Service file and an Ingress file of the same application (for the index-update measure). */
  probe: { service: string; ingress: string; portName: string };
}
export interface Workloads { dir: string; small: FileWorkload; large: FileWorkload; folder: FolderWorkload }

function writeFileWorkload(dir: string, name: string, count: number): FileWorkload {
  const joined = joinDocuments(generateDocuments(count, { seed: SEED }));
  const path = join(dir, name);
  writeFileSync(path, joined.text);
  return { ...joined, path, documents: count, bytes: Buffer.byteLength(joined.text) };
}

function writeFolderWorkload(dir: string, fileCount: number): FolderWorkload {
  const root = join(dir, `folder-${fileCount}`);
  rmSync(root, { recursive: true, force: true });
  const files = generateFolder(fileCount, { seed: SEED + 1, extras: true });
  let documents = 0, networkingDocuments = 0, lines = 0, mistakes = 0;
  const made = new Set<string>();
  let probe: FolderWorkload['probe'] | undefined;
  for (const file of files) {
    const joined = joinDocuments(file.docs);
    const path = join(root, file.path);
    const folder = dirname(path);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true }), made.add(folder);
    writeFileSync(path, joined.text);
    documents += file.docs.length;
    networkingDocuments += file.docs.filter((d) => d.kind !== 'ConfigMap' && d.kind !== 'ServiceAccount').length;
    lines += joined.lineCount;
    mistakes += joined.mistakes.length;
    // The first application whose Ingress names its Service's port by name, with no mistakes.
    if (!probe && file.path.endsWith('/ingress.yaml') && joined.mistakes.length === 0) {
      const portName = /^\s+name: ([a-z]+)$/m.exec(joined.text.split('port:').slice(1).join('port:'))?.[1];
      const dirOf = file.path.slice(0, file.path.lastIndexOf('/'));
      const service = files.find((f) => f.path.startsWith(dirOf + '/') && f.docs.some((d) => d.kind === 'Service') && !f.docs.some((d) => d.mistake));
      if (portName && service) probe = { service: join(root, service.path), ingress: path, portName };
    }
  }
  if (!probe) throw new Error('workloads: no Ingress/Service pair for the index-update probe');
  return { path: root, files: files.length, documents, networkingDocuments, lines, mistakes, probe };
}

export function writeWorkloads(dir: string, sizes: WorkloadSizes): Workloads {
  mkdirSync(dir, { recursive: true });
  const small = writeFileWorkload(dir, `k8s-${sizes.small}.yaml`, sizes.small);
  const large = writeFileWorkload(dir, `k8s-${sizes.large}.yaml`, sizes.large);
  const folder = writeFolderWorkload(dir, sizes.folderFiles);
  const summary = (w: FileWorkload) => ({ path: w.path, documents: w.documents, lines: w.lineCount, bytes: w.bytes, mistakes: w.mistakes });
  writeFileSync(join(dir, 'workloads.json'), JSON.stringify({ seed: SEED, small: summary(small), large: summary(large), folder }, null, 2) + '\n');
  return { dir, small, large, folder };
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const quick = process.argv.includes('--quick');
  const outIndex = process.argv.indexOf('--out');
  const dir = resolve(outIndex > 0 ? process.argv[outIndex + 1] : '.bench');
  const started = performance.now();
  const w = writeWorkloads(dir, quick ? quickSizes : fullSizes);
  for (const f of [w.small, w.large]) console.log(`${f.path}: ${f.documents} documents, ${f.lineCount} lines, ${f.mistakes.length} seeded mistakes`);
  console.log(`${w.folder.path}: ${w.folder.files} files, ${w.folder.documents} documents (${w.folder.networkingDocuments} networking), ${w.folder.mistakes} seeded mistakes`);
  console.log(`generated in ${Math.round(performance.now() - started)} ms`);
}
