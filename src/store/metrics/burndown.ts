import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { DAY_MS, type FindingScope, inScope, num, periodIndex, resolvedInWindow } from './scope.js';

export interface BurndownDay {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** Unresolved at the end of the day (for today: now). */
  open: number;
  /** First seen that day. */
  opened: number;
  /** Resolved that day (fixed, closed, marked false positive). */
  resolved: number;
}

/**
 * Unresolved findings at the end of each of the last `days` UTC days, today included
 * (docs/metrics.md#burndown). Computed from the findings' own times, no snapshots: the backlog
 * before the first day, then each day's arrivals and resolutions, grouped by day in SQL.
 */
export async function burndown(
  store: Store,
  s: FindingScope,
  days: number,
  now: number,
): Promise<BurndownDay[]> {
  const start = Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const window = { ...s, from: start, to: now };
  const [before, opened, resolved] = await Promise.all([
    backlogAt(store, s, start),
    perDay(store, 'first_seen_at', start, now, s),
    resolvedPerDay(store, window),
  ]);
  let open = before;
  return Array.from({ length: days }, (_, i) => {
    const day = { opened: opened.get(i) ?? 0, resolved: resolved.get(i) ?? 0 };
    open += day.opened - day.resolved;
    return { date: new Date(start + i * DAY_MS).toISOString().slice(0, 10), open, ...day };
  });
}

/** Unresolved at `at`: first seen before it, minus those resolved before it. */
async function backlogAt(store: Store, s: FindingScope, at: number): Promise<number> {
  const seen = inScope(
    store.db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('first_seen_at', '<', at),
    s,
  ).executeTakeFirstOrThrow();
  const gone = store.db
    .selectFrom(resolvedInWindow(store.db, { ...s, from: 0, to: at }).as('r'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const [a, b] = await Promise.all([seen, gone]);
  return num(a.n) - num(b.n);
}

async function perDay(
  store: Store,
  column: 'first_seen_at',
  from: number,
  to: number,
  s: FindingScope,
): Promise<Map<number, number>> {
  const rows = await inScope(
    store.db
      .selectFrom('findings')
      .select([periodIndex(column, from, DAY_MS).as('day'), (eb) => eb.fn.countAll().as('n')])
      .where(column, '>=', from)
      .where(column, '<', to)
      .groupBy('day'),
    s,
  ).execute();
  return new Map(rows.map((r) => [num(r.day), num(r.n)]));
}

async function resolvedPerDay(store: Store, w: FindingScope & { from: number; to: number }) {
  const rows = await store.db
    .selectFrom(resolvedInWindow(store.db, w).as('r'))
    .select([periodIndex('resolved_at', w.from, DAY_MS).as('day'), sql<number>`count(*)`.as('n')])
    .groupBy('day')
    .execute();
  return new Map(rows.map((r) => [num(r.day), num(r.n)]));
}
