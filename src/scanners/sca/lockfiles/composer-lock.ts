import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { asRecord, asString, isRecord, parseJsonDocument, siblingPath } from './lockfile-text.js';
import { LockfileError, type LockfileParser, type LockfileResult, type LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';
import { edgeTargets, UniqueKeys } from './unique-keys.js';

interface Locked {
  name: string;
  /** Without the `v` some tags carry (`v5.4.0` → `5.4.0`), as advisories and purls spell it. */
  version: string;
  dev: boolean;
  entry: Record<string, unknown>;
  key: string;
}

/**
 * `composer.lock`: `packages` are runtime, `packages-dev` dev. Composer records no "direct" flag;
 * the sibling `composer.json` (`require`, `require-dev`) supplies it when present.
 */
export const composerLockParser: LockfileParser = {
  name: 'composer-lock',
  ecosystem: 'Packagist',
  format: 'composer.lock (Composer)',
  matches: (path) => posix.basename(path) === 'composer.lock',
  parse(input): LockfileResult {
    const doc = parseJsonDocument(input.text);
    if (!isRecord(doc)) throw new LockfileError('the top level is not a JSON object');
    const warnings: LockfileWarning[] = [];
    const locked = [
      ...readList(doc, 'packages', false, warnings),
      ...readList(doc, 'packages-dev', true, warnings),
    ];
    assignKeys(locked);
    const byName = edgeTargets(locked, (l) => l.name.toLowerCase(), warnings);
    const direct = declaredNames(input.path, input.readFile, warnings);
    return { packages: locked.map((l) => toPackage(l, input.path, byName, direct)), warnings };
  },
};

/** `vendor/package`: anything else cannot be a Packagist package (nor get a purl). */
const PACKAGE_NAME = /^[^\s/]+\/[^\s/]+$/;

function readList(
  doc: Record<string, unknown>,
  field: string,
  dev: boolean,
  warnings: LockfileWarning[],
): Locked[] {
  const list = doc[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new LockfileError(`"${field}" is not an array`);
  const locked: Locked[] = [];
  list.forEach((entry, i) => {
    const name = asString(asRecord(entry).name);
    const version = asString(asRecord(entry).version)?.trim();
    if (!isRecord(entry) || !name || !PACKAGE_NAME.test(name) || !version) {
      warnings.push({ message: `${field}[${i}] has no vendor/name and version; skipped` });
      return;
    }
    locked.push({ name, version: comparableVersion(version), dev, entry, key: '' });
  });
  return locked;
}

/** `v1.2.3` → `1.2.3`: Packagist tags often carry the prefix, advisories and purls do not. */
function comparableVersion(raw: string): string {
  return /^[vV]\d/.test(raw) ? raw.slice(1) : raw;
}

function assignKeys(locked: Locked[]): void {
  const unique = new UniqueKeys();
  for (const l of locked) l.key = unique.take(`${l.name}@${l.version}`);
}

/** Names the project requires, lower-cased like Composer compares them; undefined without composer.json. */
function declaredNames(
  path: string,
  readFile: (p: string) => string | undefined,
  warnings: LockfileWarning[],
): Set<string> | undefined {
  const manifestPath = siblingPath(path, 'composer.json');
  const text = readFile(manifestPath);
  if (text === undefined) return undefined;
  try {
    const manifest = asRecord(parseJsonDocument(text));
    const names = [
      ...Object.keys(asRecord(manifest.require)),
      ...Object.keys(asRecord(manifest['require-dev'])),
    ];
    return new Set(names.map((n) => n.toLowerCase()));
  } catch (e) {
    if (!(e instanceof LockfileError)) throw e;
    warnings.push({
      message: `${manifestPath} cannot be read (${e.message}); direct dependencies are not marked`,
      path: manifestPath,
    });
    return undefined;
  }
}

function toPackage(
  l: Locked,
  path: string,
  byName: Map<string, Locked[]>,
  direct: Set<string> | undefined,
): Package {
  const pkg: Package = {
    ecosystem: 'Packagist',
    name: l.name,
    version: l.version,
    resolved: true,
    purl: purlFor('Packagist', l.name, l.version),
    dev: l.dev,
    source: { path },
    key: l.key,
  };
  if (direct) pkg.direct = direct.has(l.name.toLowerCase());
  if (l.dev) pkg.groups = ['dev'];
  const license = licenseOf(l.entry.license);
  if (license) pkg.licenses = [license];
  const shasum = asString(asRecord(l.entry.dist).shasum);
  if (shasum && /^[0-9a-fA-F]{40}$/.test(shasum))
    pkg.hashes = [{ alg: 'SHA-1', value: shasum.toLowerCase() }];
  const dependsOn = Object.keys(asRecord(l.entry.require)).flatMap((n) =>
    (byName.get(n.toLowerCase()) ?? []).map((d) => d.key),
  );
  if (dependsOn.length) pkg.dependsOn = [...new Set(dependsOn)].sort();
  return pkg;
}

/**
 * Composer's `license` array is a choice ("available under either"), so several entries become
 * one disjunctive expression rather than several licenses that would all apply.
 */
function licenseOf(value: unknown): string | undefined {
  const ids = (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (ids.length <= 1) return ids[0]?.trim();
  return ids.map((id) => (/\s/.test(id.trim()) ? `(${id.trim()})` : id.trim())).join(' OR ');
}
