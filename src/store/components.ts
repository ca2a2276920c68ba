import { type Expression, type SqlBool, sql } from 'kysely';
import { PackageURL } from 'packageurl-js';
import { normalizeName } from '../vulndb/names.js';
import type { Store } from './connect.js';
import { nameKeySql, purlKeySql } from './migrations/005-component-search.js';

/**
 * The SBOM portfolio search: which projects and branches ship a component. Name and purl
 * narrow the rows through indexes (see migration 007); the exact rules (each ecosystem's name
 * equivalence, the purl without its version, the caller's version range) are then applied in
 * code to that small candidate set.
 */

export interface ComponentRow {
  id: number;
  project_id: number;
  branch: string;
  scan_id: number;
  ecosystem: string;
  name: string;
  version: string;
  purl: string | null;
  licenses: string | null;
}

export interface ComponentSearch {
  name?: string;
  /** Names that start with `name` (after each ecosystem's normalisation) instead of equal to it. */
  prefix?: boolean;
  /** With a version: that exact purl (qualifiers aside); without: every version of the package. */
  purl?: string;
  ecosystem?: string;
  projectId?: number;
  /** The caller's own test on each candidate (the version range). */
  keep?: (row: ComponentRow) => boolean;
  /** Keyset cursor: groups after this project id and branch. */
  after?: { projectId: number; branch: string };
  /** Project/branch groups per page. */
  limit: number;
}

export interface ComponentGroup {
  projectId: number;
  project: string;
  branch: string;
  scanId: number;
  components: ComponentRow[];
}

/** Candidate rows read per round trip while filling a page. */
const CHUNK = 1000;

/** The SQL key of a name, as the index expressions compute it (ASCII lowercase, `_` `.` → `-`). */
function sqlKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[_.]/g, '-');
}

/** The smallest string above every string that starts with `s`. */
function successor(s: string): string {
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}

const artifactOf = (name: string) => name.slice(name.indexOf(':') + 1);

