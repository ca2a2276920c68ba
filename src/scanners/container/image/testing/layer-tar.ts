import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { type Header, pack } from 'tar-stream';
import type { Compression } from '../decompress.js';

/**
 * What a layer holds, by tar name, in tar order: a string or Buffer is a regular file; the
 * object forms set mode and owner, or make a directory, symlink, hard link or fifo.
 */
export type FileSpec =
  | string
  | Buffer
  | { content?: string | Buffer; mode?: number; uid?: number; gid?: number }
  | { dir: true; mode?: number; uid?: number; gid?: number }
  | { symlink: string }
  | { hardlink: string }
  | { fifo: true };

const ZSTD = '/usr/bin/zstd';
/** fzstd only decompresses, so zstd fixtures need the zstd program. */
export const zstdAvailable = existsSync(ZSTD);

const EPOCH = new Date(0);

export async function packLayer(files: Record<string, FileSpec>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of p) chunks.push(chunk as Buffer);
  })();
  for (const [name, spec] of Object.entries(files)) {
    const [header, body] = entryOf(name, spec);
    await new Promise<void>((resolve, reject) => {
      p.entry(header, body ?? '', (err) => (err ? reject(err) : resolve()));
    });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

function entryOf(name: string, spec: FileSpec): [Header & { name: string }, Buffer | string | undefined] {
  const base = { name, mtime: EPOCH, uid: 0, gid: 0 } as Header;
  if (typeof spec === 'string' || Buffer.isBuffer(spec))
    return [{ ...base, type: 'file', mode: 0o644 }, spec];
  if ('symlink' in spec)
    return [{ ...base, type: 'symlink', linkname: spec.symlink, mode: 0o777 }, undefined];
  if ('hardlink' in spec) return [{ ...base, type: 'link', linkname: spec.hardlink, mode: 0o644 }, undefined];
  if ('fifo' in spec) return [{ ...base, type: 'fifo', mode: 0o644 }, undefined];
  const owner = { uid: spec.uid ?? 0, gid: spec.gid ?? 0 };
  if ('dir' in spec) return [{ ...base, ...owner, type: 'directory', mode: spec.mode ?? 0o755 }, undefined];
  return [{ ...base, ...owner, type: 'file', mode: spec.mode ?? 0o644 }, spec.content ?? ''];
}

export function compress(tar: Buffer, how: Compression): Buffer {
  if (how === 'gzip') return gzipSync(tar);
  if (how === 'none') return tar;
  const out = spawnSync(ZSTD, ['-q', '-c', '-'], { input: tar, maxBuffer: 1 << 30 });
  if (out.status !== 0) throw new Error(`zstd failed: ${out.stderr.toString()}`);
  return out.stdout;
}

export const LAYER_MEDIA_TYPES: Record<Compression, string> = {
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.oci.image.layer.v1.tar',
};
