import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type FindingSort } from './findings-cursor.js';

describe('finding list cursors', () => {
  const bySeverity: FindingSort = { key: 'severity', order: 'desc' };
  const byDue: FindingSort = { key: 'sla_due', order: 'asc' };
  const byPath: FindingSort = { key: 'path', order: 'asc' };

  it('round-trips the sort key and id, opaque and URL-safe', () => {
    for (const c of [
      { sort: bySeverity, value: 4, id: 17 },
      { sort: byDue, value: null, id: 3 },
      { sort: byPath, value: 'src/a b/ü+%.ts', id: 9 },
    ]) {
      const text = encodeCursor(c);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text, c.sort)).toEqual(c);
    }
  });

  it('refuses cursors of another sort or order, and anything that is not a cursor', () => {
    const c = encodeCursor({ sort: bySeverity, value: 4, id: 17 });
    expect(decodeCursor(c, { key: 'severity', order: 'asc' })).toBeUndefined();
    expect(decodeCursor(c, byPath)).toBeUndefined();
    const forged = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const bad of [
      'not-a-cursor',
      forged([1, 2]),
      forged({ s: 'severity', o: 'desc', v: 'x', i: 1 }),
      forged({ s: 'severity', o: 'desc', v: null, i: 1 }),
      forged({ s: 'severity', o: 'desc', v: 4, i: -1 }),
      forged({ s: 'severity', o: 'desc', v: 4.5, i: 1 }),
      forged({ s: 'severity', o: 'desc', v: 4, i: '1' }),
    ])
      expect(decodeCursor(bad, bySeverity), bad).toBeUndefined();
    expect(decodeCursor(forged({ s: 'path', o: 'asc', v: 5, i: 1 }), byPath)).toBeUndefined();
  });
});
