import { afterEach, describe, expect, it } from 'vitest';
import { assessFreshness } from './freshness.js';
import { formatAge, statusJson, statusTable } from './status.js';
import { VulnStore } from './store.js';

const stores: VulnStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function storeWith(imports: [string, string][]): VulnStore {
  const store = VulnStore.empty();
  stores.push(store);
  imports.forEach(([ecosystem, when], i) => {
    const w = store.beginWrite();
    w.put(
      { id: `X-${i}`, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem, name: 'p' } }] },
      `/dumps/${ecosystem}`,
    );
    w.commit(new Date(when));
  });
  return store;
}

const NOW = new Date('2025-06-11T12:00:00Z');

describe('assessFreshness', () => {
  it('calls an empty database empty', () => {
    expect(assessFreshness(storeWith([]), 7, { now: NOW })).toEqual({
      state: 'empty',
      missing: [],
      message: expect.stringMatching(/^the vulnerability database is empty: run `gatehouse db update`/),
    });
  });

  it('is fresh within the allowed age, stale past it', () => {
    const store = storeWith([
      ['npm', '2025-06-10T00:00:00Z'],
      ['PyPI', '2025-06-01T00:00:00Z'],
    ]);
    expect(assessFreshness(store, 7, { now: NOW, ecosystems: ['npm'] })).toEqual({
      state: 'fresh',
      ageDays: 1,
      missing: [],
    });
    expect(assessFreshness(store, 7, { now: NOW })).toEqual({
      state: 'stale',
      ageDays: 10,
      missing: [],
      message: expect.stringMatching(/is 10 days old \(more than 7\)/),
    });
  });

  it('names the ecosystems a scan needs that were never imported', () => {
    const store = storeWith([['npm', '2025-06-10T00:00:00Z']]);
    expect(assessFreshness(store, 7, { now: NOW, ecosystems: ['npm', 'Go', 'Alpine:v3.18'] })).toMatchObject({
      state: 'empty',
      ageDays: 1,
      missing: ['Alpine', 'Go'],
      message: expect.stringMatching(/no advisories for Alpine, Go/),
    });
  });
});

describe('status output', () => {
  it.each([
    ['2025-06-11T11:59:30Z', 'just now'],
    ['2025-06-11T11:59:00Z', '1 minute ago'],
    ['2025-06-11T07:00:00Z', '5 hours ago'],
    ['2025-06-10T12:00:00Z', '1 day ago'],
    ['2025-06-08T11:00:00Z', '3 days ago'],
    ['2026-01-01T00:00:00Z', 'just now'],
  ])('%s was %s', (when, age) => {
    expect(formatAge(when, NOW)).toBe(age);
  });

  it('prints a table per ecosystem, and says how to fill an empty one', () => {
    const store = storeWith([
      ['npm', '2025-06-08T11:00:00Z'],
      ['PyPI', '2025-06-11T11:00:00Z'],
    ]);
    expect(statusTable(store.status(), '/c/vulndb.sqlite', NOW)).toBe(
      [
        'Database: /c/vulndb.sqlite',
        '',
        'ECOSYSTEM  ADVISORIES  NEWEST MODIFIED  IMPORTED    SOURCE',
        'PyPI                1  2024-01-01       1 hour ago  /dumps/PyPI',
        'npm                 1  2024-01-01       3 days ago  /dumps/npm',
        '',
        '2 advisories in 2 ecosystems',
        '',
      ].join('\n'),
    );
    expect(statusTable([], '/c/vulndb.sqlite', NOW)).toMatch(/is empty\.\nRun `gatehouse db update`/);
  });

  it('prints JSON with ages in days', () => {
    const store = storeWith([['npm', '2025-06-08T11:00:00Z']]);
    expect(JSON.parse(statusJson(store.status(), '/c/vulndb.sqlite', NOW))).toEqual({
      database: '/c/vulndb.sqlite',
      ecosystems: [
        {
          ecosystem: 'npm',
          advisories: 1,
          newestModified: '2024-01-01T00:00:00.000Z',
          importedAt: '2025-06-08T11:00:00.000Z',
          origin: '/dumps/npm',
          ageDays: 3,
        },
      ],
    });
  });
});
