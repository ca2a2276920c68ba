import type { OsPackage } from './types.js';

/**
 * Which packages installed each path (relative to the image root, no leading slash), from the
 * `files` the databases recorded. Directories are shared by many packages, so each path maps
 * to every package that lists it; a path no package lists was added some other way.
 */
export function fileOwners(packages: readonly OsPackage[]): ReadonlyMap<string, readonly OsPackage[]> {
  const owners = new Map<string, OsPackage[]>();
  for (const pkg of packages) {
    for (const path of pkg.files ?? []) {
      const list = owners.get(path);
      if (list) list.push(pkg);
      else owners.set(path, [pkg]);
    }
  }
  return owners;
}
