import { FINDING_STATUSES, type FindingStatusName, OPEN_STATUSES } from '../ui/finding-status';
import { SEVERITIES, type Severity } from '../ui/severity';
import { SLA_NAMES, type SlaName } from '../ui/sla-label';
import type { FindingsQuery, SortKey, SortOrder } from './finding-types';

/**
 * The findings table's whole state as URL parameters, so a view can be bookmarked and shared:
 * the filters GET /api/v1/findings takes (same names), the sort, the page size, the page's cursor
 * and the cursors of the pages before it (for "Previous"). Anything the URL says that the API
 * would refuse is dropped here, so an edited link shows a view rather than an error.
 */

export const SORT_KEYS = ['severity', 'first_seen', 'last_seen', 'sla_due', 'rule', 'path'] as const;

/** The order each sort takes when first chosen, as the server defaults it: worst, newest, soonest, A–Z. */
export const DEFAULT_ORDER: Record<SortKey, SortOrder> = {
  severity: 'desc',
  first_seen: 'desc',
  last_seen: 'desc',
  sla_due: 'asc',
  rule: 'asc',
  path: 'asc',
};

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Previous pages remembered in the URL; beyond that "Previous" from the oldest goes to the first. */
export const MAX_BACK = 30;

export interface FindingsFilter {
  project: string[];
  scanner: string[];
  severity: Severity[];
  /** Empty means the server's default (open, confirmed, in progress). */
  status: FindingStatusName[];
  rule: string[];
  text: string;
  /** YYYY-MM-DD (UTC days, both inclusive) or empty. */
  firstSeenFrom: string;
  firstSeenTo: string;
  sla: SlaName | '';
}

export interface FindingsView {
  filter: FindingsFilter;
  sort: SortKey;
  order: SortOrder;
  limit: number;
  /** The cursor of the page shown; undefined on the first page. */
  cursor?: string;
  /** Cursors of the pages before this one, oldest first (the first page has none). */
  back: string[];
  /** 1-based; shown to people, not sent to the server. */
  page: number;
}

export const EMPTY_FILTER: FindingsFilter = {
  project: [],
  scanner: [],
  severity: [],
  status: [],
  rule: [],
  text: '',
  firstSeenFrom: '',
  firstSeenTo: '',
  sla: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,4096}$/;

/** `a,b` and repeated parameters alike (the API reads both), trimmed, without blanks or repeats. */
function list(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return [...new Set(values)];
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function readStatuses(params: URLSearchParams): FindingStatusName[] {
  const asked = list(params, 'status');
  if (asked.includes('all')) return [...FINDING_STATUSES];
  return FINDING_STATUSES.filter((s) => asked.includes(s));
}

export function readFilter(params: URLSearchParams): FindingsFilter {
  const date = (name: string) => {
    const v = params.get(name) ?? '';
    return DATE.test(v) ? v : '';
  };
  return {
    project: list(params, 'project'),
    scanner: list(params, 'scanner'),
    severity: SEVERITIES.filter((s) => list(params, 'severity').includes(s)),
    status: readStatuses(params),
    rule: list(params, 'rule'),
    text: (params.get('text') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200),
    firstSeenFrom: date('firstSeenFrom'),
    firstSeenTo: date('firstSeenTo'),
    sla: oneOf(params.get('sla'), SLA_NAMES) ?? '',
  };
}

export function readView(params: URLSearchParams): FindingsView {
  const sort = oneOf(params.get('sort'), SORT_KEYS) ?? 'severity';
  const limit = Number(params.get('limit'));
  const cursor = params.get('cursor') ?? '';
  const hasCursor = CURSOR.test(cursor);
  const back = hasCursor ? list(params, 'back').filter((c) => CURSOR.test(c)) : [];
  const page = Number(params.get('page'));
  return {
    filter: readFilter(params),
    sort,
    order: oneOf(params.get('order'), ['asc', 'desc'] as const) ?? DEFAULT_ORDER[sort],
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    ...(hasCursor ? { cursor } : {}),
    back,
    page: hasCursor ? Math.max(Number.isSafeInteger(page) ? page : 0, back.length + 2) : 1,
  };
}

/** The statuses as the URL and the API say them: none for the default, `all` for every one. */
function statusParam(status: FindingStatusName[]): string | undefined {
  if (status.length === 0) return undefined;
  if (status.length === FINDING_STATUSES.length) return 'all';
  if (status.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => status.includes(s)))
    return undefined;
  return status.join(',');
}

