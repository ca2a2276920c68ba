import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExceptionTable } from '../../store/schema.js';
import { backends, type TestStore } from '../../store/testing.js';
import { notifyDb } from '../notify/schema.js';
import { createWebhook } from '../notify/webhooks.js';
import { notifyExpiringExceptions } from './notify-expiring-exceptions.js';

process.env.GATEHOUSE_SECRET_KEY = 'expiring-exceptions-test-key';

const DAY = 86_400_000;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`expiring exception notifications on ${backend.name}`, () => {
    let store: TestStore;
    const now = Date.UTC(2026, 3, 1);
    const projects: Record<string, number> = {};
    beforeAll(async () => {
      store = await backend.open();
      for (const name of ['a', 'b'])
        projects[name] = (
          await store.db
            .insertInto('projects')
            .values({
              name,
              repository: null,
              default_branch: 'main',
              tier: 'medium',
              team_id: null,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const hook = {
        url: 'http://127.0.0.1:9/',
        format: 'generic' as const,
        events: ['exception.expiring' as const],
      };
      await createWebhook(store.db, { ...hook, projectId: null }, 'test', now);
      await createWebhook(store.db, { ...hook, projectId: projects.b! }, 'test', now);
    });
    afterAll(async () => {
      await store?.dispose();
    });

    const exception = (over: Partial<Insertable<ExceptionTable>>) =>
      store.db
        .insertInto('exceptions')
        .values({
          kind: 'rule',
          project_id: projects.a!,
          team_id: null,
          fingerprint: null,
          rule_id: 'sast/rule-1',
          path_glob: 'test/**',
          advisory_id: null,
          package_name: null,
          reason: 'test code',
          requested_by: 'dev@example.com',
          requested_at: now - 30 * DAY,
          status: 'approved',
          decided_by: 'lead@example.com',
          decided_at: now - 29 * DAY,
          decision_comment: null,
          expires_at: now + 3 * DAY,
          ...over,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

    it('announces approved exceptions expiring within 7 days, once each, to the webhooks in scope', async () => {
      const soon = await exception({});
      const other = await exception({ project_id: projects.b!, expires_at: now + 6 * DAY });
      await exception({ expires_at: now + 30 * DAY });
      await exception({ status: 'pending', expires_at: now + 2 * DAY });
      await exception({ expires_at: now - DAY });
      expect(await notifyExpiringExceptions(store, now)).toBe(2);
      expect(await notifyExpiringExceptions(store, now + 60_000)).toBe(2);
      const rows = await notifyDb(store.db)
        .selectFrom('notification_outbox')
        .select(['webhook_id', 'subject', 'payload'])
        .orderBy('id')
        .execute();
      // Project a's exception: the unscoped webhook; project b's: both webhooks.
      expect(rows.map((r) => r.subject)).toEqual([
        `exception:${soon.id}`,
        `exception:${other.id}`,
        `exception:${other.id}`,
      ]);
      expect(JSON.parse(rows[0]!.payload)).toMatchObject({
        event: 'exception.expiring',
        project: { name: 'a' },
        exception: {
          id: soon.id,
          scope: 'rule sast/rule-1 on test/**',
          approvedBy: 'lead@example.com',
          expiresAt: new Date(now + 3 * DAY).toISOString(),
        },
        path: `/exceptions/${soon.id}`,
      });
    });
  });
}
