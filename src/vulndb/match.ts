import { normalizeName, splitEcosystem } from './names.js';
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv.js';
import { compareText } from './versions/define.js';
import { orderingFor } from './versions/index.js';
import type { VersionOrdering } from './versions/ordering.js';
import { semverOrdering } from './versions/semver.js';

/**
 * Whether an OSV record affects one package version, with the exact semantics of the OSV
 * schema (https://ossf.github.io/osv-schema/#evaluation), and the grouping of records that
 * describe the same vulnerability under different ids.
 */

export interface PackageQuery {
  /** OSV ecosystem name; a release suffix (`Debian:12`) is read as `release` when that is not given. */
  ecosystem: string;
  name: string;
  version: string;
  /** Distribution release (`12`, `22.04`, `3.19`): entries for other releases then do not match. */
  release?: string;
}

export interface RangeBound {
  event: 'fixed' | 'last_affected' | 'limit';
  version: string;
}

/** What put the version inside the advisory. */
export type MatchReason =
  | { kind: 'listed'; version: string }
  | {
      kind: 'range';
      rangeIndex: number;
      type: 'ECOSYSTEM' | 'SEMVER';
      /** The `introduced` event that opened the interval holding the version (`0`: from the start). */
      introduced: string;
      /** The event that closes that interval; absent when it is open-ended. */
      until?: RangeBound;
    };

export interface AffectedMatch {
  id: string;
  /** Index in `record.affected` of the entry that matched. */
  affectedIndex: number;
  reason: MatchReason;
  /** Every `fixed` version of the record's entries for this package, oldest first. */
  fixed: string[];
}

/**
 * Names and ecosystem strings are read by the same functions the store indexes with, so every
 * record a lookup by name returns is one this matcher also accepts as that package.
 */
export { normalizeName, splitEcosystem } from './names.js';

interface Target {
  ecosystem: string;
  /** '' when the caller names no release. */
  release: string;
  name: string;
}

function targetOf(pkg: PackageQuery): Target {
  const { base, release } = splitEcosystem(pkg.ecosystem);
  return { ecosystem: base, release: pkg.release ?? release, name: normalizeName(base, pkg.name) };
}

/**
 * An entry without a release applies to every release, and a caller without one gets every
 * release's entries. `v3.19` and `3.19` are one release; `22.04` is one of `Pro:22.04:LTS`.
 */
function releaseMatches(entryRelease: string, wanted: string): boolean {
  if (entryRelease === '' || wanted === '') return true;
  const want = wanted.replace(/^v/, '');
  return entryRelease.split(':').some((part) => part.replace(/^v/, '') === want);
}

function isFor(affected: OsvAffected | null, target: Target): boolean {
  const pkg = affected?.package;
  if (typeof pkg?.ecosystem !== 'string' || typeof pkg.name !== 'string') return false;
  const { base, release } = splitEcosystem(pkg.ecosystem);
  return (
    base === target.ecosystem &&
    releaseMatches(release, target.release) &&
    normalizeName(base, pkg.name) === target.name
  );
}

/** Undefined when the record does not affect the version; withdrawn records never do. */
export function affects(record: OsvRecord, pkg: PackageQuery): AffectedMatch | undefined {
  if (record.withdrawn || pkg.version === '') return undefined;
  const target = targetOf(pkg);
  const entries = Array.isArray(record.affected) ? record.affected : [];
  for (const [affectedIndex, affected] of entries.entries()) {
    if (!isFor(affected, target)) continue;
    const reason = rangeReason(affected, target, pkg.version) ?? listedReason(affected, target, pkg.version);
    if (reason) return { id: record.id, affectedIndex, reason, fixed: fixedVersions(entries, target) };
  }
  return undefined;
}

/**
 * SEMVER ranges are ordered by SemVer 2.0.0 whatever the ecosystem, as the schema says; Go's
 * own ordering is that, plus the `v` prefix go.mod writes.
 */
