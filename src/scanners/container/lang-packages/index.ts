import type { Diagnostic } from '../../../core/diagnostic.js';
import type { ContentOptions, FsEntry } from '../image/index.js';
import { isBinaryCandidate, MAX_BINARY_BYTES, readBinary } from './binary.js';
import { isElf } from './elf.js';
import { errorMessage } from './error-message.js';
import { isJavaArchivePath, readJavaArchive } from './java-archive.js';
import { isNodePackagePath, readNodePackage } from './node-package.js';
import { isPythonPackagePath, onePerSitePackages, readPythonPackage } from './python-metadata.js';
import type { LangFile, LangPackage, LangResult } from './types.js';

/**
 * Language packages in a container image: what `node_modules` and `site-packages` hold, the
 * Maven artifacts in jars (nested ones too), and what Go and `cargo auditable` Rust binaries
 * record about the modules compiled into them. Each reader takes one file and never throws:
 * bad content becomes diagnostics naming the file.
 */
export { isBinaryCandidate, MAX_BINARY_BYTES, readBinary } from './binary.js';
export { type Elf, type ElfSection, type ElfSegment, parseElf } from './elf.js';
export { type GoBuildInfo, readGoBuildInfo } from './go-buildinfo.js';
export {
  type GoModInfo,
  type GoModule,
  goPackages,
  goToolchainVersion,
  parseGoModInfo,
} from './go-modinfo.js';
export { isJavaArchivePath, readJavaArchive } from './java-archive.js';
export { isNodePackagePath, readNodePackage } from './node-package.js';
export { isPythonPackagePath, onePerSitePackages, readPythonPackage } from './python-metadata.js';
export type * from './types.js';
export { ZIP_LIMITS } from './zip-archive.js';

type EntryInfo = Pick<FsEntry, 'mode' | 'size'>;

/** One kind of file holding language packages. */
export interface LangPackageReader {
  name: string;
  /** Whether the image reader should keep the file's bytes, from its path and metadata. */
  wants(path: string, entry: EntryInfo): boolean;
  /** Whether a kept file is this reader's to read. */
  owns(path: string, content: Buffer): boolean;
  read(file: LangFile): LangResult | Promise<LangResult>;
}

/** Every reader, in the order a kept file is offered to them; binaries, known by their bytes, last. */
export const LANG_PACKAGE_READERS: readonly LangPackageReader[] = [
  { name: 'node', wants: isNodePackagePath, owns: isNodePackagePath, read: readNodePackage },
  { name: 'python', wants: isPythonPackagePath, owns: isPythonPackagePath, read: readPythonPackage },
  { name: 'java', wants: isJavaArchivePath, owns: isJavaArchivePath, read: readJavaArchive },
  { name: 'binary', wants: isBinaryCandidate, owns: (_, content) => isElf(content), read: readBinary },
];

/** `/app/x`, `./app/x` → `app/x`: image readers differ in how they write paths. */
function normalizePath(path: string): string {
  return path.replace(/^(?:\.?\/)+/, '');
}

/** Whether the image reader should keep this file for `readLangPackages`. */
export function isLangPackageFile(path: string, entry: EntryInfo): boolean {
  const p = normalizePath(path);
  return LANG_PACKAGE_READERS.some((r) => r.wants(p, entry));
}

/**
 * What to pass to `readImageFilesystem` as `contents`: binaries and fat jars are large, so the
 * per-file cap is raised to the binary one (the collector reports every file it leaves out).
 */
export const LANG_PACKAGE_CONTENTS: ContentOptions = {
  match: isLangPackageFile,
  maxFileBytes: MAX_BINARY_BYTES,
};

/** Reads every file `isLangPackageFile` chose, by path relative to the image root. */
export async function readLangPackages(files: ReadonlyMap<string, Buffer>): Promise<LangResult> {
  let packages: LangPackage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [rawPath, content] of files) {
    const path = normalizePath(rawPath);
    const reader = LANG_PACKAGE_READERS.find((r) => r.owns(path, content));
    if (!reader) continue;
    const result = await readSafely(reader, { path, content });
    // concat, not push(...): a node_modules tree can hold more packages than a call has arguments.
    packages = packages.concat(result.packages);
    diagnostics.push(...result.diagnostics);
  }
  return { packages: onePerSitePackages(packages), diagnostics };
}

/** A reader that throws has a bug; the file is reported and the other files are still read. */
async function readSafely(reader: LangPackageReader, file: LangFile): Promise<LangResult> {
  try {
    return await reader.read(file);
  } catch (e) {
    const message = `the ${reader.name} reader failed on this file: ${errorMessage(e)}`;
    return {
      packages: [],
      diagnostics: [{ level: 'error', code: 'reader-failed', path: file.path, message }],
    };
  }
}
