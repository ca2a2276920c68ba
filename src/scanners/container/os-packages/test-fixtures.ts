import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../../../core/package-root.js';

/** Test helpers: the fixture images as path → bytes maps, and hand-built rpm headers. */

export const FIXTURES = join(packageRoot(), 'test/fixtures/container/os-packages');

/** Every file under a fixture folder, keyed as an image reader would key it (relative, POSIX). */
export function fixtureFiles(folder: string): Map<string, Buffer> {
  const root = join(FIXTURES, folder);
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(root, full).split('\\').join('/'), readFileSync(full));
    }
  };
  walk(root);
  return files;
}

export type HeaderValue = string | string[] | number[];

export interface HeaderEntry {
  tag: number;
  value: HeaderValue;
  /** Defaults: 6 (STRING) for a string, 8 (STRING_ARRAY) for string[], 4 (INT32) for number[]. */
  type?: number;
}

function encode(value: HeaderValue): Buffer {
  if (typeof value === 'string') return Buffer.from(`${value}\u0000`);
  if (value.every((v) => typeof v === 'string')) return Buffer.from(value.map((v) => `${v}\u0000`).join(''));
  const out = Buffer.alloc(value.length * 4);
  for (const [i, v] of value.entries()) out.writeInt32BE(v as number, i * 4);
  return out;
}

function typeOf(value: HeaderValue): number {
  if (typeof value === 'string') return 6;
  return value.every((v) => typeof v === 'string') ? 8 : 4;
}

/** An rpmdb header blob (no magic) holding the entries, INT32 data aligned as rpm aligns it. */
export function buildHeader(entries: HeaderEntry[]): Buffer {
  const index = Buffer.alloc(8 + entries.length * 16);
  const chunks: Buffer[] = [];
  let size = 0;
  entries.forEach((entry, i) => {
    const type = entry.type ?? typeOf(entry.value);
    if (type === 4 && size % 4 !== 0) {
      chunks.push(Buffer.alloc(4 - (size % 4)));
      size += 4 - (size % 4);
    }
    const data = encode(entry.value);
    const count = typeof entry.value === 'string' ? 1 : entry.value.length;
    index.writeInt32BE(entry.tag, 8 + i * 16);
    index.writeUInt32BE(type, 12 + i * 16);
    index.writeInt32BE(size, 16 + i * 16);
    index.writeUInt32BE(count, 20 + i * 16);
    chunks.push(data);
    size += data.length;
  });
  index.writeUInt32BE(entries.length, 0);
  index.writeUInt32BE(size, 4);
  return Buffer.concat([index, ...chunks]);
}

/** The entries of a plain package: name, version, release, arch, and more as given. */
export function packageEntries(name: string, extra: HeaderEntry[] = []): HeaderEntry[] {
  return [
    { tag: 1000, value: name },
    { tag: 1001, value: '1.0' },
    { tag: 1002, value: '1.el9' },
    { tag: 1022, value: 'x86_64' },
    ...extra,
  ];
}