function orderingOf(target: Target, type: OsvRange['type']): VersionOrdering | undefined {
  if (type === 'SEMVER' && target.ecosystem !== 'Go') return semverOrdering;
  return orderingFor(target.ecosystem);
}

/** An exact listed string, or (when both are valid) one the ecosystem calls equal: `2.0 == 2.0.0`. */
function listedReason(affected: OsvAffected, target: Target, version: string): MatchReason | undefined {
  const listed = Array.isArray(affected.versions) ? affected.versions : [];
  if (listed.includes(version)) return { kind: 'listed', version };
  const ordering = orderingFor(target.ecosystem);
  if (!ordering?.isValid(version)) return undefined;
  const equal = listed.find(
    (v) => typeof v === 'string' && ordering.isValid(v) && ordering.compare(v, version) === 0,
  );
  return equal === undefined ? undefined : { kind: 'listed', version: equal };
}

function rangeReason(affected: OsvAffected, target: Target, version: string): MatchReason | undefined {
  const ranges = Array.isArray(affected.ranges) ? affected.ranges : [];
  for (const [rangeIndex, range] of ranges.entries()) {
    if (range?.type !== 'ECOSYSTEM' && range?.type !== 'SEMVER') continue;
    const ordering = orderingOf(target, range.type);
    if (!ordering?.isValid(version)) continue;
    const hit = evaluateRange(range, version, ordering);
    if (hit) return { kind: 'range', rangeIndex, type: range.type, ...hit };
  }
  return undefined;
}

type EventKind = keyof OsvEvent;
interface RangeEvent {
  kind: EventKind;
  version: string;
}
const EVENT_KINDS: readonly EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

/** OSV sorts a range's events by version, `introduced: "0"` first; `limit: "*"` is no limit. */
function isUnbounded(event: RangeEvent): boolean {
  return unboundedSide(event) !== 0;
}

function unboundedSide(event: RangeEvent): number {
  if (event.kind === 'introduced' && event.version === '0') return -1;
  return event.kind === 'limit' && event.version === '*' ? 1 : 0;
}

/**
 * The range's events in version order, or undefined when one of them is not a version of the
 * ecosystem: such a range cannot be placed, so it matches nothing rather than too much.
 */
function sortedEvents(range: OsvRange, ordering: VersionOrdering): RangeEvent[] | undefined {
  const events: RangeEvent[] = [];
  for (const raw of Array.isArray(range.events) ? range.events : []) {
    for (const kind of EVENT_KINDS) {
      const version = raw?.[kind];
      if (typeof version === 'string') events.push({ kind, version });
    }
  }
  if (events.some((e) => !isUnbounded(e) && !ordering.isValid(e.version))) return undefined;
  return events.sort((a, b) => {
    const side = unboundedSide(a) - unboundedSide(b);
    return side !== 0 || isUnbounded(a) ? side : ordering.compare(a.version, b.version);
  });
}

/** `limit` events cap the whole range: the version must sort below at least one of them. */
function belowLimits(events: RangeEvent[], version: string, ordering: VersionOrdering): boolean {
  const limits = events.filter((e) => e.kind === 'limit');
  return (
    limits.length === 0 || limits.some((e) => isUnbounded(e) || ordering.compare(version, e.version) < 0)
  );
}

/** The schema's evaluation: walk the sorted events, each may switch "affected" on or off. */
function evaluateRange(range: OsvRange, version: string, ordering: VersionOrdering) {
  const events = sortedEvents(range, ordering);
  if (!events || !belowLimits(events, version, ordering)) return undefined;
  let opener: number | undefined;
  for (const [i, e] of events.entries()) {
    if (e.kind === 'limit') continue;
    const cmp = isUnbounded(e) ? 1 : ordering.compare(version, e.version);
    if (e.kind === 'introduced' && cmp >= 0) opener = i;
    else if ((e.kind === 'fixed' && cmp >= 0) || (e.kind === 'last_affected' && cmp > 0)) opener = undefined;
  }
  if (opener === undefined) return undefined;
  const until = boundAfter(events, opener, version, ordering);
  return { introduced: events[opener]!.version, ...(until && { until }) };
}

