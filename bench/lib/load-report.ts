import type { ResultRow } from './common.js';
import { formatLatency, latency } from './latency.js';
import { READER_CONNECTIONS, type ReaderResult } from './load-readers.js';
import { type Attempt, accepted } from './load-upload.js';
import type { Verdict } from './load-verify.js';
import type { PgWaits } from './pg-waits.js';

/** The load benchmark's result rows: uploads, reads per kind, the verification. */

export function failures(attempts: readonly Attempt[]): string[] {
  return attempts.filter((a) => !accepted(a)).map((a) => `${a.pipeline}: HTTP ${a.status} ${a.error ?? ''}`);
}

export function uploadRow(
  name: string,
  attempts: readonly Attempt[],
  w: { seconds: number; load: number; findingsPerScan: number; waits?: PgWaits },
): ResultRow {
  const seconds = w.seconds;
  const ok = attempts.filter(accepted);
  const l = latency(ok.map((a) => a.ms));
  const findings = ok.reduce((n, a) => n + a.ns.length, 0);
  return {
    case: `${name}: uploads of ${w.findingsPerScan} findings, 50 at once`,
    findings,
    note: `${ok.length} uploads, ${(ok.length / seconds).toFixed(1)}/s (${Math.round(findings / seconds)} findings/s); ${formatLatency(l)}; errors ${attempts.length - ok.length}; load as the window opened ${w.load.toFixed(1)}${waitNote(w.waits)}`,
  };
}

function waitNote(w: PgWaits | undefined): string {
  if (!w) return '';
  return `; PostgreSQL sessions at most ${w.maxActive} busy, ${w.maxLockWaits} waiting for a lock (mean ${w.meanLockWaits.toFixed(1)})`;
}

/** Answers that were not 2xx. */
export const non2xx = (statuses: ReadonlyMap<number, number>) =>
  [...statuses].filter(([s]) => s < 200 || s >= 300).reduce((n, [, c]) => n + c, 0);

/** " (HTTP 500 ×3)" for the answers that were not 2xx, else nothing. */
function refusals(statuses: ReadonlyMap<number, number>): string {
  const bad = [...statuses].filter(([s]) => s < 200 || s >= 300);
  return bad.length ? ` (${bad.map(([s, n]) => `HTTP ${s} ×${n}`).join(', ')})` : '';
}

export function readRows(name: string, r: ReaderResult, seconds: number): ResultRow[] {
  const all = r.buckets.flatMap((b) => b.ms);
  const rows = r.buckets.map((b) => ({
    case: `${name}: read ${b.kind}`,
    note: `${b.ms.length} requests, ${(b.ms.length / seconds).toFixed(0)}/s; ${formatLatency(latency(b.ms))}; non-2xx ${non2xx(b.statuses)}${refusals(b.statuses)}`,
  }));
  const refused = r.buckets.reduce((n, b) => n + non2xx(b.statuses), 0);
  rows.push({
    case: `${name}: reads, all kinds, ${READER_CONNECTIONS} connections`,
    note: `${all.length} requests, ${(all.length / seconds).toFixed(0)}/s; ${formatLatency(latency(all))}; non-2xx ${refused}, socket errors ${r.errors - r.timeouts}, timeouts ${r.timeouts}; unanswered after the drain ${r.unanswered}; next pages without cursor ${r.noCursor}`,
  });
  return rows;
}

export function probeRow(name: string, ms: number[]): ResultRow {
  return {
    case: `${name}: event-loop probe, GET /healthz every 0.2 s`,
    note: `${ms.length} requests; ${formatLatency(latency(ms))}`,
  };
}

export function verdictRow(name: string, v: Verdict, seconds: number): ResultRow {
  const c = v.counts;
  const what = `${c.scans} scans, ${c.findings} findings (${c.open} open, ${c.fixed} fixed), ${c.reopenEvents} reopenings`;
  return {
    case: `${name}: verification against the serial replay`,
    seconds,
    note: v.ok
      ? `consistent: ${what}`
      : `INCONSISTENT: ${v.problems.map((p) => `${p.kind} ×${p.count}`).join('; ')}`,
  };
}
