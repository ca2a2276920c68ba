import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './connect.js';
import { DEFAULT_ORDER, FINDING_SORTS, type FindingSort } from './findings-cursor.js';
import type { FindingFilter } from './findings-filter.js';
import { countFindings, listFindings } from './findings-query.js';
import { slaState } from './sla-state.js';
import {
  ALL_STATES,
  allFindingRows,
  expectedRows,
  OPEN_STATES,
  type Row,
  seedFindingSet,
  sortedRows,
  textRanks,
} from './test-findings.js';
import { backends, type TestStore } from './testing.js';

const ALL = ALL_STATES;
const OPEN = OPEN_STATES;
const PLANS = ['sparse', 'dense'] as const;
const expected = expectedRows;
const sorted = sortedRows;

async function allPages(
  store: Store,
  filter: FindingFilter,
  sort: FindingSort,
  now: number,
  plan: 'sparse' | 'dense',
  limit = 7,
) {
  const ids: number[] = [];
  let after: Awaited<ReturnType<typeof listFindings>>['next'];
  for (let i = 0; i < 500; i++) {
    const page = await listFindings(store, { filter, sort, limit, after, now, plan });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    expect(page.rows).toHaveLength(limit);
    after = page.next;
  }
  throw new Error('paging did not end');
}

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`finding list on ${backend.name}`, () => {
    let store: TestStore;
    let now: number;
    let rows: Row[];
    let textRank: Map<string, number>;
    const ids = (rs: { id: number }[]) => rs.map((r) => r.id);
    const projectId = (name: string) =>
      rows.find((r) => r.fingerprint === (name === 'alpha' ? 'fp-40' : 'fp-120'))!.project_id;

    beforeAll(async () => {
      store = await backend.open();
      ({ now } = await seedFindingSet(store));
      rows = await allFindingRows(store);
      textRank = await textRanks(store);
    });
    afterAll(async () => {
      await store?.dispose();
    });

    it('seeds rows in every status, every SLA state, and without SLA', () => {
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(ALL));
      const states = new Set(rows.map((r) => slaState(r.status, r.sla_due_at, now)));
      expect(states).toEqual(new Set(['overdue', 'due_soon', 'ok', 'none']));
      expect(rows.some((r) => r.sla_due_at === null && OPEN.includes(r.status))).toBe(true);
    });

    const filters: [string, () => FindingFilter][] = [
      ['every status', () => ({ statuses: ALL })],
      [
        'open-like, both projects',
        () => ({ statuses: OPEN, projectIds: [projectId('alpha'), projectId('beta')] }),
      ],
      [
        'critical and low, one project',
        () => ({ statuses: ALL, severityRanks: [4, 1], projectIds: [projectId('alpha')] }),
      ],
      ['no SLA', () => ({ statuses: ALL, sla: 'none' })],
    ];
    for (const [name, filter] of filters)
      for (const key of FINDING_SORTS)
        for (const order of ['asc', 'desc'] as const)
          it(`pages through ${name} by ${key} ${order}: every row once, in order, on both plans`, async () => {
            const f = filter();
            const sort = { key, order };
            const want = ids(sorted(expected(rows, f, now), sort, textRank));
            expect(want.length).toBeGreaterThan(8);
            for (const plan of PLANS) expect(await allPages(store, f, sort, now, plan)).toEqual(want);
          });

    it('pages with a limit of 1 and of a whole page', async () => {
      const f = { statuses: ALL };
      const sort: FindingSort = { key: 'sla_due', order: 'asc' };
      const want = ids(sorted(expected(rows, f, now), sort, textRank));
      for (const plan of PLANS) {
        expect(await allPages(store, f, sort, now, plan, 1)).toEqual(want);
        expect(await allPages(store, f, sort, now, plan, 500)).toEqual(want);
      }
    });

    const single: [string, () => FindingFilter][] = [
      ['default statuses', () => ({ statuses: OPEN })],
      ['one project', () => ({ statuses: ALL, projectIds: [projectId('beta')] })],
      ['scanner', () => ({ statuses: ALL, scanners: ['secrets'] })],
      ['severity', () => ({ statuses: OPEN, severityRanks: [3] })],
      ['statuses', () => ({ statuses: ['false_positive', 'closed'] })],
      ['rules', () => ({ statuses: ALL, rules: ['sast/rule-3', 'secrets/aws-key'] })],
      ['text in the title, any case', () => ({ statuses: ALL, text: 'problem 14' })],
      ['text in the path', () => ({ statuses: ALL, text: 'file-4.' })],
      ['text in the rule', () => ({ statuses: ALL, text: 'AWS-KEY' })],
      ['first seen from', () => ({ statuses: ALL, firstSeenFrom: now - 10 * 86_400_000 })],
      ['first seen to', () => ({ statuses: ALL, firstSeenTo: now - 10 * 86_400_000 })],
      [
        'first seen between',
        () => ({ statuses: ALL, firstSeenFrom: now - 11 * 86_400_000, firstSeenTo: now - 9 * 86_400_000 }),
      ],
      ['overdue', () => ({ statuses: OPEN, sla: 'overdue' })],
      ['due soon', () => ({ statuses: ALL, sla: 'due_soon' })],
      ['ok', () => ({ statuses: OPEN, sla: 'ok' })],
      ['overdue among closed', () => ({ statuses: ['closed'], sla: 'overdue' })],
      [
        'everything at once',
        () => ({
          statuses: OPEN,
          projectIds: [projectId('alpha')],
          scanners: ['sast'],
          severityRanks: [4, 3, 2],
          rules: ['sast/rule-1', 'sast/rule-2', 'sast/rule-5'],
          text: 'problem',
          sla: 'overdue',
        }),
      ],
    ];
    for (const [name, filter] of single)
      it(`filters by ${name} like the reference, on both plans, and counts the same`, async () => {
        const f = filter();
        const want = expected(rows, f, now);
        for (const plan of PLANS) {
          const page = await listFindings(store, {
            filter: f,
            sort: { key: 'severity', order: 'desc' },
            limit: 500,
            now,
            plan,
          });
          expect(ids(page.rows).sort((a, b) => a - b)).toEqual(ids(want).sort((a, b) => a - b));
        }
        const counts = await countFindings(store, f, now);
        const byStatus: Record<string, number> = {};
        for (const r of want) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
        expect(counts).toEqual(byStatus);
      });

    it.skipIf(backend.name !== 'postgres')(
      'reads in order within its time budget, and past it collects and sorts instead',
      async () => {
        const f: FindingFilter = { statuses: ALL, text: 'problem' };
        for (const [budget, plan] of [
          [60_000, 'dense'],
          [1, 'fallback'],
        ] as const) {
          const plans = new Set<string>();
          for (const key of FINDING_SORTS)
            for (const order of ['asc', 'desc'] as const) {
              const sort = { key, order };
              const got: number[] = [];
              let after: Awaited<ReturnType<typeof listFindings>>['next'];
              do {
                const page = await listFindings(store, {
                  filter: f,
                  sort,
                  limit: 9,
                  after,
                  now,
                  plan: 'dense',
                  walkBudgetMs: budget,
                });
                plans.add(page.plan!);
                got.push(...ids(page.rows));
                after = page.next;
              } while (after);
              expect(got).toEqual(ids(sorted(expected(rows, f, now), sort, textRank)));
            }
          expect(plans).toContain(plan);
        }
      },
    );

    it('takes LIKE wildcards and backslashes in the text literally', async () => {
      const find = async (text: string) =>
        (
          await listFindings(store, {
            filter: { statuses: ALL, text },
            sort: { key: 'severity', order: 'desc' },
            limit: 500,
            now,
          })
        ).rows.map((r) => r.title);
      expect(await find('100%')).toEqual(['Literal 100% match_here']);
      expect(await find('match_here')).toEqual(['Literal 100% match_here']);
      expect(await find('100X')).toEqual(['Literal 100X matchXhere']);
      expect(await find('back\\SLASH')).toEqual(['Back\\slash']);
      expect(await find('%')).toEqual(['Literal 100% match_here']);
    });

    it('answers an empty page for a filter that selects nothing', async () => {
      const page = await listFindings(store, {
        filter: { statuses: ['closed'], sla: 'due_soon' },
        sort: { key: 'severity', order: 'desc' },
        limit: 10,
        now,
      });
      expect(page).toEqual({ rows: [] });
      expect(await countFindings(store, { statuses: ['fixed'], projectIds: [] }, now)).toEqual({});
    });

    it('defaults each sort to the order a reader expects', () => {
      expect(DEFAULT_ORDER).toMatchObject({
        severity: 'desc',
        first_seen: 'desc',
        sla_due: 'asc',
        path: 'asc',
      });
    });
  });
}
