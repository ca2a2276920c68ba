import type { FsEntry, LayeredFs } from '../image/index.js';

/** The directories of every distribution's default PATH: where a program is found by name. */
const PATH_DIRS = ['usr/local/sbin', 'usr/local/bin', 'usr/sbin', 'usr/bin', 'sbin', 'bin'];

export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** A file, or a symlink that leads to one inside the image (a dangling `npm` link runs nothing). */
export function leadsToFile(fs: LayeredFs, entry: FsEntry): boolean {
  if (entry.type === 'file' || entry.type === 'hardlink') return true;
  if (entry.type !== 'symlink') return false;
  const resolved = fs.resolve(entry.path);
  const type = resolved.ok ? fs.typeOf(resolved.path) : undefined;
  return type === 'file' || type === 'hardlink';
}

/**
 * The programs on the PATH whose name passes `match`. With merged /usr, `bin` is a symlink to
 * `usr/bin` and has no children of its own, so no program is listed twice.
 */
export function programsOnPath(fs: LayeredFs, match: (name: string) => boolean): FsEntry[] {
  return PATH_DIRS.flatMap((dir) =>
    fs.children(dir).filter((e) => match(baseName(e.path)) && leadsToFile(fs, e)),
  );
}
