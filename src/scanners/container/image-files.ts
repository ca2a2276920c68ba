import type { Diagnostic } from '../../core/diagnostic.js';
import { wantsHardeningFile } from './hardening/index.js';
import type { ContentOptions, FsEntry, LayeredFs, LayerFile, VisitOptions } from './image/index.js';
import {
  isBinaryCandidate,
  LANG_PACKAGE_READERS,
  type LangPackage,
  MAX_BINARY_BYTES,
  readLangPackages,
} from './lang-packages/index.js';
import { fileLayer } from './layer-origin.js';
import {
  isOsPackagePath,
  type OsPackage,
  type ReaderResult,
  readApkInstalled,
  readDpkgStatus,
  readRpmdbSqlite,
} from './os-packages/index.js';

/**
 * What the one pass over the layers keeps. Package databases, manifests, jars and the files the
 * hardening checks read are kept whole (jars can be large, so the caps are raised); binaries are
 * read as their layer streams by and only their packages are kept, since an image holds hundreds
 * of megabytes of them.
 */
export const IMAGE_CONTENTS: ContentOptions = {
  match: (path, entry) =>
    isOsPackagePath(path) ||
    wantsHardeningFile(path) ||
    LANG_PACKAGE_READERS.some((r) => r.name !== 'binary' && r.wants(path, entry)),
  maxFileBytes: MAX_BINARY_BYTES,
  maxTotalBytes: 1 << 30,
};

/** Databases whose every layer's version is read, to tell which layer installed each package. */
const LAYERED_DBS: Readonly<Record<string, (file: { path: string; content: Buffer }) => ReaderResult>> = {
  'var/lib/dpkg/status': readDpkgStatus,
  'lib/apk/db/installed': readApkInstalled,
  'var/lib/rpm/rpmdb.sqlite': readRpmdbSqlite,
  'usr/lib/sysimage/rpm/rpmdb.sqlite': readRpmdbSqlite,
};

const entryKey = (p: Pick<OsPackage, 'name' | 'version' | 'arch'>) => `${p.name}\0${p.version}\0${p.arch}`;

interface BinaryRead {
  layer: number;
  packages: LangPackage[];
  diagnostics: Diagnostic[];
}

/** Watches every layer's files as they stream by: package database versions and binaries. */
export class LayerWatcher {
  /** Per database: the entries of the latest version seen. */
  private readonly current = new Map<string, Set<string>>();
  /** Per database and entry: the layer of the version where it last appeared or changed. */
  private readonly introducedIn = new Map<string, number>();
  private readonly binaries = new Map<string, BinaryRead>();

  readonly visit: VisitOptions = {
    match: (path: string, entry: FsEntry) => path in LAYERED_DBS || isBinaryCandidate(path, entry),
    maxFileBytes: MAX_BINARY_BYTES,
    onFile: (file: LayerFile) => (file.path in LAYERED_DBS ? this.database(file) : this.binary(file)),
  };

  private database(file: LayerFile): void {
    if (file.truncated) return;
    const read = LAYERED_DBS[file.path]!;
    const keys = new Set(read({ path: file.path, content: file.content }).packages.map(entryKey));
    const before = this.current.get(file.path) ?? new Set();
    for (const k of keys) if (!before.has(k)) this.introducedIn.set(`${file.path}\0${k}`, file.layer);
    this.current.set(file.path, keys);
  }

  private async binary(file: LayerFile): Promise<void> {
    if (file.truncated) return;
    const { packages, diagnostics } = await readLangPackages(new Map([[file.path, file.content]]));
    if (packages.length > 0 || diagnostics.length > 0)
      this.binaries.set(file.path, { layer: file.layer, packages, diagnostics });
  }

  /** The layer that installed this version of the package, else the one that last wrote its database. */
  osPackageLayer(pkg: OsPackage, fs: LayeredFs): number | undefined {
    return this.introducedIn.get(`${pkg.source.path}\0${entryKey(pkg)}`) ?? fileLayer(fs, pkg.source.path);
  }

  /** Packages of the binaries the final filesystem has: versions later overwritten or deleted are not shipped. */
  binaryPackages(fs: LayeredFs): { packages: LangPackage[]; diagnostics: Diagnostic[] } {
    const shipped = [...this.binaries].filter(([path, read]) => fs.get(path)?.layer === read.layer);
    return {
      packages: shipped.flatMap(([, r]) => r.packages),
      diagnostics: shipped.flatMap(([, r]) => r.diagnostics),
    };
  }
}
