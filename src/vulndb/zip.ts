import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { formatBytes } from '../core/size.js';
import { type ImportLimits, RATIO_FLOOR_BYTES } from './limits.js';

/** A zip that cannot be read safely as a whole: the import stops and names the reason. */
export class ZipError extends Error {
  constructor(zipPath: string, reason: string) {
    super(`${zipPath}: ${reason}`);
    this.name = 'ZipError';
  }
}

export type ZipItem =
  | { kind: 'file'; name: string; bytes: Buffer; mtime: Date }
  | { kind: 'skipped'; name: string }
  | { kind: 'rejected'; name: string; reason: string };

const openZip = promisify<string, yauzl.Options, ZipFile>(yauzl.open);

/**
 * The entries of a zip, one at a time, read from disk as they are needed: the archive is
 * never held in memory. Names are checked (no absolute paths, no `..`), and sizes are bounded
 * per entry, in total and in compression ratio, before anything is inflated.
 */
export async function* zipEntries(
  zipPath: string,
  limits: ImportLimits,
  wanted: (name: string) => boolean,
): AsyncGenerator<ZipItem> {
  const zip = await openZip(zipPath, { lazyEntries: true, autoClose: false, strictFileNames: true }).catch(
    (e: Error) => {
      throw new ZipError(zipPath, `not a readable zip archive (${e.message})`);
    },
  );
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new ZipError(
        zipPath,
        `${zip.entryCount} entries, more than the limit of ${limits.maxZipEntries}`,
      );
    }
    let total = 0;
    for (let entry = await nextEntry(zip, zipPath); entry; entry = await nextEntry(zip, zipPath)) {
      const name = entry.fileName;
      checkName(zipPath, name);
      if (name.endsWith('/')) continue;
      if (!wanted(name)) {
        yield { kind: 'skipped', name };
        continue;
      }
      total += entry.uncompressedSize;
      const problem = entryProblem(zipPath, entry, total, limits);
      if (problem) {
        yield { kind: 'rejected', name, reason: problem };
        continue;
      }
      yield {
        kind: 'file',
        name,
        bytes: await readEntry(zip, entry, zipPath, limits),
        mtime: entry.getLastModDate(),
      };
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: ZipFile, zipPath: string): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (e: Entry) => {
      done();
      resolve(e);
    };
    const onEnd = () => {
      done();
      resolve(undefined);
    };
    const onError = (e: Error) => {
      done();
      reject(new ZipError(zipPath, `damaged or unsafe archive (${e.message})`));
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** yauzl checks names too; this is the rule we rely on, stated where we can see it. */
function checkName(zipPath: string, name: string): void {
  const segments = name.split('/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || segments.includes('..')) {
    throw new ZipError(zipPath, `unsafe entry name '${name}' (absolute, or climbing out with '..')`);
  }
}

/**
 * Fatal problems (the archive as a whole is hostile) throw; a single oversized or encrypted
 * entry is only that entry's problem.
 */
function entryProblem(zipPath: string, e: Entry, total: number, limits: ImportLimits): string | undefined {
  if (total > limits.maxZipBytes) {
    throw new ZipError(
      zipPath,
      `expands to more than ${formatBytes(limits.maxZipBytes)}; refusing to read it`,
    );
  }
  const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
  if (e.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    throw new ZipError(
      zipPath,
      `entry '${e.fileName}' compresses ${Math.round(ratio)}:1, a compression bomb; refusing to read it`,
    );
  }
  if (e.isEncrypted()) return 'encrypted entry';
  if (e.uncompressedSize > limits.maxFileBytes) {
    return `${formatBytes(e.uncompressedSize)}, more than the ${formatBytes(limits.maxFileBytes)} limit for one advisory`;
  }
  if (!e.canDecodeFileData()) return `unsupported compression method ${e.compressionMethod}`;
  return undefined;
}

/** Inflates one entry, stopping at the declared size (yauzl also checks it matches). */
async function readEntry(zip: ZipFile, entry: Entry, zipPath: string, limits: ImportLimits): Promise<Buffer> {
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(new ZipError(zipPath, err.message)) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > Math.min(entry.uncompressedSize, limits.maxFileBytes)) {
        throw new ZipError(zipPath, `entry '${entry.fileName}' is larger than its header says`);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof ZipError) throw e;
    throw new ZipError(zipPath, `entry '${entry.fileName}' is damaged (${(e as Error).message})`);
  }
  return Buffer.concat(chunks, size);
}
