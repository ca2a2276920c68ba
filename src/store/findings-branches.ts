import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Store } from './connect.js';
import { SORT_COLUMNS, type SortValue } from './findings-cursor.js';
import { commonConditions, effectiveStatuses, oneStatusCondition } from './findings-filter.js';
import {
  type FindingSummaryRow,
  findingsSeen,
  type ListRequest,
  summarySelect,
  visible,
} from './findings-page.js';
import type { FindingState, Tables } from './schema.js';

/**
 * The list over many matching rows. It is cut into branches — the rows of one status (and one
 * project, one severity, one side of the null line when the query splits on those) — so that
 * each branch is an index prefix followed by the sort column and reads its first rows in order
 * straight from the index; the page is the merge of the branches' first rows. A single
 * `status IN (…) ORDER BY …` cannot do that on PostgreSQL: it would read and sort every open
 * finding (millions) to show fifty.
 */
interface Branch {
  status: FindingState;
  projectId?: number;
  severityRank?: number;
  /** Set for the nullable sort (sla_due): true = the rows without a due date. */
  nulls?: boolean;
}

/** Past this many branches the merge costs more than it saves; the rest is filtered with IN. */
const MAX_BRANCHES = 48;

type Eb = ExpressionBuilder<Tables, 'findings' | 'finding_seen'>;

export async function branchedPage(store: Store, req: ListRequest): Promise<FindingSummaryRow[]> {
  const queries = planBranches(req).flatMap((b) => {
    const q = branchQuery(store, req, b);
    return q ? [q] : [];
  });
  if (queries.length === 0) return [];
  if (queries.length === 1) return queries[0]!.execute();
  return merged(store.db, req, queries);
}

function planBranches(req: ListRequest): Branch[] {
  const { filter, sort } = req;
  let branches: Branch[] = effectiveStatuses(filter).map((status) => ({ status }));
  const split = <T>(values: readonly T[] | undefined, set: (b: Branch, v: T) => Branch) => {
    if (!values?.length || branches.length * values.length > MAX_BRANCHES) return;
    branches = branches.flatMap((b) => values.map((v) => set(b, v)));
  };
  if (sort.key === 'sla_due') split([false, true], (b, nulls) => ({ ...b, nulls }));
  split(filter.projectIds, (b, projectId) => ({ ...b, projectId }));
  if (sort.key === 'severity') split(filter.severityRanks, (b, severityRank) => ({ ...b, severityRank }));
  return branches;
}

type BranchQuery = ReturnType<typeof baseQuery>;

function baseQuery(store: Store, req: ListRequest, b: Branch) {
  // The text search as a scan: rows come in index order and each is tested, which is what a
  // filter matching many rows wants (the trigram index would collect all of them first).
  const q = summarySelect(findingsSeen(store.db))
    .where((eb) => oneStatusCondition(eb, req.filter, b.status, req.now))
    .where((eb) => commonConditions(eb, req.filter, store.dialect, 'scan'));
  // The copy of the status beside last seen is what lets that sort read its index in order.
  return req.sort.key === 'last_seen' ? q.where('finding_seen.finding_status', '=', b.status) : q;
}

/** The branch's query, or undefined when the cursor is already past all of its rows. */
function branchQuery(store: Store, req: ListRequest, b: Branch): BranchQuery | undefined {
  const { filter, sort } = req;
  const column = SORT_COLUMNS[sort.key];
  const keyset = keysetCondition(req, b);
  if (keyset === 'skip') return undefined;
  let q = baseQuery(store, req, b);
  if (b.projectId !== undefined) q = q.where('project_id', '=', b.projectId);
  else q = visible(q, filter);
  if (b.severityRank !== undefined) q = q.where('severity_rank', '=', b.severityRank);
  if (b.nulls !== undefined) q = q.where(column, b.nulls ? 'is' : 'is not', null);
  if (keyset) q = q.where(keyset);
  if (!b.nulls) q = q.orderBy(column, sort.order);
  return q.orderBy(tieColumn(req), sort.order).limit(req.limit + 1);
}

/**
 * The finding id that breaks ties, from the table whose index gives the order: SQLite would
 * otherwise sort every finding a scan saw (they share one last-seen time) to order them by id.
 */
function tieColumn(req: ListRequest) {
  return req.sort.key === 'last_seen' ? ('finding_seen.finding_id' as const) : ('id' as const);
}

type Keyset = ((eb: Eb) => Expression<SqlBool>) | 'skip' | undefined;

/**
 * Rows strictly after the cursor, in the branch. A branch whose rows all sort before the cursor
 * is skipped; one whose rows all sort after it needs no condition; otherwise (sort value, id)
 * is compared as a row value, which both engines answer from the index.
 */
function keysetCondition(req: ListRequest, b: Branch): Keyset {
  const after = req.after;
  if (!after) return undefined;
  const desc = req.sort.order === 'desc';
  const op = desc ? '<' : '>';
  // The rows with a due date, past a cursor among the rows without one.
  if (b.nulls === false && after.value === null) return desc ? undefined : 'skip';
  const fixed = b.severityRank ?? (b.nulls ? null : undefined);
  if (fixed !== undefined) {
    const c = compareValues(fixed, after.value, desc);
    if (c < 0) return 'skip';
    if (c > 0) return undefined;
    return (eb) => eb(tieColumn(req), op, after.id);
  }
  const column = SORT_COLUMNS[req.sort.key];
  return (eb) => eb(eb.refTuple(column, tieColumn(req)), op, eb.tuple(after.value as number, after.id));
}

/**
 * Where a branch's pinned value sorts relative to the cursor's: < 0 before, 0 same, > 0 after.
 * Null (no due date) sorts after every date ascending and before every date descending.
 */
function compareValues(value: SortValue, cursor: SortValue, desc: boolean): number {
  let c: number;
  if (value === null || cursor === null) c = value === cursor ? 0 : value === null ? 1 : -1;
  else c = value < cursor ? -1 : value > cursor ? 1 : 0;
  return desc ? -c : c;
}

/** Merges the branches: each brings at most a page (+1), the merge sorts those few rows. */
async function merged(
  db: Kysely<Tables>,
  req: ListRequest,
  queries: BranchQuery[],
): Promise<FindingSummaryRow[]> {
  const [first, ...rest] = queries.map((q, i) => db.selectFrom(q.as(`b${i}`)).selectAll());
  let union = first!;
  for (const q of rest) union = union.unionAll(q);
  const column = SORT_COLUMNS[req.sort.key];
  let outer = db.selectFrom(union.as('u')).selectAll();
  if (req.sort.key === 'sla_due')
    outer = outer.orderBy(sql`CASE WHEN ${sql.ref(column)} IS NULL THEN 1 ELSE 0 END`, req.sort.order);
  return outer
    .orderBy(column, req.sort.order)
    .orderBy('id', req.sort.order)
    .limit(req.limit + 1)
    .execute();
}
