import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Store } from './connect.js';
import { branchedPage } from './findings-branches.js';
import { type FindingCursor, type FindingSort, SORT_COLUMNS } from './findings-cursor.js';
import {
  commonConditions,
  effectiveStatuses,
  type FindingFilter,
  statusCondition,
  type TextMode,
} from './findings-filter.js';
import {
  type FindingSummaryRow,
  findingsSeen,
  type ListPage,
  type ListRequest,
  summarySelect,
  visible,
} from './findings-page.js';
import type { FindingState, Tables } from './schema.js';

export type { FindingSummaryRow, ListPage, ListRequest } from './findings-page.js';

/**
 * Below this many matching rows a page is collected through the filter's own index and sorted;
 * above it, read in sort order from an index (findings-branches.ts), where matches come often.
 * Either way a page costs about the same whatever page it is (no OFFSET).
 */
const SPARSE_ROWS = 20_000;

/**
 * How long reading in sort order may take on PostgreSQL, for a filter that could also be
 * collected and sorted, before the list does that instead. Reading in order is fast when matches
 * are spread over the sort order; a filter correlated with the sort (a path fragment, sorted by
 * path) puts them all at one end, and the read would go through most of the index first.
 */
const WALK_BUDGET_MS = 250;

type Plan = { kind: 'sparse'; text: TextMode } | { kind: 'dense'; fallback?: TextMode };

/** One page of the finding list, after `req.after` when set. */
export async function listFindings(store: Store, req: ListRequest): Promise<ListPage> {
  if (effectiveStatuses(req.filter).length === 0) return { rows: [] };
  const plan = await choosePlan(store, req);
  const read =
    plan.kind === 'sparse'
      ? { rows: await sparsePage(store, req, plan.text), plan: 'sparse' as const }
      : await densePage(store, req, plan.fallback);
  const page = read.rows.slice(0, req.limit);
  const last = page.at(-1);
  if (read.rows.length <= req.limit || !last) return { rows: page, plan: read.plan };
  const next = { sort: req.sort, value: last[SORT_COLUMNS[req.sort.key]], id: last.id };
  return { rows: page, next, plan: read.plan };
}

type Eb = ExpressionBuilder<Tables, 'findings' | 'finding_seen'>;

function matching(store: Store, f: FindingFilter, now: number, text: TextMode = 'indexed') {
  const q = store.db
    .selectFrom('findings')
    .where((eb) => eb.and([statusCondition(eb, f, now), commonConditions(eb, f, store.dialect, text)]));
  return visible(q, f);
}

/** The same rows, with when each was last seen: for the page itself. */
function matchingSeen(store: Store, f: FindingFilter, now: number, text: TextMode) {
  const q = findingsSeen(store.db).where((eb) =>
    eb.and([statusCondition(eb, f, now), commonConditions(eb, f, store.dialect, text)]),
  );
  return visible(q, f);
}

/**
 * Whether the filter selects few rows, and then whether the text search should use its index.
 * The planner reads an index in sort order when it expects matches to come often, and misjudges
 * that for narrow filters; its estimate of how many rows match is far better, so PostgreSQL is
 * asked for that (a plan, not a run). The trigram index is used only when the text is what makes
 * the filter narrow: next to a narrow project or rule filter, ANDing its bitmap (often millions
 * of rows for a short text) costs more than testing the few rows. SQLite counts, up to the
 * bound: it is in-process and small.
 */
async function choosePlan(store: Store, req: ListRequest): Promise<Plan> {
  const f = req.filter;
  const text: TextMode = store.dialect === 'postgres' && f.text ? 'indexed' : 'scan';
  if (req.plan === 'sparse') return { kind: 'sparse', text };
  if (req.plan === 'dense')
    return { kind: 'dense', fallback: req.walkBudgetMs === undefined ? undefined : text };
  const narrow =
    f.projectIds || f.rules?.length || f.firstSeenFrom !== undefined || f.firstSeenTo !== undefined;
  if (!narrow && !f.text) return { kind: 'dense' };
  if (store.dialect === 'sqlite')
    return (await countUpTo(store, req)) < SPARSE_ROWS ? { kind: 'sparse', text } : { kind: 'dense' };
  if (narrow && (await estimatedRows(store, { ...f, text: undefined }, req.now)) < SPARSE_ROWS)
    return { kind: 'sparse', text: 'scan' };
  if (f.text && (await estimatedRows(store, f, req.now)) < SPARSE_ROWS) return { kind: 'sparse', text };
  return { kind: 'dense', fallback: text };
}

