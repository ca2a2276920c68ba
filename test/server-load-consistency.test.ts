import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../bench/lib/load-plan.js';
import { type Attempt, accepted, runUploaders, seedStreams, type Target } from '../bench/lib/load-upload.js';
import { verifyLoad } from '../bench/lib/load-verify.js';
import { startTestServer, type TestServer } from '../src/server/testing.js';
import { backends } from '../src/store/testing.js';

/**
 * The correctness half of `bench/server-load.ts`, small enough for every `npm test`: uploaders at
 * once, several on the same project and branch, then the database compared with a serial replay
 * of the accepted uploads in scan-id order (bench/lib/load-verify.ts).
 */

const SHAPE = {
  projects: 12,
  distinctUploaders: 6,
  sameBranchUploaders: 2,
  twoBranchUploaders: 2,
  findingsPerScan: 200,
  prefix: 't-',
};

const refused = (attempts: Attempt[]) =>
  attempts.filter((a) => !accepted(a)).map((a) => `${a.pipeline}: ${a.status} ${a.error}`);

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`concurrent uploads (${backend.name})`, () => {
    let server: TestServer;
    let target: Target;

    beforeAll(async () => {
      server = await startTestServer(backend);
      target = { url: server.url, token: await server.token('ci') };
    });
    afterAll(() => server?.close());

    it('10 uploaders at once lose and duplicate nothing: the store is the serial replay of what it accepted', async () => {
      const plan = loadPlan(SHAPE);
      const seeded = await seedStreams(target, plan, 1, 4, 1);
      const loaded = await runUploaders(target, plan, 1, (_u, done) => done < 3);
      const attempts = [...seeded, ...loaded];
      expect(refused(attempts)).toEqual([]);
      expect(attempts).toHaveLength(plan.streams.length + 30);

      const verdict = await verifyLoad(server.store.db, attempts);
      expect(verdict.problems).toEqual([]);
      expect(verdict.ok).toBe(true);
      expect(verdict.counts.scans).toBe(attempts.length);
      // The run exercised what it is meant to: findings fixed, and fixed ones reopened.
      expect(verdict.counts.fixed).toBeGreaterThan(0);
      expect(verdict.counts.reopenEvents).toBeGreaterThan(0);
    });
  });

  describe.skipIf(backend.skip)(`the load verification (${backend.name})`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(backend);
    });
    afterAll(() => server?.close());

    it('reports a lost occurrence, a finding in the wrong state, a stray scan and a lost upload', async () => {
      const plan = loadPlan({
        ...SHAPE,
        projects: 3,
        distinctUploaders: 1,
        findingsPerScan: 20,
        prefix: 'v-',
      });
      const target = { url: server.url, token: await server.token('ci') };
      const attempts = await seedStreams(target, plan, 2, 2, 2);
      expect(refused(attempts)).toEqual([]);
      expect((await verifyLoad(server.store.db, attempts)).problems).toEqual([]);

      const db = server.store.db;
      const occurrence = await db.selectFrom('occurrences').selectAll().executeTakeFirstOrThrow();
      await db
        .deleteFrom('occurrences')
        .where('scan_id', '=', occurrence.scan_id)
        .where('finding_id', '=', occurrence.finding_id)
        .execute();
      const open = await db
        .selectFrom('findings')
        .select('id')
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      await db.updateTable('findings').set({ status: 'fixed' }).where('id', '=', open.id).execute();
      const first = attempts[0]!;
      const lost: Attempt = { ...first, pipeline: 'never-recorded', scan: { ...first.scan!, id: 999_999 } };
      await db
        .insertInto('scans')
        .values({
          ...(await db
            .selectFrom('scans')
            .selectAll()
            .where('id', '=', first.scan!.id)
            .executeTakeFirstOrThrow()),
          id: undefined,
          digest: 'stray',
          pipeline_id: 'unknown-pipeline',
        })
        .execute();

      const verdict = await verifyLoad(db, [...attempts, lost]);
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.map((p) => [p.kind, p.count])).toEqual([
        ['scan matching no upload', 1],
        ['accepted upload lost', 1],
        ['occurrences differ from the report', 1],
        ['finding state differs from the replay', 1],
      ]);
    });
  });
}
