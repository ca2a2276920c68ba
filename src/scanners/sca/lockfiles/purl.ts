import { PackageURL } from 'packageurl-js';
import type { Ecosystem } from '../../../core/package.js';
import { LockfileError } from './parser.js';

/**
 * The purl type of each ecosystem, and the namespace for the ones where the type alone does
 * not say which distribution the package comes from (one `deb` type for Debian and Ubuntu).
 */
const PURL_TYPES: Record<Ecosystem, { type: string; namespace?: string }> = {
  npm: { type: 'npm' },
  PyPI: { type: 'pypi' },
  Go: { type: 'golang' },
  'crates.io': { type: 'cargo' },
  RubyGems: { type: 'gem' },
  Packagist: { type: 'composer' },
  Maven: { type: 'maven' },
  NuGet: { type: 'nuget' },
  Hex: { type: 'hex' },
  Pub: { type: 'pub' },
  Debian: { type: 'deb', namespace: 'debian' },
  Ubuntu: { type: 'deb', namespace: 'ubuntu' },
  Alpine: { type: 'apk', namespace: 'alpine' },
  'Red Hat': { type: 'rpm', namespace: 'redhat' },
  'Rocky Linux': { type: 'rpm', namespace: 'rocky' },
  AlmaLinux: { type: 'rpm', namespace: 'almalinux' },
  'Amazon Linux': { type: 'rpm', namespace: 'amazon' },
};

export function purlType(ecosystem: Ecosystem): string {
  return PURL_TYPES[ecosystem].type;
}

/** Splits `a/b/c` at the last slash: the purl namespace is everything before it. */
function lastSlash(name: string): { namespace?: string; name: string } {
  const i = name.lastIndexOf('/');
  return i <= 0 ? { name } : { namespace: name.slice(0, i), name: name.slice(i + 1) };
}

/** Where each ecosystem's package name splits into purl namespace and name. */
function coordinates(ecosystem: Ecosystem, name: string): { namespace?: string; name: string } {
  switch (ecosystem) {
    case 'npm':
      // Only a scope (`@babel/core`) is a namespace; a slash elsewhere is not a valid npm name.
      return name.startsWith('@') ? lastSlash(name) : { name };
    case 'Go':
    case 'Packagist':
      return lastSlash(name);
    case 'Maven': {
      const i = name.indexOf(':');
      return i < 0 ? { name } : { namespace: name.slice(0, i), name: name.slice(i + 1) };
    }
    default: {
      const namespace = PURL_TYPES[ecosystem].namespace;
      return namespace ? { namespace, name } : { name };
    }
  }
}

/** Go purls carry the `v` of the module version (`pkg:golang/x/y@v1.2.3`), whichever form the caller has. */
function purlVersion(ecosystem: Ecosystem, version: string): string | undefined {
  if (version === '') return undefined;
  if (ecosystem === 'Go' && !version.startsWith('v')) return `v${version}`;
  return version;
}

/** The rpm purl type keeps the epoch out of the version, as an `epoch` qualifier. */
function splitRpmEpoch(
  ecosystem: Ecosystem,
  version: string,
  qualifiers: Record<string, string>,
): { version: string; qualifiers: Record<string, string> } {
  const m = PURL_TYPES[ecosystem].type === 'rpm' ? /^(\d+):(.+)$/.exec(version) : null;
  if (!m) return { version, qualifiers };
  return { version: m[2]!, qualifiers: { epoch: m[1]!, ...qualifiers } };
}

/**
 * The package URL of one package. An unresolved package (version '') gets a purl without a
 * version. Throws `LockfileError` when no purl can be built (an empty name): parsers check
 * names first and skip such entries with a warning.
 */
export function purlFor(
  ecosystem: Ecosystem,
  name: string,
  version: string,
  qualifiers: Record<string, string> = {},
): string {
  const c = coordinates(ecosystem, name);
  const v = splitRpmEpoch(ecosystem, version, qualifiers);
  try {
    const purl = new PackageURL(
      PURL_TYPES[ecosystem].type,
      c.namespace,
      c.name,
      purlVersion(ecosystem, v.version),
      Object.keys(v.qualifiers).length > 0 ? v.qualifiers : undefined,
    );
    return purl.toString();
  } catch (e) {
    throw new LockfileError(
      `cannot build a package URL for ${ecosystem} package "${name}": ${(e as Error).message}`,
    );
  }
}

/** Type, namespace, name and version of a purl string, for comparing two purls without their qualifiers. */
export function purlCoordinates(purl: string): string {
  const p = PackageURL.fromString(purl);
  return [p.type, p.namespace ?? '', p.name, p.version ?? ''].join('\u0000');
}
