// bench: server ingest of one 100,000-finding scan over HTTP (gzip JSON report), then the same findings again, on SQLite and PostgreSQL
/**
 * Generates a Gatehouse JSON report with BENCH_INGEST_FINDINGS findings (secrets, SAST, IaC and
 * dependency findings spread over a realistic tree), gzips it, and POSTs it to `gatehouse serve`
 * (dist/) on loopback three times per engine:
 *   1. first upload: every finding is new;
 *   2. the same findings in a new scan (another pipeline run, so another digest): zero changes;
 *   3. the exact bytes of upload 2 again: recognised as the same scan.
 * Target (issue #6): 1 and 2 under 10 s on SQLite and on PostgreSQL. DefectDojo, the anchor,
 * takes about 10 minutes for 30,000 findings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../src/core/finding.js';
import { fingerprint } from '../src/core/fingerprint.js';
import type { Severity } from '../src/core/severity.js';
import { testReport } from '../src/server/testing.js';
import { emitResults, ensureBuilt, loadNote, log, type ResultRow } from './lib/common.js';
import { Rng } from './lib/prng.js';
import { freshDatabase, startServer } from './lib/server.js';

const COUNT = Number(process.env.BENCH_INGEST_FINDINGS ?? 100_000);
const TARGET_S = 10;

const SCANNERS = ['sast', 'iac', 'sca', 'secrets'] as const;
const SEVERITIES: Severity[] = [
  'critical',
  'high',
  'high',
  'medium',
  'medium',
  'medium',
  'low',
  'low',
  'info',
];

function finding(i: number, rng: Rng): Finding {
  const scanner = SCANNERS[i % SCANNERS.length]!;
  const ruleId = `${scanner}/rule-${rng.int(0, 119)}`;
  const path = `services/svc-${rng.int(0, 39)}/src/module-${rng.int(0, 199)}/file-${i % 997}.ts`;
  const severity = rng.pick(SEVERITIES);
  const f: Finding = {
    fingerprint: fingerprint(ruleId, path, `content-${i}`),
    scanner,
    ruleId,
    title: `Rule ${ruleId} title`,
    message: `User input reaches a dangerous call in ${path} (case ${i}).`,
    severity,
    confidence: 'high',
    location: {
      path,
      startLine: 1 + rng.int(0, 399),
      endLine: 1 + rng.int(0, 399),
      snippet: `const result = query("SELECT * FROM t WHERE id = " + req.params.id); // ${i}`,
    },
    cwe: ['CWE-89'],
    references: ['https://cwe.mitre.org/data/definitions/89.html'],
    remediation: 'Use a parameterised query.',
    controls: ['nist-800-53:SI-10'],
  };
  if (scanner === 'sca')
    f.vulnerability = {
      id: `GHSA-${i.toString(36).padStart(4, '0')}-bench-0000`,
      aliases: [`CVE-2026-${10000 + (i % 90000)}`],
      package: {
        ecosystem: 'npm',
        name: `pkg-${i % 3000}`,
        version: '1.2.3',
        purl: `pkg:npm/pkg-${i % 3000}@1.2.3`,
      },
      fixedVersions: ['1.2.4'],
    };
  return f;
}

function report(findings: Finding[], run: string): Buffer {
  return gzipSync(testReport(findings, { commit: run, scanners: [...SCANNERS] }));
}

async function upload(
  url: string,
  token: string,
  body: Buffer,
): Promise<{
  ms: number;
  load: string;
  scan: { new: number; fixed: number; duplicate: boolean; findings: number };
}> {
  // Other work on the machine slows every upload: the load when each starts goes with its time.
  const load = loadNote();
  const t0 = performance.now();
  const res = await fetch(`${url}/api/v1/scans?project=bench-app&branch=main`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    },
    body,
  });
  const json = (await res.json()) as {
    scan: { new: number; fixed: number; duplicate: boolean; findings: number };
    error?: unknown;
  };
  if (res.status >= 300) throw new Error(`upload failed ${res.status}: ${JSON.stringify(json)}`);
  return { ms: performance.now() - t0, load, scan: json.scan };
}

async function engine(
  name: string,
  env: NodeJS.ProcessEnv,
  first: Buffer,
  second: Buffer,
): Promise<ResultRow[]> {
  const server = await startServer(env);
  try {
    const a = await upload(server.url, server.token, first);
    log(`${name}: first upload ${(a.ms / 1000).toFixed(2)} s (${a.scan.new} new)`);
    const b = await upload(server.url, server.token, second);
    log(
      `${name}: same findings again ${(b.ms / 1000).toFixed(2)} s (${b.scan.new} new, ${b.scan.fixed} fixed)`,
    );
    const c = await upload(server.url, server.token, second);
    log(`${name}: same bytes again ${(c.ms / 1000).toFixed(2)} s (duplicate: ${c.scan.duplicate})`);
    const verdict = (ms: number) => `target < ${TARGET_S} s: ${ms / 1000 < TARGET_S ? 'met' : 'NOT met'}`;
    return [
      {
        case: `${name}: first upload, ${COUNT} new`,
        seconds: a.ms / 1000,
        findings: a.scan.new,
        note: `${verdict(a.ms)}; ${(first.length / 1024 / 1024).toFixed(1)} MiB gzip; ${a.load}`,
      },
      {
        case: `${name}: same findings, new scan`,
        seconds: b.ms / 1000,
        findings: b.scan.new,
        note: `${verdict(b.ms)}; ${b.scan.new} new, ${b.scan.fixed} fixed; ${b.load}`,
      },
      {
        case: `${name}: same upload again`,
        seconds: c.ms / 1000,
        note: `duplicate: ${c.scan.duplicate}; ${c.load}`,
      },
    ];
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  ensureBuilt();
  const rng = new Rng(7);
  const findings = Array.from({ length: COUNT }, (_, i) => finding(i, rng));
  const first = report(findings, 'run-1');
  const second = report(findings, 'run-2');
  log(`report: ${COUNT} findings, ${(first.length / 1024 / 1024).toFixed(1)} MiB gzip`);
  const home = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
  const rows: ResultRow[] = [];
  try {
    rows.push(...(await engine('sqlite', { GATEHOUSE_HOME: home, DATABASE_URL: '' }, first, second)));
    rows.push(
      ...(await engine(
        'postgres',
        { DATABASE_URL: await freshDatabase('gatehouse_bench_ingest') },
        first,
        second,
      )),
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  emitResults('server-ingest', rows);
}

await main();
