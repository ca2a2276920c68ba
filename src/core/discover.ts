import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Diagnostic } from './diagnostic.js';
import type { FileEntry } from './scanner.js';

export interface DiscoverOptions {
  /** Glob patterns (relative to root) to leave out, from config and flags. */
  exclude: readonly string[];
  maxFileSize: number;
  respectGitignore: boolean;
}

export interface Discovery {
  files: FileEntry[];
  diagnostics: Diagnostic[];
  bytes: number;
  skipped: number;
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

/** Directories that are never part of the code under review. */
const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

/**
 * The single walk of a target. Symbolic links are never followed (a link inside the root
 * points at a file the walk reaches anyway; one outside must not be read), so link loops
 * cannot happen; directory identities are tracked as well to survive bind-mount loops.
 */
export function discover(root: string, opts: DiscoverOptions): Discovery {
  const out: Discovery = { files: [], diagnostics: [], bytes: 0, skipped: 0 };
  if (isFile(root)) {
    const size = statSync(root).size;
    out.files.push({ path: basename(root), absPath: root, size });
    out.bytes = size;
    return out;
  }
  const excluded = opts.exclude.length > 0 ? picomatch([...opts.exclude], { dot: true }) : () => false;
  const seenDirs = new Set<string>();
  const layers: IgnoreLayer[] = [];
  if (opts.respectGitignore) {
    const rules = readIgnoreFile(join(root, '.git', 'info', 'exclude'));
    if (rules) layers.push({ dir: '', rules });
  }
  walkDir(root, '', { root, opts, out, excluded, seenDirs, layers });
  out.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

interface WalkState {
  root: string;
  opts: DiscoverOptions;
  out: Discovery;
  excluded: (p: string) => boolean;
  seenDirs: Set<string>;
  layers: IgnoreLayer[];
}

function walkDir(abs: string, rel: string, st: WalkState): void {
  const id = dirIdentity(abs);
  if (id === undefined || st.seenDirs.has(id)) return;
  st.seenDirs.add(id);
  let entries: Dirent[];
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    st.out.skipped++;
    st.out.diagnostics.push(readError(rel || '.', e));
    return;
  }
  const pushed = st.opts.respectGitignore ? pushIgnoreLayer(abs, rel, st.layers) : false;
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) visitEntry(abs, rel, entry, st);
  if (pushed) st.layers.pop();
}

function visitEntry(dirAbs: string, dirRel: string, entry: Dirent, st: WalkState): void {
  const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
  const abs = join(dirAbs, entry.name);
  if (entry.isSymbolicLink()) return;
  if (entry.isDirectory()) {
    if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(`${rel}/`, st) || st.excluded(rel)) return;
    walkDir(abs, rel, st);
    return;
  }
  if (!entry.isFile() || isIgnored(rel, st) || st.excluded(rel)) return;
  addFile(abs, rel, st);
}

function addFile(abs: string, rel: string, st: WalkState): void {
  let size: number;
  try {
    size = statSync(abs).size;
  } catch (e) {
    st.out.skipped++;
    st.out.diagnostics.push(readError(rel, e));
    return;
  }
  if (size > st.opts.maxFileSize) {
    st.out.skipped++;
    st.out.diagnostics.push({
      level: 'warning',
      code: 'file-too-large',
      path: rel,
      message: `skipped: ${size} bytes is over max_file_size (${st.opts.maxFileSize}); raise max_file_size in gatehouse.yml to scan it`,
    });
    return;
  }
  st.out.files.push({ path: rel, absPath: abs, size });
  st.out.bytes += size;
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

function dirIdentity(abs: string): string | undefined {
  try {
    const s = statSync(abs, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

function readIgnoreFile(path: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function pushIgnoreLayer(abs: string, rel: string, layers: IgnoreLayer[]): boolean {
  const rules = readIgnoreFile(join(abs, '.gitignore'));
  if (!rules) return false;
  layers.push({ dir: rel, rules });
  return true;
}

function isIgnored(rel: string, st: WalkState): boolean {
  for (const layer of st.layers) {
    const sub = layer.dir ? rel.slice(layer.dir.length + 1) : rel;
    if (sub && layer.rules.ignores(sub)) return true;
  }
  return false;
}

function readError(rel: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  if (rel.includes('\uFFFD')) {
    // readdir decodes names as UTF-8; a name that is not cannot be opened again by that string.
    return {
      level: 'warning',
      code: 'invalid-file-name',
      path: rel,
      message: 'file name is not valid UTF-8; skipped',
    };
  }
  return { level: 'warning', code: 'read-error', path: rel, message: `cannot read (${code}); skipped` };
}

/** Relative POSIX path of `abs` under `root`. */
export function toRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}
