import { affects, normalizeName } from '../../src/vulndb/match.js';
import type { OsvRecord } from '../../src/vulndb/osv.js';
import type { VulnStore } from '../../src/vulndb/store.js';

/** A package a generated lockfile pins, and whether the database says that version is affected. */
export interface SampledPackage {
  ecosystem: string;
  name: string;
  version: string;
  affected: boolean;
}

/**
 * Up to `limit` package names the database has advisories for in `ecosystem`, each at a version
 * one of its advisories affects when one can be read off the record (a listed version, an
 * `introduced` or `last_affected` event), else at a fixed version: a real lockfile mixes both.
 */
export function advisoryPackages(store: VulnStore, ecosystem: string, limit: number): SampledPackage[] {
  const rows = store.db
    .prepare(
      `SELECT a.normalized_name FROM affected a JOIN advisories v ON v.id = a.advisory_id
       WHERE a.ecosystem = ? AND a.ecosystem_release = '' AND v.withdrawn IS NULL
       GROUP BY 1 ORDER BY 1 LIMIT ?`,
    )
    .pluck()
    .all(ecosystem, limit) as string[];
  return rows.flatMap((normalized) => {
    const records = store.recordsFor(ecosystem, normalized);
    const name = packageName(records, ecosystem, normalized);
    return name ? [pickVersion(records, ecosystem, name)] : [];
  });
}

/** The name as the advisories spell it (the database keys by the normalised name). */
function packageName(records: OsvRecord[], ecosystem: string, normalized: string): string | undefined {
  const names = records.flatMap((r) => (r.affected ?? []).map((a) => a.package));
  return names.find((p) => p?.ecosystem === ecosystem && normalizeName(ecosystem, p.name) === normalized)
    ?.name;
}

const FALLBACKS = ['0.0.1', '0.1.0', '1.0.0'];

function pickVersion(records: OsvRecord[], ecosystem: string, name: string): SampledPackage {
  const key = normalizeName(ecosystem, name);
  const candidates: string[] = [];
  const fixed: string[] = [];
  for (const r of records) {
    for (const a of r.affected ?? []) {
      if (a.package?.ecosystem !== ecosystem || normalizeName(ecosystem, a.package.name) !== key) continue;
      candidates.push(...(a.versions ?? []).slice(0, 2));
      for (const e of (a.ranges ?? []).flatMap((x) => x.events)) {
        if (e.introduced && e.introduced !== '0') candidates.push(e.introduced);
        if (e.last_affected) candidates.push(e.last_affected);
        if (e.fixed) fixed.push(e.fixed);
      }
    }
  }
  for (const version of [...candidates, ...FALLBACKS]) {
    if (records.some((r) => affects(r, { ecosystem, name, version }))) {
      return { ecosystem, name, version, affected: true };
    }
  }
  return { ecosystem, name, version: fixed[0] ?? '1.0.0', affected: false };
}
