import { PackageURL } from 'packageurl-js';
import type { Ecosystem } from '../core/package.js';

/** What a purl says about a package, in the terms of the vulnerability database. */
export interface PurlPackage {
  ecosystem: Ecosystem;
  name: string;
  /** '' when the purl has no version. */
  version: string;
  /** The purl in canonical form (as packageurl-js writes it). */
  purl: string;
}

export type PurlResult = PurlPackage | { skipped: string };

const LANGUAGE: ReadonlyMap<string, Ecosystem> = new Map(
  Object.entries({
    npm: 'npm',
    pypi: 'PyPI',
    golang: 'Go',
    cargo: 'crates.io',
    gem: 'RubyGems',
    composer: 'Packagist',
    maven: 'Maven',
    nuget: 'NuGet',
    hex: 'Hex',
    pub: 'Pub',
  }),
);

/** How each ecosystem joins a purl namespace to the name (Hex namespaces are organisations, not names). */
const NAMESPACE_SEPARATOR: Partial<Record<Ecosystem, string>> = {
  npm: '/',
  Go: '/',
  Packagist: '/',
  Maven: ':',
};

/** Distribution ids, as purl namespaces and `distro` qualifiers spell them, per package type. */
const DISTRIBUTIONS: ReadonlyMap<string, ReadonlyMap<string, Ecosystem>> = new Map([
  [
    'deb',
    new Map<string, Ecosystem>([
      ['debian', 'Debian'],
      ['ubuntu', 'Ubuntu'],
    ]),
  ],
  ['apk', new Map<string, Ecosystem>([['alpine', 'Alpine']])],
  [
    'rpm',
    new Map<string, Ecosystem>([
      ['redhat', 'Red Hat'],
      ['rhel', 'Red Hat'],
      ['rocky', 'Rocky Linux'],
      ['almalinux', 'AlmaLinux'],
      ['alma', 'AlmaLinux'],
      ['amzn', 'Amazon Linux'],
      ['amazon', 'Amazon Linux'],
    ]),
  ],
]);

export function packageFromPurl(text: string): PurlResult {
  let purl: PackageURL;
  try {
    purl = PackageURL.fromString(text);
  } catch (err) {
    return { skipped: `invalid purl (${err instanceof Error ? err.message : String(err)})` };
  }
  const ecosystem = ecosystemOf(purl);
  if (typeof ecosystem !== 'string') return ecosystem;
  const separator = NAMESPACE_SEPARATOR[ecosystem];
  const name = purl.namespace && separator ? `${purl.namespace}${separator}${purl.name}` : purl.name;
  return { ecosystem, name, version: versionOf(purl), purl: purl.toString() };
}

function ecosystemOf(purl: PackageURL): Ecosystem | { skipped: string } {
  const language = LANGUAGE.get(purl.type);
  if (language) return language;
  const distributions = DISTRIBUTIONS.get(purl.type);
  if (!distributions) return { skipped: `purl type "${purl.type}" has no vulnerability database` };
  const distro = String(purl.qualifiers?.distro ?? '').toLowerCase();
  const found =
    distributions.get(purl.namespace?.toLowerCase() ?? '') ??
    distributions.get(/^[a-z]+/.exec(distro)?.[0] ?? '');
  return (
    found ?? {
      skipped: `${purl.type} distribution "${purl.namespace ?? distro}" has no vulnerability database`,
    }
  );
}

/** RPM purls carry the epoch as a qualifier; the databases write it before the version. */
function versionOf(purl: PackageURL): string {
  const version = purl.version ?? '';
  const epoch = purl.type === 'rpm' ? purl.qualifiers?.epoch : undefined;
  return epoch && epoch !== '0' && version ? `${epoch}:${version}` : version;
}
