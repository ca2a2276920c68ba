import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingDetail } from './finding-detail.js';
import { ingestScan } from './ingest.js';
import { setSetting } from './settings.js';
import { testFinding, testUpload } from './test-upload.js';
import { backends, type TestStore } from './testing.js';
import { triage } from './triage.js';

const DAY = 86_400_000;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`ingest on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.dispose();
    });

    const statusOf = async (project: string, fingerprint: string) =>
      await store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select([
          'findings.status',
          'findings.reopened_count',
          'findings.sla_due_at',
          'findings.first_seen_at',
        ])
        .where('projects.name', '=', project)
        .where('fingerprint', '=', fingerprint)
        .executeTakeFirst();

    it('creates a project, a scan and its findings, with SLA due dates from severity', async () => {
      const now = Date.UTC(2026, 0, 1);
      const r = await ingestScan(
        store,
        testUpload([testFinding(0), testFinding(1), testFinding(2)], {}, 'p1'),
        'ci',
        now,
      );
      expect(r).toMatchObject({ duplicate: false, findings: 3, new: 3, reopened: 0, fixed: 0 });
      const critical = await statusOf('p1', 'fp-0');
      expect(critical).toMatchObject({
        status: 'open',
        reopened_count: 0,
        first_seen_at: now,
        sla_due_at: now + 7 * DAY,
      });
      expect((await statusOf('p1', 'fp-1'))?.sla_due_at).toBe(now + 30 * DAY);
      const events = await store.db.selectFrom('finding_events').select('kind').execute();
      expect(events.filter((e) => e.kind === 'created')).toHaveLength(3);
    });

    it('recognises the same upload twice and changes nothing', async () => {
      const upload = testUpload([testFinding(10), testFinding(11)], {}, 'p2');
      const first = await ingestScan(store, upload, 'ci');
      const again = await ingestScan(store, upload, 'ci');
      expect(again).toMatchObject({ duplicate: true, scanId: first.scanId, new: 0 });
      const scans = await store.db
        .selectFrom('scans')
        .select('id')
        .where('project_id', '=', first.projectId)
        .execute();
      expect(scans).toHaveLength(1);
    });

    it('marks fixed what a complete scan no longer reports, and reopens it when it returns', async () => {
      const t0 = Date.UTC(2026, 1, 1);
      await ingestScan(store, testUpload([testFinding(20), testFinding(21)], {}, 'p3'), 'ci', t0);
      const second = await ingestScan(store, testUpload([testFinding(20)], {}, 'p3'), 'ci', t0 + DAY);
      expect(second).toMatchObject({ new: 0, fixed: 1 });
      expect((await statusOf('p3', 'fp-21'))?.status).toBe('fixed');
      expect((await statusOf('p3', 'fp-20'))?.status).toBe('open');
      const third = await ingestScan(
        store,
        testUpload([testFinding(20), testFinding(21)], {}, 'p3'),
        'ci',
        t0 + 2 * DAY,
      );
      expect(third).toMatchObject({ new: 0, reopened: 1, fixed: 0 });
      expect(await statusOf('p3', 'fp-21')).toMatchObject({
        status: 'open',
        reopened_count: 1,
        first_seen_at: t0,
        // The SLA policy's default: the clock runs from the first detection, not the reopen.
        sla_due_at: t0 + 30 * DAY,
      });
    });

    it("restarts a reopened finding's SLA clock when the policy says so, and keeps that start", async () => {
      await setSetting(store.db, 'sla.restartOnReopen', true, 'test', Date.now());
      try {
        const t0 = Date.UTC(2026, 1, 10);
        await ingestScan(store, testUpload([testFinding(41)], {}, 'p-restart'), 'ci', t0);
        await ingestScan(store, testUpload([], {}, 'p-restart'), 'ci', t0 + DAY);
        await ingestScan(store, testUpload([testFinding(41)], {}, 'p-restart'), 'ci', t0 + 5 * DAY);
        // fp-41 is high: 30 days from the reopen.
        expect(await statusOf('p-restart', 'fp-41')).toMatchObject({
          status: 'open',
          sla_due_at: t0 + 35 * DAY,
        });
        // Raised to critical later: 7 days from the same reopen, not from the first detection.
        const raised = testFinding(41, { severity: 'critical' });
        await ingestScan(store, testUpload([raised], {}, 'p-restart'), 'ci', t0 + 6 * DAY);
        expect((await statusOf('p-restart', 'fp-41'))?.sla_due_at).toBe(t0 + 12 * DAY);
      } finally {
        await setSetting(store.db, 'sla.restartOnReopen', false, 'test', Date.now());
      }
    });

    it('never closes from a diff scan, a partial scanner or a scanner that did not run', async () => {
      await ingestScan(
        store,
        testUpload([testFinding(30), testFinding(31, { scanner: 'secrets' })], {}, 'p4'),
        'ci',
      );
      const diff = await ingestScan(
        store,
        testUpload([], { complete: false, scanners: [{ name: 'sast', status: 'ok', findings: 0 }] }, 'p4'),
        'ci',
      );
      expect(diff.fixed).toBe(0);
      const partial = await ingestScan(
        store,
        testUpload([], { scanners: [{ name: 'sast', status: 'partial', findings: 0 }] }, 'p4'),
        'ci',
      );
      expect(partial.fixed).toBe(0);
      const onlySast = await ingestScan(
        store,
        testUpload([testFinding(30)], { scanners: [{ name: 'sast', status: 'ok', findings: 1 }] }, 'p4'),
        'ci',
      );
      expect(onlySast.fixed).toBe(0);
      expect((await statusOf('p4', 'fp-31'))?.status).toBe('open');
    });

    it('keeps a finding open while another branch still has it', async () => {
      await ingestScan(store, testUpload([testFinding(40)], {}, 'p5', 'main'), 'ci');
      await ingestScan(store, testUpload([testFinding(40)], {}, 'p5', 'feature'), 'ci');
      const fixedOnFeature = await ingestScan(store, testUpload([], {}, 'p5', 'feature'), 'ci');
      expect(fixedOnFeature.fixed).toBe(0);
      expect((await statusOf('p5', 'fp-40'))?.status).toBe('open');
      const fixedOnMain = await ingestScan(store, testUpload([], {}, 'p5', 'main'), 'ci');
      expect(fixedOnMain.fixed).toBe(1);
    });

    it('leaves triage decisions alone when a scan sees the finding again', async () => {
      await ingestScan(store, testUpload([testFinding(50)], {}, 'p6'), 'ci');
      await store.db
        .updateTable('findings')
        .set({ status: 'false_positive' })
        .where('fingerprint', '=', 'fp-50')
        .execute();
      const again = await ingestScan(store, testUpload([testFinding(50)], { startedAt: 'x' }, 'p6'), 'ci');
      expect(again).toMatchObject({ new: 0, reopened: 0 });
      expect((await statusOf('p6', 'fp-50'))?.status).toBe('false_positive');
    });

    it('applies approved exceptions to new findings', async () => {
      const now = Date.now();
      await store.db
        .insertInto('exceptions')
        .values({
          kind: 'rule',
          project_id: null,
          team_id: null,
          fingerprint: null,
          rule_id: 'sast/rule-4',
          path_glob: 'src/**',
          advisory_id: null,
          package_name: null,
          reason: 'legacy',
          requested_by: 'dev',
          requested_at: now,
          status: 'approved',
          decided_by: 'sec',
          decided_at: now,
          decision_comment: null,
          expires_at: now + DAY,
        })
        .execute();
      await ingestScan(store, testUpload([testFinding(60), testFinding(61)], {}, 'p7'), 'ci', now);
      expect((await statusOf('p7', 'fp-60'))?.status).toBe('risk_accepted');
      expect((await statusOf('p7', 'fp-61'))?.status).toBe('open');
    });

    it('stores no secret value, even when another tool put it in the message', async () => {
      const key = 'AKIAIOSFODNN7EXAMPLF';
      const token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
      const f = testFinding(70, {
        message: `found ${key} and password=hunter2hunter2`,
        location: { path: 'a.env', snippet: `GITHUB_TOKEN=${token}` },
      });
      await ingestScan(store, testUpload([f], { source: 'sarif:gitleaks' }, 'p8'), 'ci');
      const row = await store.db
        .selectFrom('findings')
        .select(['message', 'data'])
        .where('fingerprint', '=', 'fp-70')
        .executeTakeFirstOrThrow();
      const dump = JSON.stringify(row);
      expect(dump).not.toContain(key);
      expect(dump).not.toContain(token);
      expect(dump).not.toContain('hunter2hunter2');
    });

    /** Every finding row of a project, and when each was last seen (PostgreSQL: with its row version). */
    const projectRows = async (project: string) => {
      const version = backend.name === 'postgres' ? sql<string>`findings.xmin::text` : sql<string>`''`;
      return store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .innerJoin('finding_seen', 'finding_seen.finding_id', 'findings.id')
        .selectAll('findings')
        .select(['finding_seen.last_seen_at', 'finding_seen.last_scan_id', version.as('version')])
        .where('projects.name', '=', project)
        .orderBy('findings.id')
        .execute();
    };

    it('writes nothing but when and where a scan saw them for findings reported as they were', async () => {
      const t0 = Date.UTC(2026, 3, 1);
      const findings = [0, 1, 2, 3].map((n) => testFinding(200 + n));
      const secret = testFinding(204, { message: 'token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB leaked' });
      const first = await ingestScan(store, testUpload([...findings, secret], {}, 'same'), 'ci', t0);
      const before = await projectRows('same');
      const events = await store.db.selectFrom('finding_events').select('id').execute();
      const again = await ingestScan(store, testUpload([...findings, secret], {}, 'same'), 'ci', t0 + DAY);
      expect(again).toMatchObject({ duplicate: false, findings: 5, new: 0, reopened: 0, fixed: 0 });
      const after = await projectRows('same');
      const strip = (rows: typeof before) => rows.map(({ last_seen_at, last_scan_id, ...r }) => r);
      // Same rows, same row versions on PostgreSQL: not rewritten, not even with equal values.
      expect(strip(after)).toEqual(strip(before));
      expect(after.map((r) => [r.first_seen_at, r.last_seen_at, r.last_scan_id])).toEqual(
        before.map(() => [t0, t0 + DAY, again.scanId]),
      );
      expect(before.every((r) => r.last_scan_id === first.scanId && r.last_seen_at === t0)).toBe(true);
      expect(await store.db.selectFrom('finding_events').select('id').execute()).toEqual(events);
      const seen = await store.db
        .selectFrom('occurrences')
        .select('finding_id')
        .where('scan_id', '=', again.scanId)
        .execute();
      expect(seen.map((o) => o.finding_id).sort((a, b) => a - b)).toEqual(before.map((r) => r.id));
      const detail = await findingDetail(store.db, before[0]!.id);
      expect(detail?.finding).toMatchObject({ first_seen_at: t0, last_seen_at: t0 + DAY });
      expect(detail?.occurrences.map((o) => o.scan_id)).toEqual([again.scanId, first.scanId]);
    });

    it('writes over a finding whose report changed, keeping its state and history', async () => {
      const t0 = Date.UTC(2026, 3, 10);
      await ingestScan(store, testUpload([testFinding(210), testFinding(211)], {}, 'moved'), 'ci', t0);
      const [a, b] = await projectRows('moved');
      const moved = testFinding(210, { location: { path: 'src/elsewhere.ts', startLine: 9 } });
      const r = await ingestScan(store, testUpload([moved, testFinding(211)], {}, 'moved'), 'ci', t0 + DAY);
      expect(r).toMatchObject({ new: 0, reopened: 0, fixed: 0 });
      const [a2, b2] = await projectRows('moved');
      expect(a2).toMatchObject({ path: 'src/elsewhere.ts', start_line: 9, status: 'open', updated_at: t0 });
      expect(a2!.data_hash).not.toBe(a!.data_hash);
      expect(JSON.parse(a2!.data).location).toEqual({ path: 'src/elsewhere.ts', startLine: 9 });
      expect(b2!.data_hash).toBe(b!.data_hash);
      if (backend.name === 'postgres')
        expect([a2!.version === a!.version, b2!.version]).toEqual([false, b!.version]);
    });

    it('reads a small scan of a big project by fingerprint, with the same outcome', async () => {
      const t0 = Date.UTC(2026, 3, 20);
      const all = Array.from({ length: 20 }, (_, i) => testFinding(300 + i));
      await ingestScan(store, testUpload(all, {}, 'big', 'main'), 'ci', t0);
      await ingestScan(store, testUpload(all.slice(0, 2), {}, 'big', 'feature'), 'ci', t0);
      // 3 of 20 reported (fewer than a quarter of the project): one moved, one new.
      const reported = [all[0]!, testFinding(301, { message: 'moved' }), testFinding(399)];
      const r = await ingestScan(store, testUpload(reported, {}, 'big', 'main'), 'ci', t0 + DAY);
      expect(r).toMatchObject({ findings: 3, new: 1, reopened: 0, fixed: 18 });
      const rows = await projectRows('big');
      const byFp = new Map(rows.map((row) => [row.fingerprint, row]));
      expect(byFp.get('fp-301')).toMatchObject({ message: 'moved', status: 'open', last_seen_at: t0 + DAY });
      expect(byFp.get('fp-300')).toMatchObject({ status: 'open', last_seen_at: t0 + DAY });
      expect(byFp.get('fp-399')).toMatchObject({ status: 'open', first_seen_at: t0 + DAY });
      expect(rows.filter((row) => row.status === 'fixed')).toHaveLength(18);
      expect(rows.filter((row) => row.last_seen_at === t0)).toHaveLength(18);
    });

    it("keeps a person's severity over the scanner's, and the SLA that goes with it", async () => {
      const t0 = Date.UTC(2026, 4, 1);
      // fp-226 is high: 30 days; a person makes it low (180 days), a later scan says critical.
      await ingestScan(store, testUpload([testFinding(226), testFinding(222)], {}, 'sev'), 'ci', t0);
      const [row] = await projectRows('sev');
      await triage(store, { ids: [row!.id], severity: 'low', actor: 'sec', projectId: null, now: t0 + DAY });
      const critical = testFinding(226, { severity: 'critical' });
      await ingestScan(store, testUpload([critical, testFinding(222)], {}, 'sev'), 'ci', t0 + 2 * DAY);
      const [kept, other] = await projectRows('sev');
      expect(kept).toMatchObject({
        severity: 'low',
        severity_rank: 1,
        triaged_severity: 'low',
        sla_due_at: t0 + 180 * DAY,
      });
      expect(JSON.parse(kept!.data).severity).toBe('critical');
      expect(other).toMatchObject({ severity: 'medium', triaged_severity: null, sla_due_at: t0 + 90 * DAY });
      // Fixed, then reported again: it reopens with the person's severity, its SLA still counted
      // from the first detection (the policy's default).
      await ingestScan(store, testUpload([testFinding(222)], {}, 'sev'), 'ci', t0 + 3 * DAY);
      await ingestScan(store, testUpload([critical, testFinding(222)], {}, 'sev'), 'ci', t0 + 4 * DAY);
      expect((await projectRows('sev'))[0]).toMatchObject({
        status: 'open',
        severity: 'low',
        reopened_count: 1,
        sla_due_at: t0 + 180 * DAY,
      });
    });

    it("lets the scanner's severity change a finding nobody triaged, with its SLA", async () => {
      const t0 = Date.UTC(2026, 4, 10);
      await ingestScan(store, testUpload([testFinding(231)], {}, 'rescored'), 'ci', t0);
      await ingestScan(
        store,
        testUpload([testFinding(231, { severity: 'critical' })], {}, 'rescored'),
        'ci',
        t0 + DAY,
      );
      expect((await projectRows('rescored'))[0]).toMatchObject({
        severity: 'critical',
        severity_rank: 4,
        triaged_severity: null,
        sla_due_at: t0 + 7 * DAY,
        updated_at: t0 + DAY,
      });
    });

    it('pins a severity a person confirms, so a later scan does not change it', async () => {
      const t0 = Date.UTC(2026, 4, 20);
      await ingestScan(store, testUpload([testFinding(241)], {}, 'pinned'), 'ci', t0);
      const [row] = await projectRows('pinned');
      const r = await triage(store, {
        ids: [row!.id],
        severity: 'high',
        actor: 'sec',
        projectId: null,
        now: t0,
      });
      expect(r).toEqual({ changed: [], unchanged: [row!.id] });
      await ingestScan(
        store,
        testUpload([testFinding(241, { severity: 'info' })], {}, 'pinned'),
        'ci',
        t0 + DAY,
      );
      expect((await projectRows('pinned'))[0]).toMatchObject({ severity: 'high', triaged_severity: 'high' });
    });

    it('keeps the status copy beside last seen in step, whoever changes the status', async () => {
      const t0 = Date.UTC(2026, 5, 1);
      await ingestScan(store, testUpload([testFinding(251), testFinding(252)], {}, 'copy'), 'ci', t0);
      await ingestScan(store, testUpload([testFinding(251)], {}, 'copy'), 'ci', t0 + DAY);
      const [open, fixed] = await projectRows('copy');
      await triage(store, { ids: [open!.id], status: 'confirmed', actor: 'sec', projectId: null, now: t0 });
      const copies = await store.db
        .selectFrom('finding_seen')
        .select(['finding_id', 'finding_status'])
        .where('finding_id', 'in', [open!.id, fixed!.id])
        .orderBy('finding_id')
        .execute();
      expect(copies.map((c) => c.finding_status)).toEqual(['confirmed', 'fixed']);
    });

    it('refuses to change or delete the audit log', async () => {
      await expect(sql`UPDATE audit_events SET actor = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_events`.execute(store.db)).rejects.toThrow(/append-only/);
    });

    it('gives the same result for two concurrent uploads as for one after the other', async () => {
      const a = testUpload([testFinding(90), testFinding(91)], {}, 'p9');
      const b = testUpload([testFinding(91), testFinding(93)], {}, 'p9');
      const [ra, rb] = await Promise.all([ingestScan(store, a, 'ci'), ingestScan(store, b, 'ci')]);
      expect(ra.new + rb.new).toBe(3);
      const rows = await store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select(['fingerprint', 'status'])
        .where('projects.name', '=', 'p9')
        .orderBy('fingerprint')
        .execute();
      const later = ra.scanId > rb.scanId ? ['fp-90', 'fp-91'] : ['fp-91', 'fp-93'];
      expect(rows.filter((r) => r.status === 'open').map((r) => r.fingerprint)).toEqual(later);
      expect(rows.filter((r) => r.status === 'fixed')).toHaveLength(1);
    });
  });
}
