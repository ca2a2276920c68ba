import { constants, type Stats } from 'node:fs';
import { lstat, open, opendir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { diag } from './diagnostics.js';
import type { EntryContent, EntryType, LayerEntry } from './layer-entry.js';
import { joinPath } from './tar-path.js';

/**
 * An unpacked root filesystem, walked as if it were one layer. Everything is read with lstat
 * and opened with O_NOFOLLOW: a symlink in the folder is an entry to report, never a way out.
 */
export async function* rootfsEntries(root: string, diagnostics: Diagnostic[]): AsyncGenerator<LayerEntry> {
  const dirs = [''];
  while (dirs.length > 0) {
    const dir = dirs.pop()!;
    for (const name of await listDir(root, dir, diagnostics)) {
      const rel = joinPath(dir, name);
      const entry = await statEntry(root, rel, diagnostics);
      if (!entry) continue;
      if (entry.type === 'dir') dirs.push(rel);
      yield entry;
    }
  }
}

async function listDir(root: string, dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  try {
    const names: string[] = [];
    for await (const d of await opendir(join(root, dir))) names.push(d.name);
    return names.sort();
  } catch (err) {
    diagnostics.push(unreadable(root, dir, err));
    return [];
  }
}

async function statEntry(
  root: string,
  rel: string,
  diagnostics: Diagnostic[],
): Promise<LayerEntry | undefined> {
  const full = join(root, rel);
  try {
    const st = await lstat(full);
    const type = typeOf(st);
    return {
      name: rel,
      type,
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      size: type === 'file' ? st.size : 0,
      ...(type === 'symlink' ? { linkname: await readlink(full) } : {}),
      read: (max) => readNoFollow(full, max),
    };
  } catch (err) {
    diagnostics.push(unreadable(root, rel, err));
    return undefined;
  }
}

function typeOf(st: Stats): EntryType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  return 'other';
}

async function readNoFollow(file: string, max: number): Promise<EntryContent> {
  const fh = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const { size } = await fh.stat();
    const buf = Buffer.alloc(Math.min(size, max));
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { content: buf.subarray(0, got), truncated: size > max };
  } finally {
    await fh.close();
  }
}

function unreadable(root: string, rel: string, err: unknown): Diagnostic {
  const msg = `${root}: ${rel || '.'} could not be read (${(err as Error).message}); skipped`;
  return diag('warning', 'read-error', msg, rel || root);
}