/** Splits a purl as written: the part before qualifiers and subpath, and its version. */
function bare(purl: string): { base: string; withVersion: string; version: boolean } {
  const withVersion = purl.split(/[?#]/, 1)[0]!;
  const at = withVersion.lastIndexOf('@');
  const version = at > withVersion.lastIndexOf('/');
  return { base: version ? withVersion.slice(0, at) : withVersion, withVersion, version };
}

/** `pkg:type/ns/name` without version, qualifiers and subpath, canonical when it parses. */
export function purlBase(purl: string): string {
  try {
    const p = PackageURL.fromString(purl);
    return new PackageURL(p.type, p.namespace, p.name, undefined, undefined, undefined).toString();
  } catch {
    return bare(purl).base;
  }
}

/** The purl without qualifiers and subpath (version kept), canonical when it parses. */
function purlVersioned(purl: string): string {
  try {
    const p = PackageURL.fromString(purl);
    return new PackageURL(p.type, p.namespace, p.name, p.version, undefined, undefined).toString();
  } catch {
    return bare(purl).withVersion;
  }
}

/**
 * The strings stored purls may start with: as the caller wrote it and canonical (`@scope` and
 * `%40scope` are one npm package), without qualifiers, with or without the version.
 */
function purlPrefixes(purl: string): string[] {
  const b = bare(purl);
  return b.version
    ? [...new Set([b.withVersion, purlVersioned(purl)])]
    : [...new Set([b.base, purlBase(purl)])];
}

function nameCondition(store: Store, name: string, prefix: boolean): Expression<SqlBool> {
  // A query with a group (`org.apache.logging.log4j:log4j-core`) is looked up by its artifact,
  // which is also how a bare `log4j-core` finds Maven components.
  const artifactKey = sqlKey(artifactOf(name));
  const exprs = [sql.raw(nameKeySql(store.dialect, 'full')), sql.raw(nameKeySql(store.dialect, 'artifact'))];
  const keys = [sqlKey(name), artifactKey];
  const parts = exprs.map((e, i) =>
    prefix
      ? sql<SqlBool>`(${e} >= ${keys[i]} AND ${e} < ${successor(keys[i]!)})`
      : sql<SqlBool>`${e} = ${keys[i]}`,
  );
  return sql<SqlBool>`(${parts[0]} OR ${parts[1]})`;
}

function purlCondition(store: Store, purl: string): Expression<SqlBool> {
  const key = sql.raw(purlKeySql(store.dialect));
  // `p`, `p@…`, `p?…`, `p#…`: equality, then one range from '#' up to 'A' past the prefix; the
  // few other strings that range holds are dropped by `exactly`.
  const ors = purlPrefixes(purl).map(
    (p) => sql<SqlBool>`(${key} = ${p} OR (${key} >= ${`${p}#`} AND ${key} < ${`${p}A`}))`,
  );
  return sql<SqlBool>`(${sql.join(ors, sql` OR `)})`;
}

/** The exact rules the SQL keys only approximate. */
function exactly(s: ComponentSearch): (r: ComponentRow) => boolean {
  const versioned = s.purl !== undefined && bare(s.purl).version;
  const wantedPurl = s.purl === undefined ? undefined : versioned ? purlVersioned(s.purl) : purlBase(s.purl);
  return (r) => {
    if (s.name !== undefined) {
      const have = normalizeName(r.ecosystem, r.name);
      const want = normalizeName(r.ecosystem, s.name);
      const hit = (a: string) => (s.prefix ? a.startsWith(want) : a === want);
      if (!hit(have) && (s.name.includes(':') || !hit(artifactOf(have)))) return false;
    }
    if (wantedPurl !== undefined) {
      if (!r.purl || (versioned ? purlVersioned(r.purl) : purlBase(r.purl)) !== wantedPurl) return false;
    }
    return s.keep ? s.keep(r) : true;
  };
}

/** The indexed part of the search, in page order, from a (project id, branch, id) cursor on. */
export function candidateQuery(store: Store, s: ComponentSearch, after?: [number, string, number]) {
  let q = store.db
    .selectFrom('components')
    .selectAll()
    .orderBy('project_id')
    .orderBy('branch')
    .orderBy('id')
    .limit(CHUNK);
  if (s.name !== undefined) q = q.where(nameCondition(store, s.name, s.prefix ?? false));
  if (s.purl !== undefined) q = q.where(purlCondition(store, s.purl));
  if (s.ecosystem !== undefined) q = q.where('ecosystem', '=', s.ecosystem);
  if (s.projectId !== undefined) q = q.where('project_id', '=', s.projectId);
  // `+ 0`: the cursor must never become the index the planner walks (from the cursor to the end
  // of the table); the name or purl index narrows, the cursor only filters.
  if (after)
    q = q.where(sql<SqlBool>`(project_id + 0, branch, id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return q;
}

/**
 * One page of project/branch groups, in (project id, branch) order. Needs a name, a purl or a
 * project: anything else would read the whole table.
 */
export async function searchComponents(
  store: Store,
  s: ComponentSearch,
): Promise<{ groups: ComponentGroup[]; more: boolean }> {
  const keep = exactly(s);
  let cursor: [number, string, number] | undefined = s.after && [
    s.after.projectId,
    s.after.branch,
    Number.MAX_SAFE_INTEGER,
  ];
  const groups: ComponentGroup[] = [];
  for (;;) {
    const rows = await candidateQuery(store, s, cursor).execute();
    for (const r of rows) {
      cursor = [r.project_id, r.branch, r.id];
      if (!keep(r)) continue;
      const last = groups.at(-1);
      if (last && last.projectId === r.project_id && last.branch === r.branch) last.components.push(r);
      else if (groups.length === s.limit) return { groups: await named(store, groups), more: true };
      else
        groups.push({
          projectId: r.project_id,
          project: '',
          branch: r.branch,
          scanId: r.scan_id,
          components: [r],
        });
    }
    if (rows.length < CHUNK) return { groups: await named(store, groups), more: false };
  }
}

async function named(store: Store, groups: ComponentGroup[]): Promise<ComponentGroup[]> {
  const ids = [...new Set(groups.map((g) => g.projectId))];
  if (!ids.length) return groups;
  const rows = await store.db.selectFrom('projects').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((p) => [p.id, p.name]));
  return groups.map((g) => ({ ...g, project: names.get(g.projectId) ?? String(g.projectId) }));
}