/** The nearest event above the version that ends the interval: a fix, a last affected version or a limit. */
function boundAfter(
  events: RangeEvent[],
  opener: number,
  version: string,
  ordering: VersionOrdering,
): RangeBound | undefined {
  const close = events.slice(opener + 1).find((e) => e.kind === 'fixed' || e.kind === 'last_affected');
  const limit = events.find(
    (e) => e.kind === 'limit' && !isUnbounded(e) && ordering.compare(version, e.version) < 0,
  );
  const bound =
    close && limit && ordering.compare(limit.version, close.version) < 0 ? limit : (close ?? limit);
  return bound && { event: bound.kind as RangeBound['event'], version: bound.version };
}

/** Valid versions in order, then any the ordering cannot place, as the record gives them. */
function fixedVersions(entries: OsvAffected[], target: Target): string[] {
  const ordering = orderingFor(target.ecosystem);
  const fixed = new Set<string>();
  for (const affected of entries) {
    if (!isFor(affected, target)) continue;
    for (const range of Array.isArray(affected.ranges) ? affected.ranges : []) {
      if (range?.type !== 'ECOSYSTEM' && range?.type !== 'SEMVER') continue;
      for (const e of Array.isArray(range?.events) ? range.events : []) {
        if (typeof e?.fixed === 'string') fixed.add(e.fixed);
      }
    }
  }
  const all = [...fixed];
  const valid = all.filter((v) => ordering?.isValid(v)).sort((a, b) => ordering!.compare(a, b));
  return [...valid, ...all.filter((v) => !ordering?.isValid(v))];
}

export interface VulnerabilityGroup {
  /** The id a finding shows (see `primaryRank`). */
  id: string;
  /** Every other id of the group, record ids and aliases alike, sorted. */
  aliases: string[];
  records: OsvRecord[];
}

/**
 * Ids of the databases that speak for one ecosystem (PyPA, the Go team, RustSec, the Erlang
 * Ecosystem Foundation, the distributions' security teams). Their records carry the
 * ecosystem's own ranges and wording, so they name the vulnerability first; then GitHub's
 * GHSA, which covers every ecosystem; then the CVE; then anything else, alphabetically.
 */
const OWN_DATABASE =
  /^(PYSEC|GO|RUSTSEC|EEF|DSA|DLA|DTSA|DEBIAN|USN|UBUNTU|ALPINE|RHSA|RHBA|RHEA|RLSA|ALSA|ALAS\w*)-/;

function primaryRank(id: string): number {
  if (OWN_DATABASE.test(id)) return 0;
  if (id.startsWith('GHSA-')) return 1;
  return id.startsWith('CVE-') ? 2 : 3;
}

/**
 * Groups records whose ids and aliases overlap, transitively (a GHSA aliasing a CVE that a
 * PYSEC also aliases is one vulnerability), so each vulnerability becomes one finding. The
 * primary id is chosen among the records' own ids, never an alias with no record behind it.
 */
export function mergeAliases(records: readonly OsvRecord[]): VulnerabilityGroup[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    for (let node = id; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const r of records) {
    for (const alias of aliasesOf(r)) parent.set(find(alias), find(r.id));
  }
  const groups = new Map<string, OsvRecord[]>();
  for (const r of records) {
    const root = find(r.id);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  }
  return [...groups.values()].map(toGroup).sort((a, b) => compareText(a.id, b.id));
}

function aliasesOf(record: OsvRecord): string[] {
  return Array.isArray(record.aliases) ? record.aliases.filter((a) => typeof a === 'string') : [];
}

function toGroup(records: OsvRecord[]): VulnerabilityGroup {
  const ids = new Set(records.flatMap((r) => [r.id, ...aliasesOf(r)]));
  const [id] = records.map((r) => r.id).sort((a, b) => primaryRank(a) - primaryRank(b) || compareText(a, b));
  ids.delete(id!);
  return { id: id!, aliases: [...ids].sort(compareText), records };
}
