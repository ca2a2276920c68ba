import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { type Bin, durationStats, summarise } from './durations.js';

const DAY = 86_400_000;
const bin = (severity_rank: number, key: number, values: number[]): Bin => ({
  severity_rank,
  bin: key,
  n: values.length,
  total: values.reduce((a, b) => a + b, 0),
  lo: Math.min(...values),
  hi: Math.max(...values),
});

describe('duration summaries', () => {
  it('read exact medians from bins that hold one or two values, and merge bins of one key', () => {
    const r = summarise([
      bin(4, 200, [2 * DAY]),
      bin(4, 900, [9 * DAY]),
      bin(3, 200, [2 * DAY, 2.004 * DAY]),
    ]);
    expect(r.bySeverity.critical).toEqual({ count: 2, meanDays: 5.5, medianDays: 5.5 });
    expect(r.bySeverity.high).toEqual({ count: 2, meanDays: 2, medianDays: 2 });
    expect(r.bySeverity.info).toEqual({ count: 0, meanDays: null, medianDays: null });
    // All: 2, 2, 2.004, 9 days: the middle two are the edges of the merged bin 200.
    expect(r.all).toEqual({ count: 4, meanDays: 3.8, medianDays: 2 });
  });

  it('interpolate inside a crowded bin', () => {
    // 5 values spread over [10, 10.008] days in one bin: the 3rd is read half-way.
    const r = summarise([
      bin(
        2,
        1000,
        [10, 10.001, 10.002, 10.003, 10.008].map((d) => d * DAY),
      ),
    ]);
    expect(r.bySeverity.medium.medianDays).toBe(10);
  });
});

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`duration statistics on ${backend.name}`, () => {
    let store: TestStore;
    // 2,001 durations from 0 to 400 days, irregular: the median must come out right to 0.1 day.
    const values = Array.from({ length: 2001 }, (_, i) =>
      Math.round(((i * 7919) % 2001) * 0.2 * DAY + ((i * 31) % 997) * 1000),
    );
    beforeAll(async () => {
      store = await backend.open();
      await sql`CREATE TABLE durations (severity_rank integer NOT NULL, d bigint NOT NULL)`.execute(store.db);
      for (let i = 0; i < values.length; i += 500)
        await sql`INSERT INTO durations (severity_rank, d) VALUES ${sql.join(values.slice(i, i + 500).map((d, j) => sql`(${(i + j) % 2 ? 3 : 4}, ${d})`))}`.execute(
          store.db,
        );
    });
    afterAll(async () => store?.dispose());

    it('match the exact mean and median of many durations, per severity and overall', async () => {
      // biome-ignore lint/suspicious/noExplicitAny: a table made for this test only
      const rows = (store.db as any).selectFrom('durations').select(['severity_rank', 'd']);
      const r = await durationStats(store.db, rows);
      const exact = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        const median = (s[Math.floor((s.length - 1) / 2)]! + s[Math.floor(s.length / 2)]!) / 2;
        const round = (ms: number) => Math.round((ms / DAY) * 10) / 10;
        return {
          count: s.length,
          meanDays: round(s.reduce((a, b) => a + b, 0) / s.length),
          medianDays: round(median),
        };
      };
      expect(r.all).toEqual(exact(values));
      expect(r.bySeverity.critical).toEqual(exact(values.filter((_, i) => i % 2 === 0)));
      expect(r.bySeverity.high).toEqual(exact(values.filter((_, i) => i % 2 === 1)));
    });
  });
}
