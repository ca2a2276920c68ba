/**
 * Paths inside an image are root-relative with no leading `/` or `./` (`etc/passwd`); the root
 * itself is ''. Names come from untrusted tar headers, so normalising is also where an entry
 * that would land outside the root is caught.
 */

/** The normalised path, or undefined when `..` would climb above the root. */
export function normaliseEntryPath(name: string): string | undefined {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else {
      out.push(part);
    }
  }
  return out.join('/');
}

/** True when the relative target of a symlink at `path` points above the image root. */
export function symlinkEscapes(path: string, target: string): boolean {
  if (target.startsWith('/')) return false;
  return normaliseEntryPath(joinPath(parentOf(path), target)) === undefined;
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
