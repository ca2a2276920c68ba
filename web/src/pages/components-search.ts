import type { paths } from '../api/openapi';

type Get = paths['/api/v1/components']['get'];
export type SearchQuery = NonNullable<Get['parameters']['query']>;
export type Group = Get['responses'][200]['content']['application/json']['results'][number];

/** The search form's fields, as they stand in the URL. */
export const FIELDS = ['name', 'match', 'purl', 'ecosystem', 'version', 'project'] as const;
export type Field = (typeof FIELDS)[number];
export type Search = Record<Field, string>;

/** Ecosystems the server knows by these names (OSV's); others are passed as typed. */
export const ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'RubyGems',
  'Packagist',
  'Maven',
  'NuGet',
  'Hex',
  'Pub',
  'Debian',
  'Ubuntu',
  'Alpine',
  'Red Hat',
  'Rocky Linux',
  'AlmaLinux',
  'Amazon Linux',
];

/** The example the empty page offers: who ships a log4j-core older than the Log4Shell fixes. */
export const EXAMPLE: Partial<Search> = { name: 'log4j-core', version: '< 2.17.0' };

/** The search from the URL's parameters or the form's fields. */
export function readSearch(from: { get(name: string): unknown }): Search {
  const s = Object.fromEntries(FIELDS.map((f) => [f, String(from.get(f) ?? '').trim()])) as Search;
  if (s.match !== 'prefix') s.match = 'exact';
  return s;
}

export function searchParams(s: Partial<Search>): URLSearchParams {
  const p = new URLSearchParams();
  for (const f of FIELDS) {
    const v = s[f]?.trim();
    // exact is the default match: keep shared links short.
    if (v && !(f === 'match' && v === 'exact')) p.set(f, v);
  }
  return p;
}

/** Why the server would refuse the search, said before asking it; undefined when it may run. */
export function searchProblem(s: Search): string | undefined {
  if (!s.name && !s.purl && !s.project)
    return 'Give a package name, a purl or a project: the search needs at least one of them.';
  if (s.purl && !/^pkg:[a-z0-9.+-]+\/.+/i.test(s.purl))
    return 'A purl looks like pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 (type, then name).';
  return undefined;
}

export function apiQuery(s: Search, after: string | undefined): SearchQuery {
  const q: SearchQuery = { limit: 50 };
  if (s.name) q.name = s.name;
  if (s.name && s.match === 'prefix') q.match = 'prefix';
  if (s.purl) q.purl = s.purl;
  if (s.ecosystem) q.ecosystem = s.ecosystem;
  if (s.version) q.version = s.version;
  if (s.project) q.project = s.project;
  if (after) q.after = after;
  return q;
}

/** Groups (one per project and branch, in the server's order) gathered by project. */
export function byProject(groups: Group[]): { project: string; branches: Group[] }[] {
  const out: { project: string; branches: Group[] }[] = [];
  for (const g of groups) {
    const last = out.at(-1);
    if (last?.project === g.project) last.branches.push(g);
    else out.push({ project: g.project, branches: [g] });
  }
  return out;
}

/** The search in words: "log4j-core (prefix) < 2.17.0 in Maven". */
export function describe(s: Search): string {
  const parts = [s.purl || s.name];
  if (s.name && s.match === 'prefix') parts[0] = `${s.name}…`;
  if (s.version) parts.push(s.version);
  if (s.ecosystem) parts.push(`in ${s.ecosystem}`);
  if (s.project) parts.push(`in project ${s.project}`);
  return parts.filter(Boolean).join(' ');
}
