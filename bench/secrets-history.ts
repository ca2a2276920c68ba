// bench: secrets scan of a long git history (--git-history), with each planted secret reported exactly once
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emitResults,
  ensureBuilt,
  loadNote,
  log,
  MiB,
  median,
  type ResultRow,
  readFindings,
  runGatehouse,
  WORK,
  workDir,
} from './lib/common.js';
import {
  generateHistory,
  type HistoryOptions,
  type HistorySecret,
  uniqueBlobBytes,
} from './lib/history-gen.js';

const OPTIONS: HistoryOptions = {
  commits: Number(process.env.BENCH_HISTORY_COMMITS ?? 3000),
  files: 300,
  filesPerCommit: 3,
  medianFileBytes: Number(process.env.BENCH_HISTORY_FILE_BYTES ?? 19_000),
  seed: 1,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VERSION = 1;

interface HistoryManifest {
  version: number;
  options: HistoryOptions;
  blobs: number;
  blobBytes: number;
  secrets: HistorySecret[];
}

async function ensureRepo(): Promise<{ repo: string; manifest: HistoryManifest }> {
  const repo = join(WORK, `history-${OPTIONS.commits}c-s${OPTIONS.seed}`);
  const manifestPath = `${repo}.manifest.json`;
  if (existsSync(manifestPath) && existsSync(repo)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as HistoryManifest;
    if (m.version === VERSION && JSON.stringify(m.options) === JSON.stringify(OPTIONS))
      return { repo, manifest: m };
  }
  log(`generating ${OPTIONS.commits} commits with git fast-import in ${repo}`);
  const t0 = performance.now();
  const secrets = await generateHistory(repo, OPTIONS);
  const { blobs, bytes } = uniqueBlobBytes(repo);
  const manifest: HistoryManifest = { version: VERSION, options: OPTIONS, blobs, blobBytes: bytes, secrets };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `  ${blobs} blobs, ${(bytes / MiB).toFixed(1)} MiB of blob content, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { repo, manifest };
}

/** Each planted secret must appear once, at the commit that introduced it. */
function checkSecrets(out: string, secrets: readonly HistorySecret[]): { ok: number; notes: string[] } {
  const findings = readFindings(out);
  const notes: string[] = [];
  let ok = 0;
  for (const s of secrets) {
    const hits = findings.filter((f) => f.secret?.hash === s.hash);
    const atIntro = hits.filter((f) => f.location.commit?.sha === s.commit && f.location.path === s.path);
    if (hits.length === 1 && atIntro.length === 1) ok++;
    else if (hits.length === 0) notes.push(`${s.kind}: not reported`);
    else if (hits.length > 1)
      notes.push(`${s.kind}: reported ${hits.length} times (${hits.map((h) => h.ruleId).join(', ')})`);
    else
      notes.push(
        `${s.kind}: reported at ${hits[0]!.location.path}@${hits[0]!.location.commit?.sha.slice(0, 10)}, not at its introduction`,
      );
  }
  return { ok, notes };
}

async function main(): Promise<void> {
  ensureBuilt();
  const { repo, manifest } = await ensureRepo();
  const out = join(workDir('reports'), 'history.json');
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = runGatehouse(repo, out, ['--git-history']);
    times.push(r.ms);
    cpus.push(r.cpuMs);
    log(
      `  gatehouse --git-history run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s cpu, ${loadNote()}`,
    );
  }
  const ms = median(times);
  const check = checkSecrets(out, manifest.secrets);
  for (const n of check.notes) log(`  ${n}`);
  const row: ResultRow = {
    case: `gatehouse --git-history (${manifest.options.commits} commits, ${manifest.blobs} blobs)`,
    seconds: ms / 1000,
    cpuSeconds: median(cpus) / 1000,
    mib: manifest.blobBytes / MiB,
    mibPerSec: manifest.blobBytes / MiB / (ms / 1000),
    findings: readFindings(out).length,
    note: `median of ${RUNS}; planted secrets reported exactly once at their first commit: ${check.ok}/${manifest.secrets.length}${check.notes.length ? ` (${check.notes.join('; ')})` : ''}; target >= 40 MiB/s`,
  };
  emitResults('secrets-history', [row]);
}

await main();
