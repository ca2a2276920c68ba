import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Ecosystem, Package } from '../../../core/package.js';

/** The package formats of the OS databases Gatehouse reads, named as their purl types. */
export type PackageFormat = 'deb' | 'apk' | 'rpm';

/** One file of the image: its path relative to the image root (no leading slash) and its bytes. */
export interface DbFile {
  path: string;
  content: Buffer;
}

/** The image files an OS database reader may read, by path relative to the image root. */
export type ImageFiles = ReadonlyMap<string, Buffer>;

/**
 * A package the OS package manager installed. `name` and `version` are the binary package's;
 * OSV's Debian, Ubuntu, Alpine, Rocky and AlmaLinux advisories name the source package, so
 * matching reads `sourceName` and `sourceVersion` too. `source.path` is the database file.
 */
export interface OsPackage extends Package {
  /** Debian `Source`, apk origin (`o:`), the name in rpm's SOURCERPM; the package itself when absent. */
  sourceName: string;
  /** Differs from `version` for Debian binNMUs (`5.2.15-2+b8` built from source `5.2.15-2`). */
  sourceVersion: string;
  /** As the database spells it (`amd64`, `all`, `x86_64`, `noarch`); '' when it says nothing. */
  arch: string;
  /** rpm VENDOR: third-party rpms (not the distribution's) are not covered by its advisories. */
  vendor?: string;
  /**
   * Paths the package installed, relative to the image root without a leading slash,
   * directories included, when the database (or the dpkg file lists given) records them.
   */
  files?: string[];
}

export interface ReaderResult {
  packages: OsPackage[];
  diagnostics: Diagnostic[];
}

/** How a reader names its packages: the ecosystem they are matched in and their purl. */
export interface PackageContext {
  ecosystem: Ecosystem;
  /**
   * Set only for a distribution without its own OSV ecosystem (Fedora, CentOS…): its
   * os-release ID becomes the purl namespace instead of the ecosystem's (`pkg:rpm/fedora/…`).
   */
  purlNamespace?: string;
  /** The purl `distro` qualifier (`debian-12`, `3.19.1`, `rhel-9.3`). */
  purlDistro?: string;
}

/** The operating system of an image, from its os-release file or a distribution's release file. */
export interface OsInfo {
  known: true;
  /** os-release ID (`debian`, `ubuntu`, `alpine`, `rhel`, `rocky`, `almalinux`, `amzn`, `fedora`…). */
  id: string;
  /** os-release ID_LIKE, split: how a derivative says which family it belongs to. */
  idLike: string[];
  versionId?: string;
  versionCodename?: string;
  prettyName: string;
  /** The package format of the distribution's own package manager, when Gatehouse knows it. */
  family?: PackageFormat;
  /** The OSV ecosystem of its advisories; absent when OSV has none (Fedora, CentOS, SUSE…). */
  ecosystem?: Ecosystem;
  /**
   * The release as OSV advisories name it (Debian `12`, Ubuntu `22.04`, Alpine `v3.19`,
   * Red Hat/Rocky/Alma `9`, Amazon Linux `2` or `2023`); absent when there is none to give.
   */
  release?: string;
  /** Why `release` is absent for a distribution that has an ecosystem (Debian testing, Alpine edge). */
  releaseNote?: string;
  /** Google distroless: Debian packages described in `var/lib/dpkg/status.d`, no dpkg. */
  distroless: boolean;
  /** The file the OS was read from. */
  path: string;
  /** The purl `distro` qualifier of its packages. */
  purlDistro?: string;
}

/** No OS files at all: a scratch image, a lone static binary. */
export interface UnknownOs {
  known: false;
}

export type DetectedOs = OsInfo | UnknownOs;

export interface PathOptions {
  /** Also the per-package file lists (dpkg `info/*.list`), for telling which package owns a file. */
  fileLists?: boolean;
}

/** One kind of OS package database: the files it is read from, and its reader. */
export interface OsPackageDb {
  /** `dpkg`, `apk`, `rpm`. */
  name: string;
  format: PackageFormat;
  /** Whether the image reader should collect this file (relative to the root) for the database. */
  wants(path: string, options?: PathOptions): boolean;
  /** Its packages in the image, or undefined when the image has none of its files. */
  read(files: ImageFiles, os: DetectedOs): ReaderResult | undefined;
}
