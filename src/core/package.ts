/**
 * OSV ecosystem names, exactly as OSV spells them: the vulnerability database is keyed by
 * them, so parsers, matchers and SBOMs agree without translation.
 */
export const ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'RubyGems',
  'Packagist',
  'Maven',
  'NuGet',
  'Hex',
  'Pub',
  'Debian',
  'Ubuntu',
  'Alpine',
  'Red Hat',
  'Rocky Linux',
  'AlmaLinux',
  'Amazon Linux',
] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/** A place in a file of the scan: the lockfile (or manifest, SBOM, image layer), or a file it includes. */
export interface PackageSource {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  line?: number;
}

export interface PackageHash {
  /** CycloneDX algorithm names: `SHA-1`, `SHA-256`, `SHA-512`, `MD5`. */
  alg: string;
  /** Hex digest. */
  value: string;
}

/** One installed (or declared) package version. */
export interface Package {
  ecosystem: Ecosystem;
  /** As the ecosystem spells it; Maven is `group:artifact`, Go the module path. */
  name: string;
  /** The exact version, or '' when only a range is known (then `resolved` is false). */
  version: string;
  /** False when the file gives a range or nothing (`>=2.0`, `^1.2`): never matched as an exact version. */
  resolved: boolean;
  /** The declared range or constraint when not resolved, for the report. */
  constraint?: string;
  /** Package URL (https://github.com/package-url/purl-spec). */
  purl: string;
  /** Declared by the project itself (true), pulled in by another package (false), unknown (undefined). */
  direct?: boolean;
  /** Only needed to develop or test (devDependencies, dev groups, test scope). */
  dev?: boolean;
  /** Dependency groups as the ecosystem names them (`dev`, `test`, `optional`, poetry groups…). */
  groups?: string[];
  /**
   * The lockfile or manifest whose parse reported the package (the file the scan found; keys
   * and `dependsOn` are unique within it). For a package written in a file that one includes,
   * `line` is that of the include (`-r base.txt`) and `declaredIn` says where the entry is.
   */
  source: PackageSource;
  /** The file and line of the entry, when another file than `source.path` (a `-r` include). */
  declaredIn?: PackageSource;
  /** PEP 508 environment markers as written (`python_version < "3.8"`): installed only where they hold. */
  markers?: string;
  /** Declared licenses, each an SPDX expression or the raw text when it is not one. */
  licenses?: string[];
  hashes?: PackageHash[];
  /** `key`s of the packages this one depends on, in the same file. */
  dependsOn?: string[];
  /** Unique within its file (e.g. `node_modules/a/node_modules/b`, or `name@version`); graph edges use it. */
  key: string;
}

/**
 * Where a developer changes the package: its entry, in an included file if that is where it is
 * written. Findings point here, so one pin included by two requirements files is one finding.
 */
export function declarationOf(pkg: Pick<Package, 'source' | 'declaredIn'>): PackageSource {
  return pkg.declaredIn ?? pkg.source;
}
