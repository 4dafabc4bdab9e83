// Locating plugin binaries the way libcni's invoke.FindInPath does: first directory wins.
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where distributions and installers put the reference plugins. */
export const DEFAULT_CNI_DIRS = ['/opt/cni/bin', '/usr/lib/cni', '/usr/libexec/cni'];

/** The given (or default) directories that exist, in order. */
export function findCniPath(dirs: string[] = DEFAULT_CNI_DIRS): string[] {
  return dirs.filter((dir) => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Absolute path of an executable regular file named `type` in the first directory holding one. */
export function findPluginBinary(type: string, cniPath: string[]): string | undefined {
  for (const dir of cniPath) {
    const file = join(dir, type);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here, or not executable: keep looking like libcni does
    }
  }
  return undefined;
}

/** `name` found on PATH or in the sbin directories a non-login root shell may lack. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return findPluginBinary(name, dirs);
}
