import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { DAY_MS, type FindingScope, inScope, num, periodIndex, resolvedInWindow } from './scope.js';
import { dayOf, dayStart, runsOf } from './snapshot-days.js';
import { type FrozenDay, frozenDays } from './snapshot-read.js';

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
 * (docs/metrics.md#burndown). A snapshotted day is read from its snapshot. The other days (today,
 * days never snapshotted) are computed from the findings' own times: the count left at the end
 * of the snapshotted day before them (or, without one, the backlog counted live), then each
 * day's arrivals and resolutions, grouped by day in SQL.
 */
export async function burndown(
  store: Store,
  s: FindingScope,
  days: number,
  now: number,
): Promise<BurndownDay[]> {
  const first = dayOf(now) - (days - 1);
  const taken = await store.db
    .selectFrom('metric_snapshot_days')
    .select('day')
    .where('day', '>=', first - 1)
    .where('day', '<', dayOf(now))
    .orderBy('day')
    .execute();
  const frozen = await frozenDays(store.db, s, runsOf(taken.map((r) => num(r.day))));
  const out: BurndownDay[] = [];
  for (let day = first; day <= dayOf(now); ) {
    let end = day;
    if (!frozen.has(day)) while (end < dayOf(now) && !frozen.has(end + 1)) end++;
    const points = frozen.has(day)
      ? [frozen.get(day)!]
      : await liveDays(store, s, day, end, now, frozen.get(day - 1));
    points.forEach((p, i) => {
      out.push({
        date: new Date(dayStart(day + i)).toISOString().slice(0, 10),
        open: p.open,
        opened: p.opened,
        resolved: p.resolved,
      });
    });
    day = end + 1;
  }
  return out;
}

/** Days first..last (the last may be today, up to now) computed live, from `before`'s end count if known. */
async function liveDays(
  store: Store,
  s: FindingScope,
  first: number,
  last: number,
  now: number,
  before: FrozenDay | undefined,
): Promise<Omit<FrozenDay, 'blocked'>[]> {
  const start = dayStart(first);
  const window = { ...s, from: start, to: Math.min(dayStart(last + 1), now) };
  const [base, opened, resolved] = await Promise.all([
    before ? before.open : backlogAt(store, s, start),
    perDay(store, window),
    resolvedPerDay(store, window),
  ]);
  let open = base;
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const day = { opened: opened.get(i) ?? 0, resolved: resolved.get(i) ?? 0 };
    open += day.opened - day.resolved;
    return { open, ...day };
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
  w: FindingScope & { from: number; to: number },
): Promise<Map<number, number>> {
  const rows = await inScope(
    store.db
      .selectFrom('findings')
      .select([periodIndex('first_seen_at', w.from, DAY_MS).as('day'), (eb) => eb.fn.countAll().as('n')])
      .where('first_seen_at', '>=', w.from)
      .where('first_seen_at', '<', w.to)
      .groupBy('day'),
    w,
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
