/**
 * The projects list's state as URL parameters (shareable, kept on reload): the API's own names
 * (`GET /api/v1/metrics/projects`), defaults left out. Values the API would refuse are dropped,
 * so an edited link shows a list rather than an error.
 */

export const PROJECT_SORTS = ['risk', 'name', 'tier', 'critical', 'high', 'last_scan'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const TIERS = ['critical', 'high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];
export type Order = 'asc' | 'desc';

/** As the server orders them when asked for a sort alone: worst, newest, most critical first; names A–Z. */
export const DEFAULT_ORDER: Record<ProjectSort, Order> = {
  risk: 'desc',
  name: 'asc',
  tier: 'desc',
  critical: 'desc',
  high: 'desc',
  last_scan: 'desc',
};

/**
 * A to Z by default: sorting by name or tier reads the projects alone, while the orders by open
 * findings (risk, critical, high) count every open finding, which takes seconds with millions.
 */
export const DEFAULT_SORT: ProjectSort = 'name';

export interface ProjectsView {
  sort: ProjectSort;
  order: Order;
  q: string;
  tier: Tier | '';
  team: string;
}

const oneOf = <T extends string>(v: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === v);

export function readProjectsView(p: URLSearchParams): ProjectsView {
  const sort = oneOf(p.get('sort'), PROJECT_SORTS) ?? DEFAULT_SORT;
  return {
    sort,
    order: oneOf(p.get('order'), ['asc', 'desc'] as const) ?? DEFAULT_ORDER[sort],
    q: (p.get('q') ?? '').slice(0, 200),
    tier: oneOf(p.get('tier'), TIERS) ?? '',
    team: (p.get('team') ?? '').slice(0, 200),
  };
}

/** The view as URL parameters; a new view starts from the first page (no cursor). */
export function writeProjectsView(v: ProjectsView): URLSearchParams {
  const p = new URLSearchParams();
  if (v.sort !== DEFAULT_SORT) p.set('sort', v.sort);
  if (v.order !== DEFAULT_ORDER[v.sort]) p.set('order', v.order);
  if (v.q) p.set('q', v.q);
  if (v.tier) p.set('tier', v.tier);
  if (v.team) p.set('team', v.team);
  return p;
}

/** A header click: the same column flips its order, another one starts with its natural order. */
export function withSort(v: ProjectsView, sort: ProjectSort): ProjectsView {
  const order = v.sort === sort ? (v.order === 'asc' ? 'desc' : 'asc') : DEFAULT_ORDER[sort];
  return { ...v, sort, order };
}

export const isFiltered = (v: ProjectsView) => Boolean(v.q || v.tier || v.team);

/** The request for one page of the view. */
export function projectsQuery(v: ProjectsView, cursor: string | undefined, limit: number) {
  return {
    sort: v.sort,
    order: v.order,
    limit,
    ...(v.q ? { q: v.q } : {}),
    ...(v.tier ? { tier: v.tier } : {}),
    ...(v.team ? { team: v.team } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
