import type { Diagnostic } from '../../core/diagnostic.js';
import { diag } from './image/diagnostics.js';
import type { OsInfo, OsPackage } from './os-packages/index.js';

/**
 * The rpm VENDOR each distribution stamps on its own packages. A package from anyone else
 * (`docker-ce` from Docker, `nodejs` from NodeSource, an in-house rpm) is not covered by the
 * distribution's advisories, and its version follows another numbering: matching it against
 * them is noise, so it is left out and said so.
 */
const VENDORS: Record<string, RegExp> = {
  rhel: /^Red Hat, Inc\.$/,
  centos: /^CentOS$/,
  rocky: /^Rocky Enterprise Software Foundation$/,
  almalinux: /^AlmaLinux$/,
  fedora: /^Fedora Project$/,
  amzn: /^Amazon (?:Linux|\.com)/,
  ol: /^Oracle America$/,
};

/** The packages the distribution's advisories cover, and a diagnostic naming the others by vendor. */
export function distributionPackages(
  os: OsInfo,
  packages: readonly OsPackage[],
): { covered: OsPackage[]; diagnostics: Diagnostic[] } {
  const own = VENDORS[os.id];
  if (!own) return { covered: [...packages], diagnostics: [] };
  const covered: OsPackage[] = [];
  const others = new Map<string, string[]>();
  for (const p of packages) {
    if (!p.vendor || own.test(p.vendor)) covered.push(p);
    else others.set(p.vendor, [...(others.get(p.vendor) ?? []), p.name]);
  }
  const diagnostics = [...others].map(([vendor, names]) => {
    const list = names.slice(0, 10).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
    const msg = `${names.length} package(s) from vendor "${vendor}" (${list}) are not ${os.id}'s own: not matched against its advisories`;
    return diag('info', 'third-party-packages', msg, packages.find((p) => p.vendor === vendor)?.source.path);
  });
  return { covered, diagnostics };
}
