import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { errorMessage } from './error-message.js';

/**
 * Zip archives (jars) read from memory, never extracted: entry names are only ever strings
 * (a `../../etc/passwd` entry is harmless), and every inflate is bounded before it starts.
 */
export const ZIP_LIMITS = {
  /** A Spring Boot fat jar has ~20k entries; a central directory claiming more is refused. */
  maxEntries: 200_000,
  /** pom.properties and MANIFEST.MF are a few hundred bytes. */
  maxMetadataBytes: 1 << 20,
  /** The largest nested jar read (real libraries stay well under 100 MB). */
  maxNestedBytes: 128 << 20,
  /** Inflated across an archive and everything nested in it: a jar of jars of jars stops here. */
  maxInflatedBytes: 512 << 20,
  /** Nested archives opened under one file, at any depth. */
  maxArchives: 5_000,
  /** Entries listed across a file and its nested archives: thousands of nested jars of 200k entries each would never end. */
  maxTotalEntries: 1_000_000,
  /** `app.ear!lib/x.war!WEB-INF/lib/y.jar` is depth 2; real layouts never go past 3. */
  maxDepth: 4,
  /** Archives inside archives are stored or barely compressed; a higher ratio is a zip bomb. */
  maxNestedRatio: 100,
};

/** Shared by an archive and everything nested in it. */
export interface ZipBudget {
  inflated: number;
  archives: number;
  entries: number;
}

export async function openZip(content: Buffer): Promise<ZipFile> {
  return yauzl.fromBufferPromise(content, {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: true,
  });
}

/** Names are left undecoded by yauzl so it does not refuse the whole archive over one unsafe name. */
export function entryName(entry: Entry): string {
  return entry.fileNameRaw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
}

/** Why an entry must not be inflated, before anything is. */
function refusal(entry: Entry, max: number, budget: ZipBudget): string | undefined {
  if (entry.isEncrypted()) return 'encrypted';
  if (!entry.canDecodeFileData()) return `compression method ${entry.compressionMethod} is not supported`;
  if (entry.uncompressedSize > max)
    return `${entry.uncompressedSize} bytes inflated, over the ${max}-byte limit`;
  if (budget.inflated + entry.uncompressedSize > ZIP_LIMITS.maxInflatedBytes) {
    return `the ${ZIP_LIMITS.maxInflatedBytes}-byte limit on bytes inflated from this file is reached`;
  }
  return undefined;
}

/** The entry's bytes, or why they were not read. */
export async function readEntry(
  zip: ZipFile,
  entry: Entry,
  max: number,
  budget: ZipBudget,
): Promise<Buffer | string> {
  const refused = refusal(entry, max, budget);
  if (refused) return refused;
  budget.inflated += entry.uncompressedSize;
  let stream: Readable | undefined;
  try {
    stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // yauzl checks this too; the loop must not trust that a library caught it.
      if (size > entry.uncompressedSize) return 'inflates to more than its header says';
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
  } catch (e) {
    return `damaged: ${errorMessage(e)}`;
  } finally {
    stream?.destroy();
  }
}
