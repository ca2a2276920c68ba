import semver from 'semver';
import { isValidCvss } from '../cvss/index.js';
import type { OsvRecord } from '../osv.js';
import { type Interval, intersect, isEmpty, toRanges } from './intervals.js';
import { type Conversion, ConvertError, latest, type SourceFile } from './types.js';

/**
 * The Node.js Security Working Group's legacy advisories (nodejs/security-wg, vuln/npm/*.json):
 * one npm package, an npm range of vulnerable versions. Core (Node.js runtime) advisories have
 * no OSV package ecosystem and are left out with a note.
 */
export function isNodejsWg(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && typeof doc.module_name === 'string' && 'vulnerable_versions' in doc;
}

export function isNodejsCore(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc.cve) && 'vulnerable' in doc && 'patched' in doc;
}

export function convertNodejsWg(doc: Record<string, unknown>, file: SourceFile): Conversion {
  const id = `NSWG-ECO-${num(doc.id)}`;
  const ranges = vulnerableRanges(doc.vulnerable_versions);
  if (typeof ranges === 'string') return { records: [], notes: [{ reason: ranges, subject: id }] };
  const vector =
    typeof doc.cvss_vector === 'string' && isValidCvss(doc.cvss_vector) ? doc.cvss_vector : undefined;
  const record: OsvRecord = {
    id,
    modified:
      latest(date(doc.updated_at), date(doc.created_at), date(doc.publish_date)) ?? file.mtime.toISOString(),
    ...published(doc),
    aliases: (Array.isArray(doc.cves) ? doc.cves : []).filter((c): c is string => typeof c === 'string'),
    ...(typeof doc.title === 'string' ? { summary: doc.title } : {}),
    details: [doc.overview, doc.recommendation].filter((s) => typeof s === 'string' && s).join('\n\n'),
    ...(vector
      ? { severity: [{ type: vector.startsWith('CVSS:4.') ? 'CVSS_V4' : 'CVSS_V3', score: vector }] }
      : {}),
    affected: [{ package: { ecosystem: 'npm', name: doc.module_name as string }, ranges }],
    references: (Array.isArray(doc.references) ? doc.references : [])
      .filter((u): u is string => typeof u === 'string')
      .map((url) => ({ type: 'WEB', url })),
    database_specific: {
      source: 'nodejs-security-wg',
      vulnerable_versions: doc.vulnerable_versions,
      patched_versions: doc.patched_versions ?? null,
      ...(typeof doc.cvss_score === 'number' ? { cvss_score: doc.cvss_score } : {}),
    },
  };
  return { records: [record], notes: [] };
}

/**
 * An npm range as OSV ranges: each `||` alternative is an intersection of comparators, so an
 * interval; `<2.0.0-0` (what `^1.2.3` becomes) keeps npm's exclusion of 2.0.0 pre-releases.
 * A string naming why it cannot be converted otherwise.
 */
function vulnerableRanges(value: unknown): ReturnType<typeof toRanges> | string {
  if (typeof value !== 'string' || value.trim() === '') return 'no vulnerable_versions range';
  let range: semver.Range;
  try {
    range = new semver.Range(value);
  } catch {
    return 'vulnerable_versions is not an npm range';
  }
  const intervals = range.set.map(toInterval).filter((i) => !isEmpty(i));
  if (intervals.length === 0) return 'vulnerable_versions matches no version';
  return toRanges(intervals, 'SEMVER');
}

function toInterval(set: readonly semver.Comparator[]): Interval {
  return set.reduce<Interval>((acc, c) => intersect(acc, comparatorInterval(c)), {});
}

function comparatorInterval(c: semver.Comparator): Interval {
  // `*` and `x` become one comparator that matches anything, with an empty value.
  if (c.value === '') return {};
  const at = (inclusive: boolean) => ({ version: c.semver.version, inclusive });
  switch (c.operator) {
    case '>=':
      return { lower: at(true) };
    case '>':
      return { lower: at(false) };
    case '<=':
      return { upper: at(true) };
    case '<':
      return { upper: at(false) };
    default:
      return { lower: at(true), upper: at(true) };
  }
}

function published(doc: Record<string, unknown>): Pick<OsvRecord, 'published'> {
  // Some entries carry a placeholder publish date of 1970-01-01.
  const p = date(doc.publish_date);
  const when = p && !p.startsWith('1970-') ? p : date(doc.created_at);
  return when ? { published: when } : {};
}

function date(v: unknown): string | undefined {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return undefined;
  return new Date(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)).toISOString();
}

function num(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ConvertError('id is not a number');
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
