import { createReadStream } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { BlobRef } from './model.js';
import type { TarIndex } from './tar-index.js';
import { normaliseEntryPath } from './tar-path.js';

/** The files of an image layout, whether they sit in a folder or inside a tar. */
export interface BlobStore {
  readonly path: string;
  readonly archive: boolean;
  /** Where the file with this layout-relative name lies, or undefined when the layout lacks it. */
  locate(name: string): Promise<BlobRef | undefined>;
}

export function tarStore(index: TarIndex): BlobStore {
  return {
    path: index.file,
    archive: true,
    locate: async (name) => {
      const key = normaliseEntryPath(name);
      return key ? index.members.get(key) : undefined;
    },
  };
}

/** A layout folder: a name may be a symlink (some tools dedupe blobs), but only to a file inside it. */
export function folderStore(root: string, label = root): BlobStore {
  let realRoot: Promise<string> | undefined;
  return {
    path: label,
    archive: false,
    locate: async (name) => {
      const key = normaliseEntryPath(name);
      if (!key) return undefined;
      realRoot ??= realpath(root);
      const file = await insideRoot(await realRoot, join(root, key));
      if (!file) return undefined;
      const st = await lstat(file);
      return st.isFile() ? { file, offset: 0, size: st.size } : undefined;
    },
  };
}

async function insideRoot(realRoot: string, file: string): Promise<string | undefined> {
  try {
    const real = await realpath(file);
    return real.startsWith(realRoot + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The first `max` bytes of a blob (all of it when smaller). */
export async function readBlob(ref: BlobRef, max: number): Promise<Buffer> {
  const length = Math.min(ref.size, max);
  const fh = await open(ref.file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, ref.offset);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export function openBlob(ref: BlobRef): Readable {
  if (ref.size === 0) return Readable.from([]);
  return createReadStream(ref.file, { start: ref.offset, end: ref.offset + ref.size - 1 });
}