function filterParams(f: FindingsFilter): URLSearchParams {
  const p = new URLSearchParams();
  const put = (name: string, value: string | undefined) => {
    if (value) p.set(name, value);
  };
  put('text', f.text);
  put('project', f.project.join(','));
  put('severity', f.severity.join(','));
  put('status', statusParam(f.status));
  put('scanner', f.scanner.join(','));
  put('rule', f.rule.join(','));
  put('sla', f.sla);
  put('firstSeenFrom', f.firstSeenFrom);
  put('firstSeenTo', f.firstSeenTo);
  return p;
}

/** The view as URL parameters, leaving out whatever is the default (short links). */
export function writeView(v: FindingsView): URLSearchParams {
  const p = filterParams(v.filter);
  if (v.sort !== 'severity') p.set('sort', v.sort);
  if (v.order !== DEFAULT_ORDER[v.sort]) p.set('order', v.order);
  if (v.limit !== DEFAULT_PAGE_SIZE) p.set('limit', String(v.limit));
  if (v.cursor) {
    p.set('cursor', v.cursor);
    if (v.back.length) p.set('back', v.back.join(','));
    p.set('page', String(v.page));
  }
  return p;
}

/** The request for the page the view shows: exactly what the URL says, nothing sorted here. */
export function apiQuery(v: FindingsView): FindingsQuery {
  const f = v.filter;
  const status = statusParam(f.status);
  const text = f.text.trim();
  return {
    ...(f.project.length ? { project: f.project } : {}),
    ...(f.scanner.length ? { scanner: f.scanner } : {}),
    ...(f.severity.length ? { severity: f.severity } : {}),
    ...(status ? { status: status.split(',') } : {}),
    ...(f.rule.length ? { rule: f.rule } : {}),
    ...(text ? { text } : {}),
    ...(f.firstSeenFrom ? { firstSeenFrom: f.firstSeenFrom } : {}),
    ...(f.firstSeenTo ? { firstSeenTo: f.firstSeenTo } : {}),
    ...(f.sla ? { sla: f.sla } : {}),
    sort: v.sort,
    order: v.order,
    limit: v.limit,
    ...(v.cursor ? { cursor: v.cursor } : {}),
  };
}

/** True when nothing narrows the list beyond the default (open findings of every visible project). */
export function isDefaultFilter(f: FindingsFilter): boolean {
  return filterParams(f).toString() === '';
}

/** The same list from its first page. */
export function firstPage(v: FindingsView): FindingsView {
  const { cursor: _, ...rest } = v;
  return { ...rest, back: [], page: 1 };
}

/** Another filter starts from the first page (a cursor belongs to one list). */
export function withFilter(v: FindingsView, patch: Partial<FindingsFilter>): FindingsView {
  return firstPage({ ...v, filter: { ...v.filter, ...patch } });
}

/** A header click: the same key flips its order, another key starts with its natural order. */
export function withSort(v: FindingsView, key: SortKey): FindingsView {
  const order = v.sort === key ? (v.order === 'asc' ? 'desc' : 'asc') : DEFAULT_ORDER[key];
  return firstPage({ ...v, sort: key, order });
}

export function withPageSize(v: FindingsView, limit: number): FindingsView {
  return firstPage({ ...v, limit });
}

export function nextPage(v: FindingsView, next: string): FindingsView {
  const back = v.cursor ? [...v.back, v.cursor].slice(-MAX_BACK) : [];
  return { ...v, cursor: next, back, page: v.page + 1 };
}

/** One page back; when the page before was not remembered (an old shared link), the first page. */
export function previousPage(v: FindingsView): FindingsView {
  const cursor = v.back.at(-1);
  if (!cursor || v.page <= 2) return firstPage(v);
  return { ...v, cursor, back: v.back.slice(0, -1), page: v.page - 1 };
}

export function clearFilters(v: FindingsView): FindingsView {
  return firstPage({ ...v, filter: EMPTY_FILTER });
}
