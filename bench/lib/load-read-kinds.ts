/** What the load benchmark's readers ask for: several kinds of request, each with its variations. */

export interface ReadTargets {
  /** Projects that exist, each with a scan of `main`. */
  projects: readonly string[];
  /** Finding ids that exist. */
  findingIds: readonly number[];
}

export interface ReadKind {
  kind: string;
  connections: number;
  paths: Path[];
  /** A first page, then the next page through its cursor (both kinds FIRST_PAGE and NEXT_PAGE). */
  paged?: boolean;
}

export type Path = (i: number) => string;

export const FIRST_PAGE = 'findings: first page (filters, sorts)';
export const NEXT_PAGE = 'findings: next page (cursor)';

/** Each kind of read, its share of the connections, and the paths it asks in turn. */
export function readKinds(s: ReadTargets): ReadKind[] {
  const project = (i: number) => encodeURIComponent(s.projects[(i * 7919) % s.projects.length]!);
  const lists: Path[] = [
    () => '/findings?limit=50',
    (i) => `/findings?project=${project(i)}&limit=50`,
    (i) => `/findings?project=${project(i)}&sort=last_seen&limit=50`,
    () => '/findings?severity=critical,high&scanner=sca&limit=50',
    (i) => `/findings?rule=sast/rule-${i % 97}&limit=50`,
    (i) => `/findings?text=module-${i % 211}/&limit=50`,
    () => '/findings?status=fixed&sort=first_seen&limit=50',
    () => '/findings?sort=path&limit=50',
    () => '/findings?sort=sla_due&limit=50',
    () => '/findings?status=all&sort=rule&order=desc&limit=50',
  ];
  // Lists with more than a page, so the first page always has a `next`.
  const paged: Path[] = [
    () => '/findings?limit=50',
    () => '/findings?sort=path&limit=50',
    () => '/findings?severity=medium&sort=last_seen&limit=50',
    () => '/findings?status=all&sort=rule&limit=50',
    (i) => `/findings?project=${project(i)}&sort=first_seen&limit=50`,
  ];
  const metrics: Path[] = [
    () => '/metrics/mttr',
    (i) => `/metrics/mttr?project=${project(i)}`,
    () => '/metrics/mttd',
    () => '/metrics/sla',
    () => '/metrics/burndown?days=30',
    () => '/metrics/gate',
    () => '/metrics/coverage',
    () => '/metrics/noise',
    () => '/metrics/secrets',
  ];
  const projects: Path[] = [
    () => '/projects?limit=100',
    () => '/projects?limit=100&after=100',
    (i) => `/projects?q=p0${i % 10}`,
  ];
  return [
    { kind: FIRST_PAGE, connections: 50, paths: lists },
    {
      kind: 'finding detail',
      connections: 30,
      paths: [(i: number) => `/findings/${s.findingIds[(i * 7919) % s.findingIds.length]}`],
    },
    { kind: 'projects', connections: 20, paths: projects },
    { kind: 'metrics', connections: 40, paths: metrics },
    { kind: 'gate', connections: 30, paths: [(i: number) => `/gate?project=${project(i)}&branch=main`] },
    { kind: NEXT_PAGE, connections: 30, paths: paged, paged: true },
  ];
}
