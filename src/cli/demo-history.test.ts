import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allScanners } from '../scanners/index.js';
import { gateReport, mttr, ruleNoise, slaReport } from '../store/metrics/index.js';
import type { FindingState } from '../store/schema.js';
import { backends, type TestStore } from '../store/testing.js';
import { hasHistory, writeHistory } from './demo-history.js';
import {
  HISTORY_DAYS,
  HISTORY_REPOSITORY,
  HISTORY_STAGE,
  type HistoryEvent,
  planHistory,
} from './demo-plan.js';
import { SYNTHETIC_PROJECTS } from './demo-projects.js';

const DAY = 86_400_000;
/** A Wednesday afternoon. */
const NOW = Date.UTC(2025, 5, 18, 14, 30);
const rules = new Map((await allScanners()).flatMap((s) => s.rules()).map((r) => [r.id, r]));
const events = planHistory(NOW, rules);
const ofKind = <K extends HistoryEvent['kind']>(kind: K) =>
  events.filter((e): e is Extract<HistoryEvent, { kind: K }> => e.kind === kind);
const scans = ofKind('scan');

describe('planHistory', () => {
  it('is the same history for the same day, within the six weeks before now, oldest first', () => {
    expect(JSON.stringify(planHistory(NOW, rules))).toBe(JSON.stringify(events));
    const times = events.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - (HISTORY_DAYS + 1) * DAY);
    expect(Math.max(...times)).toBeLessThan(NOW);
  });

  it('labels every generated scan as demo data', () => {
    const names = new Set(SYNTHETIC_PROJECTS.map((p) => p.name));
    for (const { upload } of scans) {
      expect(names.has(upload.context.project)).toBe(true);
      expect(upload.context.project.startsWith('demo-')).toBe(true);
      expect(upload.context.stage).toBe(HISTORY_STAGE);
      expect(upload.context.repository).toBe(`${HISTORY_REPOSITORY}/${upload.context.project}`);
    }
    expect(new Set(scans.map((s) => s.upload.digest)).size).toBe(scans.length);
    // Scanned on weekdays only; the legacy project stopped in the first week.
    expect(scans.every((s) => ![0, 6].includes(new Date(s.at).getUTCDay()))).toBe(true);
    const legacy = scans.filter((s) => s.upload.context.project === 'demo-legacy-reports');
    expect(Math.max(...legacy.map((s) => s.at))).toBeLessThan(NOW - 30 * DAY);
  });

  it('decides about a finding only after a scan reported it, and about a request only after it was made', () => {
    const seen = new Map<string, number>();
    const requested = new Map<string, number>();
    for (const e of events) {
      if (e.kind === 'scan')
        for (const f of e.upload.findings) {
          const key = `${e.upload.context.project}/${f.fingerprint}`;
          if (!seen.has(key)) seen.set(key, e.at);
        }
      else if (e.kind === 'decision') expect(requested.get(e.key)).toBeLessThan(e.at);
      else {
        expect(seen.get(`${e.project}/${e.fingerprint}`)).toBeLessThan(e.at);
        if (e.kind === 'exception') requested.set(e.key, e.at);
      }
    }
  });

  it('fails on a rule the scanners do not have', () => {
    expect(() => planHistory(NOW, new Map())).toThrow(/demo history: no rule /);
  });
});

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`writeHistory on ${backend.name}`, () => {
    let store: TestStore;
    let before: boolean;
    const window = { projectId: null, from: NOW - 90 * DAY, to: NOW };
    beforeAll(async () => {
      store = await backend.open();
      before = await hasHistory(store);
      await writeHistory(store, events);
    }, 120_000);
    afterAll(async () => store?.dispose());

    const statusCount = async (status: FindingState) =>
      (await store.db.selectFrom('findings').select('id').where('status', '=', status).execute()).length;

    it('writes every finding, triage decision and exception the plan holds', async () => {
      expect(before).toBe(false);
      expect(await hasHistory(store)).toBe(true);
      const fingerprints = new Set(
        scans.flatMap((s) => s.upload.findings.map((f) => `${s.upload.context.project}/${f.fingerprint}`)),
      );
      expect((await store.db.selectFrom('findings').select('id').execute()).length).toBe(fingerprints.size);
      expect((await store.db.selectFrom('scans').select('id').execute()).length).toBe(scans.length);
      // Nothing moves a false positive or an accepted finding afterwards: the counts are the plan's.
      const fp = ofKind('triage').filter((e) => e.status === 'false_positive');
      expect(await statusCount('false_positive')).toBe(fp.length);
      const approved = ofKind('decision').filter((e) => e.approve);
      expect(approved.length).toBeGreaterThan(0);
      expect(await statusCount('risk_accepted')).toBe(approved.length);
      const exceptions = await store.db.selectFrom('exceptions').select('status').execute();
      expect(new Set(exceptions.map((e) => e.status))).toEqual(new Set(['approved', 'rejected', 'pending']));
      const projects = await store.db.selectFrom('projects').select(['name', 'tier', 'team_id']).execute();
      for (const p of SYNTHETIC_PROJECTS)
        expect(projects.find((r) => r.name === p.name)).toMatchObject({
          tier: p.tier,
          team_id: expect.any(Number),
        });
    });

    it('gives MTTR, SLA, gate and noise numbers to show, critical fixed faster than low', async () => {
      const fixed = (await mttr(store, window)).fixed;
      expect(fixed.all.count).toBeGreaterThan(20);
      expect(fixed.bySeverity.critical.meanDays!).toBeLessThan(fixed.bySeverity.low.meanDays!);
      const sla = await slaReport(store, window, NOW);
      expect(sla.compliance.met).toBeGreaterThan(0);
      expect(sla.compliance.openOverdue).toBeGreaterThan(0);
      const gate = (await gateReport(store, window)).totals;
      expect(gate.scans).toBe(scans.length);
      expect([gate.pass, gate.warn, gate.fail, gate.overridden].every((n) => n > 0)).toBe(true);
      const noise = await ruleNoise(store, window, { minTriaged: 5, limit: 50 });
      expect(noise.map((r) => r.ruleId)).toContain('sast/js-insecure-random-token');
      expect(noise[0]!.falsePositiveRate).toBeGreaterThan(50);
    });
  });
}
