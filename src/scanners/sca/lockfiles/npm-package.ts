import semver from 'semver';
import type { Package, PackageHash } from '../../../core/package.js';
import { purlFor } from './purl.js';

/** What a JavaScript lockfile says about one package; `npmPackage` fills in the rest. */
export interface NpmPackageFields {
  name: string;
  /** An exact registry version, or anything else (a git URL, a path), which makes the package unresolved. */
  version: string;
  key: string;
  path: string;
  line?: number;
  direct?: boolean;
  dev?: boolean;
  groups?: string[];
  licenses?: string[];
  hashes?: PackageHash[];
  dependsOn?: string[];
  constraint?: string;
}

/** An exact version as the registry publishes it (prereleases and build metadata included). */
/** The common case, answered without building a SemVer object; lengths keep parts below 2^53. */
const PLAIN_VERSION = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;

export function isExactVersion(v: string): boolean {
  if (PLAIN_VERSION.test(v)) return true;
  // semver also accepts `v1.2.3` and surrounding spaces, which no registry version has.
  return /^[0-9]/.test(v) && v.trim() === v && semver.parse(v) !== null;
}

/**
 * A package name the registry could hold: no spaces or control characters, and a scope only
 * as `@scope/name`. Entries with anything else are skipped with a warning.
 */
export function isPackageName(name: string): boolean {
  if (name === '' || name.length > 214 || /[\s\u0000-\u001f]/.test(name)) return false;
  if (!name.startsWith('@')) return !name.includes('/');
  const slash = name.indexOf('/');
  return slash > 1 && slash < name.length - 1 && !name.includes('/', slash + 1);
}

/** Builds the package; a version that is not an exact registry version becomes unresolved (''). */
export function npmPackage(f: NpmPackageFields): Package {
  const version = isExactVersion(f.version) ? f.version : '';
  const pkg: Package = {
    ecosystem: 'npm',
    name: f.name,
    version,
    resolved: version !== '',
    purl: purlFor('npm', f.name, version),
    source: f.line === undefined ? { path: f.path } : { path: f.path, line: f.line },
    key: f.key,
  };
  if (!pkg.resolved && f.constraint) pkg.constraint = f.constraint;
  if (f.direct !== undefined) pkg.direct = f.direct;
  if (f.dev !== undefined) pkg.dev = f.dev;
  if (f.groups && f.groups.length > 0)
    pkg.groups = f.groups.length === 1 ? f.groups : [...new Set(f.groups)].sort();
  if (f.licenses && f.licenses.length > 0) pkg.licenses = f.licenses;
  if (f.hashes && f.hashes.length > 0) pkg.hashes = f.hashes;
  if (f.dependsOn && f.dependsOn.length > 0) pkg.dependsOn = unique(f.dependsOn);
  return pkg;
}

function unique(keys: string[]): string[] {
  return keys.length < 2 || new Set(keys).size === keys.length ? keys : [...new Set(keys)];
}

/** `name@spec` split at the `@` after the name (a scope's leading `@` is part of the name). */
export function splitNameSpec(descriptor: string): { name: string; spec: string } {
  const at = descriptor.indexOf('@', 1);
  return at === -1
    ? { name: descriptor, spec: '' }
    : { name: descriptor.slice(0, at), spec: descriptor.slice(at + 1) };
}

/** `npm:real-name@range`, the way npm, yarn and bun write an alias: the package really installed. */
export function aliasTarget(spec: string): { name: string; spec: string } | undefined {
  if (!spec.startsWith('npm:')) return undefined;
  const target = splitNameSpec(spec.slice(4));
  return isPackageName(target.name) ? target : undefined;
}

const SRI_ALGORITHMS: Record<string, { alg: string; bytes: number } | undefined> = {
  sha1: { alg: 'SHA-1', bytes: 20 },
  sha256: { alg: 'SHA-256', bytes: 32 },
  sha384: { alg: 'SHA-384', bytes: 48 },
  sha512: { alg: 'SHA-512', bytes: 64 },
};

/** Subresource Integrity (`sha512-<base64>`, several separated by spaces) as hex digests. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function sriHash(token: string): PackageHash | undefined {
  const dash = token.indexOf('-');
  const algorithm = dash === -1 ? undefined : SRI_ALGORITHMS[token.slice(0, dash)];
  if (!algorithm) return undefined;
  const options = token.indexOf('?', dash);
  const b64 = token.slice(dash + 1, options === -1 ? undefined : options);
  if (!BASE64.test(b64)) return undefined;
  const digest = Buffer.from(b64, 'base64');
  return digest.length === algorithm.bytes
    ? { alg: algorithm.alg, value: digest.toString('hex') }
    : undefined;
}

export function integrityHashes(integrity: string | undefined): PackageHash[] {
  if (!integrity) return [];
  const out: PackageHash[] = [];
  const tokens = integrity.includes(' ') ? integrity.trim().split(/\s+/) : [integrity];
  for (const token of tokens) {
    const hash = sriHash(token);
    if (hash) out.push(hash);
  }
  return out;
}

/** A hex digest of a known length (yarn berry's checksum, a `#sha1` in a resolved URL). */
export function hexHash(alg: 'SHA-1' | 'SHA-512', hex: string | undefined): PackageHash[] {
  const len = alg === 'SHA-1' ? 40 : 128;
  return hex && hex.length === len && /^[0-9a-f]+$/.test(hex) ? [{ alg, value: hex }] : [];
}

/** A `license` field that is a non-empty string (old lockfiles sometimes hold objects: ignored). */
export function licenseList(v: unknown): string[] | undefined {
  return typeof v === 'string' && v.trim() !== '' ? [v.trim()] : undefined;
}
