import { explain } from '@renovatebot/pep440';
import type { Package, PackageHash, PackageSource } from '../../../core/package.js';
import { redactUrlCredentials } from './lockfile-text.js';
import type { LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';

/** PEP 503: names compare case-insensitively with runs of `-`, `_` and `.` as one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** PEP 508 project name: letters and digits, with `-`, `_`, `.` only inside. */
export const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** Parsers ask for the same version several times (key, package, graph); bounded so a hostile file cannot grow it. */
const CANONICAL_CACHE_SIZE = 10_000;
const canonicalCache = new Map<string, string | undefined>();

/**
 * The canonical PEP 440 spelling (`1.2-alpha` → `1.2a0`), or undefined for a string that is not
 * a PEP 440 version. The local segment is rebuilt here because the library joins it with commas.
 */
export function normalizePep440(version: string): string | undefined {
  const cached = canonicalCache.get(version);
  if (cached !== undefined || canonicalCache.has(version)) return cached;
  const parsed = explain(version.trim());
  const canonical = parsed ? (parsed.local ? `${parsed.public}+${parsed.local}` : parsed.public) : undefined;
  if (canonicalCache.size >= CANONICAL_CACHE_SIZE) canonicalCache.clear();
  canonicalCache.set(version, canonical);
  return canonical;
}

/**
 * Whether a name read from a lockfile can be a package: anything else is reported and skipped
 * rather than given a purl that points nowhere.
 */
export function isPypiName(name: string, warnings: LockfileWarning[], line?: number): boolean {
  if (PYPI_NAME.test(name)) return true;
  warnings.push({ message: `"${name.slice(0, 100)}" is not a valid package name; skipped`, line });
  return false;
}

export interface PypiFields {
  name: string;
  /** Exact version as the file gives it; '' when only a constraint is known. */
  version: string;
  path: string;
  line?: number;
  constraint?: string;
  direct?: boolean;
  dev?: boolean;
  groups?: string[];
  hashes?: PackageHash[];
  dependsOn?: string[];
  /** Where the entry is written when not in `path` (a `-r` include): `line` is then the include's. */
  declaredIn?: PackageSource;
  markers?: string;
}

/** The key every Python parser uses, so graph edges can be built from names and versions alone. */
export function pypiKey(name: string, version: string): string {
  const normalized = normalizePypiName(name);
  return version ? `${normalized}@${normalizePep440(version) ?? version.trim()}` : normalized;
}

/**
 * A PyPI package with its version canonicalised. A version that is not PEP 440 (legacy
 * releases such as `2004d`) is kept as written and reported, because the matcher cannot order it.
 */
export function pypiPackage(fields: PypiFields, warnings: LockfileWarning[]): Package {
  const version = fields.version ? canonicalVersion(fields, warnings) : '';
  const pkg: Package = {
    ecosystem: 'PyPI',
    name: fields.name,
    version,
    resolved: version !== '',
    purl: purlFor('PyPI', fields.name, version),
    source: fields.line === undefined ? { path: fields.path } : { path: fields.path, line: fields.line },
    key: pypiKey(fields.name, version),
  };
  if (!version && fields.constraint) pkg.constraint = redactUrlCredentials(fields.constraint);
  assignOptional(pkg, fields);
  return pkg;
}

function canonicalVersion(fields: PypiFields, warnings: LockfileWarning[]): string {
  const canonical = normalizePep440(fields.version);
  if (canonical !== undefined) return canonical;
  warnings.push({
    message: `${fields.name} ${fields.version}: not a PEP 440 version, so it cannot be compared with advisory ranges`,
    ...(fields.declaredIn ?? { line: fields.line }),
  });
  return fields.version.trim();
}

function assignOptional(pkg: Package, fields: PypiFields): void {
  if (fields.direct !== undefined) pkg.direct = fields.direct;
  if (fields.dev !== undefined) pkg.dev = fields.dev;
  if (fields.groups?.length) pkg.groups = [...new Set(fields.groups)].sort();
  if (fields.hashes?.length) pkg.hashes = fields.hashes;
  if (fields.dependsOn?.length) pkg.dependsOn = [...new Set(fields.dependsOn)].sort();
  if (fields.declaredIn) pkg.declaredIn = fields.declaredIn;
  if (fields.markers) pkg.markers = fields.markers;
}

const HASH_ALGORITHMS: Record<string, { alg: string; hexLength: number }> = {
  md5: { alg: 'MD5', hexLength: 32 },
  sha1: { alg: 'SHA-1', hexLength: 40 },
  sha256: { alg: 'SHA-256', hexLength: 64 },
  sha384: { alg: 'SHA-384', hexLength: 96 },
  sha512: { alg: 'SHA-512', hexLength: 128 },
};

/**
 * `sha256:<hex>` (pip, Pipfile.lock, poetry, uv, pdm) or an algorithm and digest given apart
 * (pylock). Digests of the wrong length or alphabet are dropped: a hash that cannot be checked
 * against a download is worse than none.
 */
export function parseHash(text: string, digest?: string): PackageHash | undefined {
  const [alg, value] = digest === undefined ? splitHash(text) : [text, digest];
  const known = HASH_ALGORITHMS[alg.toLowerCase()];
  if (!known || value.length !== known.hexLength || !/^[0-9a-fA-F]+$/.test(value)) return undefined;
  return { alg: known.alg, value: value.toLowerCase() };
}

function splitHash(text: string): [string, string] {
  const colon = text.indexOf(':');
  return colon < 0 ? ['', ''] : [text.slice(0, colon), text.slice(colon + 1)];
}

/** Distinct valid hashes of a file list, in first-seen order. */
export function collectHashes(hashes: Iterable<PackageHash | undefined>): PackageHash[] {
  const seen = new Map<string, PackageHash>();
  for (const hash of hashes) if (hash) seen.set(`${hash.alg}:${hash.value}`, hash);
  return [...seen.values()];
}
