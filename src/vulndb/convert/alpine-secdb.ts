import type { OsvRecord } from '../osv.js';
import type { Conversion, SourceFile } from './types.js';

/**
 * Alpine's secdb (secdb.alpinelinux.org, `v3.x/main.yaml`): per package, the version that
 * fixed each CVE. One advisory per release, package and CVE, so that re-importing one
 * release's file replaces exactly that release's advisories and no other.
 */
export function isAlpineSecdb(doc: unknown): doc is { distroversion: string; packages: unknown[] } {
  const d = doc as { distroversion?: unknown; packages?: unknown };
  return (
    typeof d === 'object' && d !== null && typeof d.distroversion === 'string' && Array.isArray(d.packages)
  );
}

/** `CVE-2019-1234`, also written `CVE_2019-1234`; other trackers' ids (`XSA-123`, `wnpa-sec-2017-18`). */
const CVE = /^CVE[-_](\d{4}-\d{4,})/;
const OTHER_ID = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*\d[A-Za-z0-9-]*$/;

interface Fix {
  versions: Set<string>;
  aliases: Set<string>;
}

export function convertAlpineSecdb(
  doc: { distroversion: string; packages: unknown[] },
  file: SourceFile,
): Conversion {
  const release = doc.distroversion.trim();
  const out: Conversion = { records: [], notes: [], errors: [] };
  if (!/^(v\d+\.\d+|edge)$/.test(release)) {
    out.errors!.push(`distroversion '${release}' is not an Alpine release`);
    return out;
  }
  doc.packages.forEach((entry, i) => {
    const pkg = (entry as { pkg?: { name?: unknown; secfixes?: unknown } } | null)?.pkg;
    // An empty `secfixes:` reads as null, or as '' when every scalar is a string.
    const secfixes = pkg?.secfixes || {};
    if (typeof pkg?.name !== 'string' || !isMap(secfixes)) {
      out.errors!.push(`packages[${i}]: expected pkg.name and a pkg.secfixes map`);
      return;
    }
    const fixes = collect(pkg.name, secfixes as Record<string, unknown>, out);
    for (const [id, fix] of fixes) out.records.push(record(release, pkg.name, id, fix, file.mtime));
  });
  return out;
}

function collect(name: string, secfixes: Record<string, unknown>, out: Conversion): Map<string, Fix> {
  const fixes = new Map<string, Fix>();
  for (const [version, entries] of Object.entries(secfixes)) {
    for (const entry of Array.isArray(entries) ? entries : []) {
      const ids = identifiers(String(entry));
      if (ids.length === 0) {
        out.notes.push({
          reason: 'secfixes entry names no CVE or tracker id',
          subject: `${name}: ${String(entry).slice(0, 80)}`,
        });
      } else if (version === '0') {
        // Alpine's way of saying the package was never affected.
        out.notes.push({ reason: 'listed as never affected (fixed in "0")', subject: `${name} ${ids[0]}` });
      } else {
        const fix = fixes.get(ids[0]!) ?? { versions: new Set(), aliases: new Set() };
        fix.versions.add(version);
        for (const alias of ids) fix.aliases.add(alias);
        fixes.set(ids[0]!, fix);
      }
    }
  }
  return fixes;
}

/** The tracker ids in one entry (`CVE-2019-5060 TALOS-2019-0844`, `CVE-2018-14468 (FrameRelay)`). */
function identifiers(entry: string): string[] {
  const tidy = entry.trim().replace(/^CVE\s+(?=\d{4}-)/, 'CVE-');
  return tidy.split(/\s+/).flatMap((token) => {
    const cve = CVE.exec(token);
    if (cve) return [`CVE-${cve[1]}`];
    return OTHER_ID.test(token) ? [token] : [];
  });
}

/**
 * A CVE listed under two versions (fixed, then fixed again) affects everything below the
 * later one: one range per fix, whose union OSV takes.
 */
function record(release: string, name: string, id: string, fix: Fix, mtime: Date): OsvRecord {
  const fixed = [...fix.versions];
  return {
    id: `ALPINE-${release}-${name}-${id}`,
    modified: mtime.toISOString(),
    aliases: [...fix.aliases],
    summary: `${id} in ${name} (Alpine ${release}), fixed in ${fixed.join(', ')}`,
    affected: [
      {
        package: { ecosystem: `Alpine:${release}`, name },
        ranges: fixed.map((v) => ({
          type: 'ECOSYSTEM' as const,
          events: [{ introduced: '0' }, { fixed: v }],
        })),
      },
    ],
    database_specific: { source: 'alpine-secdb' },
  };
}

function isMap(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
