import { linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { MiB, WORK } from './common.js';

/** A true subset of a tree: every k-th file (in path order), hard-linked, until `mib` MiB. */
export function subsetOf(tree: string, mib: number): { dir: string; bytes: number } {
  const files: { path: string; size: number }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push({ path: p, size: statSync(p).size });
    }
  };
  walk(tree);
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  const total = files.reduce((n, f) => n + f.size, 0);
  const step = Math.max(1, Math.round(total / (mib * MiB)));
  const dir = join(WORK, `${tree.split('/').pop()}-subset-${mib}MiB`);
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < files.length && bytes < mib * MiB; i += step) {
    const target = join(dir, relative(tree, files[i]!.path));
    mkdirSync(dirname(target), { recursive: true });
    linkSync(files[i]!.path, target);
    bytes += files[i]!.size;
  }
  return { dir, bytes };
}
