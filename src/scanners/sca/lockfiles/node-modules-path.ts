/** The package name an install path ends with: `node_modules/@a/b/node_modules/c` gives `c`. */
export function nameFromInstallPath(path: string): string | undefined {
  const i = path.lastIndexOf('node_modules/');
  if (i === -1 || (i > 0 && path[i - 1] !== '/')) return undefined;
  const name = path.slice(i + 'node_modules/'.length);
  return name === '' ? undefined : name;
}

interface Installed {
  path: string;
  /** The folder whose node_modules holds it ('' for the top level). */
  folder: string;
}

/** True when `folder` is `from` or one of the folders above it. */
function encloses(folder: string, from: string): boolean {
  if (folder === '' || folder === from) return true;
  return from.length > folder.length && from.charCodeAt(folder.length) === 47 && from.startsWith(folder);
}

/**
 * Node's module resolution over the install paths an npm lockfile lists: a package at
 * `node_modules/a` asking for `b` gets `node_modules/a/node_modules/b` when that exists, else
 * the one in the nearest enclosing folder's node_modules. Indexed by name, so a lookup costs
 * one map access however deep the tree.
 */
export function installPathResolver(
  paths: Iterable<string>,
): (from: string, name: string) => string | undefined {
  const byName = new Map<string, Installed[]>();
  for (const path of paths) {
    const name = nameFromInstallPath(path);
    if (name === undefined) continue;
    const folder = path.slice(0, Math.max(0, path.length - name.length - '/node_modules/'.length));
    const list = byName.get(name);
    if (list) list.push({ path, folder });
    else byName.set(name, [{ path, folder }]);
  }
  return (from, name) => {
    let best: Installed | undefined;
    for (const c of byName.get(name) ?? []) {
      if (encloses(c.folder, from) && (!best || c.folder.length > best.folder.length)) best = c;
    }
    return best?.path;
  };
}
