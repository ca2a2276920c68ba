/**
 * Keyset pagination of the finding list: a cursor is the sort key and id of the last row a page
 * showed, so the next page starts right after it whatever was inserted meanwhile, and no page
 * costs more than the first (no OFFSET). Opaque to clients: base64url of a small JSON object.
 */
export const FINDING_SORTS = ['severity', 'first_seen', 'last_seen', 'sla_due', 'rule', 'path'] as const;
export type FindingSortKey = (typeof FINDING_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface FindingSort {
  key: FindingSortKey;
  order: SortOrder;
}

/** The column each sort reads; sla_due is the only one that may be null. */
export const SORT_COLUMNS = {
  severity: 'severity_rank',
  first_seen: 'first_seen_at',
  last_seen: 'last_seen_at',
  sla_due: 'sla_due_at',
  rule: 'rule_id',
  path: 'path',
} as const satisfies Record<FindingSortKey, string>;

/** What a client expects when it names a sort without an order: worst, newest, soonest, A to Z. */
export const DEFAULT_ORDER: Record<FindingSortKey, SortOrder> = {
  severity: 'desc',
  first_seen: 'desc',
  last_seen: 'desc',
  sla_due: 'asc',
  rule: 'asc',
  path: 'asc',
};

export type SortValue = number | string | null;

export interface FindingCursor {
  sort: FindingSort;
  value: SortValue;
  id: number;
}

const TEXT_SORTS: ReadonlySet<FindingSortKey> = new Set(['rule', 'path']);

export function encodeCursor(c: FindingCursor): string {
  return Buffer.from(JSON.stringify({ s: c.sort.key, o: c.sort.order, v: c.value, i: c.id })).toString(
    'base64url',
  );
}

/** The cursor, or undefined when it is not one this sort produced (edited, or from another sort). */
export function decodeCursor(text: string, sort: FindingSort): FindingCursor | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { s, o, v, i } = raw as Record<string, unknown>;
  if (s !== sort.key || o !== sort.order || !Number.isSafeInteger(i) || (i as number) < 0) return undefined;
  if (!valueFits(sort.key, v)) return undefined;
  return { sort, value: v as SortValue, id: i as number };
}

function valueFits(key: FindingSortKey, v: unknown): boolean {
  if (v === null) return key === 'sla_due';
  if (TEXT_SORTS.has(key)) return typeof v === 'string' && v.length <= 10_000;
  return typeof v === 'number' && Number.isSafeInteger(v);
}
