import type { Store } from '../connect.js';
import { testFinding } from '../test-upload.js';
import { DAY, HOUR, scan, T, triage } from './test-seed.js';

/** When the snapshot tests take their snapshots: T + 40 days, 05:00 UTC. */
export const NOW = T + 40 * DAY + 5 * HOUR;
const SCANNERS = ['sast', 'sca', 'secrets'] as const;

/**
 * Five weeks of history for projects alpha and beta, at times that fall anywhere in the day: 60
 * findings of three scanners and five severities, each present from its start to its end, seen
 * by complete scans every 11 hours (so the scans fix them when they end), a third of the gates
 * failing; every seventh finding triaged once, as confirmed or false positive.
 */
export async function seedHistory(store: Store): Promise<void> {
  const findings = Array.from({ length: 60 }, (_, i) => {
    const start = T + ((i * 29) % 700) * HOUR + i * 60_000;
    return {
      i,
      project: i % 2 ? 'beta' : 'alpha',
      start,
      end: start + (5 + ((i * 37) % 400)) * HOUR,
      finding: testFinding(i, {
        fingerprint: `h${i}`,
        scanner: SCANNERS[i % 3]!,
        ruleId: `${SCANNERS[i % 3]}/r${i % 4}`,
      }),
    };
  });
  for (const project of ['alpha', 'beta'])
    for (let t = T; t < T + 38 * DAY; t += 11 * HOUR) {
      const present = findings
        .filter((x) => x.project === project && x.start <= t && t < x.end)
        .map((x) => x.finding);
      const scanners = SCANNERS.map((name) => ({
        name,
        status: 'ok' as const,
        findings: present.filter((f) => f.scanner === name).length,
      }));
      await scan(
        store,
        t,
        present,
        { scanners, gateVerdict: (t / HOUR) % 3 === 0 ? 'fail' : 'pass' },
        project,
      );
    }
  for (const x of findings.filter((f) => f.i % 7 === 0))
    await triage(store, x.project, `h${x.i}`, x.i % 2 ? 'false_positive' : 'confirmed', x.start + 30 * HOUR);
}