/** The in-order read; on PostgreSQL within WALK_BUDGET_MS when there is a fallback. */
async function densePage(
  store: Store,
  req: ListRequest,
  fallback: TextMode | undefined,
): Promise<{ rows: FindingSummaryRow[]; plan: 'dense' | 'fallback' }> {
  if (store.dialect !== 'postgres' || fallback === undefined)
    return { rows: await branchedPage(store, req), plan: 'dense' };
  const budget = Math.max(1, Math.round(req.walkBudgetMs ?? WALK_BUDGET_MS));
  try {
    const rows = await store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL statement_timeout = ${sql.lit(budget)}`.execute(trx);
      return branchedPage({ ...store, db: trx }, req);
    });
    return { rows, plan: 'dense' };
  } catch (e) {
    if ((e as { code?: string }).code !== QUERY_CANCELED) throw e;
    return { rows: await sparsePage(store, req, fallback), plan: 'fallback' };
  }
}

/** PostgreSQL's SQLSTATE for a statement stopped by statement_timeout. */
const QUERY_CANCELED = '57014';

async function estimatedRows(store: Store, f: FindingFilter, now: number): Promise<number> {
  const plan = await matching(store, f, now).select('id').explain('json');
  const top = plan[0]?.['QUERY PLAN'] as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return top?.[0]?.Plan?.['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

async function countUpTo(store: Store, req: ListRequest): Promise<number> {
  const probe = matching(store, req.filter, req.now).select('id').limit(SPARSE_ROWS);
  const { n } = await store.db
    .selectFrom(probe.as('probe'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The page among few rows: ordered by expressions no index provides, so none is walked. */
async function sparsePage(store: Store, req: ListRequest, text: TextMode): Promise<FindingSummaryRow[]> {
  const column = SORT_COLUMNS[req.sort.key];
  const order = req.sort.order;
  let q = summarySelect(matchingSeen(store, req.filter, req.now, text));
  const after = req.after;
  if (after) q = q.where((eb) => afterCursor(eb, req.sort, after));
  if (req.sort.key === 'sla_due')
    q = q.orderBy(sql`CASE WHEN ${sql.ref(column)} IS NULL THEN 1 ELSE 0 END`, order);
  const key =
    column === 'rule_id' || column === 'path' ? sql`${sql.ref(column)} || ''` : sql`${sql.ref(column)} + 0`;
  return q
    .orderBy(key, order)
    .orderBy(sql`id + 0`, order)
    .limit(req.limit + 1)
    .execute();
}

/**
 * Rows after the cursor in (sort value, id) order. The one nullable sort, sla_due, puts the rows
 * without a due date last ascending and first descending.
 */
function afterCursor(eb: Eb, sort: FindingSort, after: FindingCursor): Expression<SqlBool> {
  const column = SORT_COLUMNS[sort.key];
  const desc = sort.order === 'desc';
  const op = desc ? '<' : '>';
  const past = () => eb(eb.refTuple(column, 'id'), op, eb.tuple(after.value as number, after.id));
  if (sort.key !== 'sla_due') return past();
  const isNull = eb(column, 'is', null);
  const notNull = eb(column, 'is not', null);
  if (after.value === null) {
    const inNulls = eb.and([isNull, eb('id', op, after.id)]);
    return desc ? eb.or([inNulls, notNull]) : inNulls;
  }
  const inDated = eb.and([notNull, past()]);
  return desc ? inDated : eb.or([inDated, isNull]);
}

/** How many findings the filter selects, per status (the list never counts; this is its own call). */
export async function countFindings(
  store: Store,
  filter: FindingFilter,
  now: number,
): Promise<Partial<Record<FindingState, number>>> {
  if (effectiveStatuses(filter).length === 0) return {};
  const rows = await matching(store, filter, now)
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
