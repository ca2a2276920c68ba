import { posix } from 'node:path';
import { type RawParent, type RawPom, readPom } from './maven-pom.js';
import { LockfileError, type LockfileWarning } from './parser.js';

/** Real hierarchies are a few levels deep; the limit only stops hostile or broken trees. */
const MAX_PARENTS = 10;

/**
 * The local parents of a POM, nearest first, read through `readFile` the way Maven finds them:
 * `<relativePath>` (default `../pom.xml`, a folder means its pom.xml), and only if the file found
 * there has the declared groupId and artifactId. The chain stops at the first parent that is not
 * in the tree, with a warning: what that parent declares is unknown.
 */
export function localParents(
  pom: RawPom,
  readFile: (path: string) => string | undefined,
  warnings: LockfileWarning[],
): RawPom[] {
  const chain: RawPom[] = [];
  const seen = new Set([posix.normalize(pom.path)]);
  for (let current = pom; current.parent; ) {
    if (chain.length >= MAX_PARENTS) {
      warnings.push({ message: `more than ${MAX_PARENTS} parent POMs; the rest are not read` });
      break;
    }
    const parent = readParent(current, current.parent, readFile, seen, warnings);
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

function readParent(
  child: RawPom,
  declared: RawParent,
  readFile: (path: string) => string | undefined,
  seen: Set<string>,
  warnings: LockfileWarning[],
): RawPom | undefined {
  const coords = `${declared.groupId ?? '?'}:${declared.artifactId ?? '?'}:${declared.version ?? '?'}`;
  const notLocal = `parent ${coords} is not in the scanned tree: properties and versions it manages are unknown`;
  const path = parentPath(child.path, declared.relativePath);
  if (path === undefined || seen.has(path)) {
    warnings.push({
      message: path === undefined ? notLocal : `parent POM loop through ${path}; stopped there`,
    });
    return undefined;
  }
  const text = readFile(path);
  const parent = text === undefined ? undefined : tryReadPom(text, path, warnings);
  if (!parent || !isDeclaredParent(parent, declared)) {
    if (text !== undefined && parent)
      warnings.push({ message: `${path} is not the declared parent ${coords}`, path });
    warnings.push({ message: notLocal });
    return undefined;
  }
  seen.add(path);
  return parent;
}

/** Where Maven looks for the parent, relative to the scan root; undefined when it will not look or it is outside. */
function parentPath(childPath: string, relativePath: string | undefined): string | undefined {
  if (relativePath === '') return undefined;
  const rel = (relativePath ?? '../pom.xml').replace(/\\/g, '/');
  const target = posix.normalize(posix.join(posix.dirname(childPath), rel));
  const file = target.endsWith('.xml') ? target : posix.join(target, 'pom.xml');
  return file.startsWith('../') || posix.isAbsolute(file) ? undefined : file;
}

function tryReadPom(text: string, path: string, warnings: LockfileWarning[]): RawPom | undefined {
  try {
    return readPom(text, path);
  } catch (e) {
    if (!(e instanceof LockfileError)) throw e;
    warnings.push({ message: `parent POM ${path} cannot be read: ${e.message}`, path, line: e.line });
    return undefined;
  }
}

/** A POM inherits its groupId from its own parent when it does not declare one. */
function isDeclaredParent(found: RawPom, declared: RawParent): boolean {
  const groupId = found.groupId ?? found.parent?.groupId;
  return groupId === declared.groupId && found.artifactId === declared.artifactId;
}
