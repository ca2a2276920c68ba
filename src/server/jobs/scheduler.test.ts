import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../../store/testing.js';
import { startScheduler } from './scheduler.js';

const sqlite = (await backends()).find((b) => b.name === 'sqlite')!;

describe('the embedded server’s scheduler', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await sqlite.open();
  });
  afterAll(async () => store?.dispose());

  it('runs the jobs as soon as it starts (an exception past its expiry expires) and logs failures', async () => {
    const past = Date.now() - 1000;
    await store.db
      .insertInto('exceptions')
      .values({
        kind: 'rule',
        project_id: null,
        team_id: null,
        fingerprint: null,
        rule_id: 'r',
        path_glob: null,
        advisory_id: null,
        package_name: null,
        reason: 'accepted for now',
        requested_by: 'a',
        requested_at: past,
        status: 'approved',
        decided_by: 'b',
        decided_at: past,
        decision_comment: null,
        expires_at: past,
      })
      .execute();
    const logged: string[] = [];
    const scheduler = startScheduler(store, (l) => logged.push(l));
    try {
      let status = '';
      for (let i = 0; i < 100 && status !== 'expired'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await store.db.selectFrom('exceptions').select('status').executeTakeFirstOrThrow()).status;
      }
      expect(status).toBe('expired');
    } finally {
      scheduler.stop();
    }
    expect(logged.filter((l) => /failed/.test(l))).toEqual([]);
  });
});
