import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../core/size.js';
import { mayBeAdvisory } from './advisory-file.js';
import type { ImportLimits } from './limits.js';
import { zipEntries } from './zip.js';

/** One thing found under an import path: a file to read, one not worth reading, or a refusal. */
export type SourceItem =
  | { kind: 'file'; path: string; bytes: Buffer; mtime: Date }
  | { kind: 'skipped'; path: string }
  | { kind: 'rejected'; path: string; reason: string };

const isZip = (name: string) => /\.zip$/i.test(name);

/**
 * Every file under `root` (a file, a folder walked recursively, or a zip), in a stable order.
 * Hidden entries (`.git`) and symbolic links are not followed: a dump has neither, and
 * following links invites loops and reading outside the folder.
 */
export async function* sourceItems(root: string, limits: ImportLimits): AsyncGenerator<SourceItem> {
  if (statSync(root).isDirectory()) {
    for (const entry of walk(root)) {
      if (typeof entry === 'string') yield* fileItems(entry, limits);
      else yield entry;
    }
  } else {
    yield* fileItems(root, limits);
  }
}

async function* fileItems(path: string, limits: ImportLimits): AsyncGenerator<SourceItem> {
  if (isZip(path)) {
    for await (const { name, ...item } of zipEntries(path, limits, mayBeAdvisory)) {
      yield { ...item, path: `${path}!${name}` };
    }
    return;
  }
  if (!mayBeAdvisory(path)) {
    yield { kind: 'skipped', path };
    return;
  }
  yield readSource(path, limits);
}

function readSource(path: string, limits: ImportLimits): SourceItem {
  try {
    const st = statSync(path);
    if (st.size > limits.maxFileBytes) {
      const reason = `${formatBytes(st.size)}, more than the ${formatBytes(limits.maxFileBytes)} limit for one advisory`;
      return { kind: 'rejected', path, reason };
    }
    return { kind: 'file', path, bytes: readFileSync(path), mtime: st.mtime };
  } catch (e) {
    return { kind: 'rejected', path, reason: `cannot be read (${errorCode(e)})` };
  }
}

/** Paths of the files under `dir`, and a refusal for each folder that cannot be listed. */
function* walk(dir: string): Generator<string | SourceItem> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (e) {
    yield { kind: 'rejected', path: dir, reason: `folder cannot be read (${errorCode(e)})` };
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile()) yield path;
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
