import { describe, expect, it } from 'vitest';
import { backends } from '../../store/testing.js';
import { startTestServer } from '../testing.js';

const sqlite = (await backends()).find((b) => b.name === 'sqlite')!;

describe('readiness', () => {
  it('answers 503 without the database error (the caller is not authenticated) when the database is gone', async () => {
    const s = await startTestServer(sqlite);
    try {
      expect((await s.call(undefined, 'GET', '/readyz')).status).toBe(200);
      await s.store.close();
      const down = await s.call(undefined, 'GET', '/readyz');
      expect(down.status).toBe(503);
      expect(down.json).toEqual({ status: 'unavailable', database: 'sqlite' });
      expect((await s.call(undefined, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
