// bench: secrets scan of a generated source tree, end to end through the CLI, against ripgrep and secretlint
import { join } from 'node:path';
import { ensureTree, type TreeManifest } from './gen-tree.js';
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
  workDir,
} from './lib/common.js';
import {
  ensureSecretlint,
  exportPatterns,
  type RgEngine,
  rgAvailable,
  rgHasPcre2,
  runRg,
  runSecretlint,
} from './lib/peers.js';
import { subsetOf } from './lib/subset.js';

const SIZE_MIB = Number(process.env.BENCH_TREE_MIB ?? 200);
const SUBSET_MIB = Number(process.env.BENCH_SUBSET_MIB ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** A peer runs on the whole tree only when its subset time projects under this; it is stopped at twice it. */
const PEER_MAX_S = Number(process.env.BENCH_PEER_MAX_S ?? 300);

/** One other tool: a name, a note, and a run over a tree that may be stopped at a time budget. */
interface Peer {
  name: string;
  note: string;
  run(
    tree: string,
    label: string,
    budgetMs: number,
  ): { ms: number; cpuMs: number; findings: number; timedOut: boolean };
}

const speedup = (ourMs: number, theirMs: number) => `gatehouse ${(theirMs / ourMs).toFixed(2)}x`;

function gatehouse(tree: string, bytes: number, label: string): { row: ResultRow; ms: number; out: string } {
  const out = join(workDir('reports'), `gatehouse-${label.replace(/\W+/g, '-')}.json`);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = runGatehouse(tree, out);
    times.push(r.ms);
    cpus.push(r.cpuMs);
    log(
      `  gatehouse (${label}) run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s cpu, ${loadNote()}`,
    );
  }
  const ms = median(times);
  const mibPerSec = bytes / MiB / (ms / 1000);
  const row: ResultRow = {
    case: `gatehouse (${label})`,
    seconds: ms / 1000,
    cpuSeconds: median(cpus) / 1000,
    mib: bytes / MiB,
    mibPerSec,
    findings: readFindings(out).length,
    note: `median of ${RUNS}`,
  };
  return { row, ms, out };
}

/** Planted secrets reported on their line (by position: URL detectors report only the password part). */
function plantedFound(out: string, manifest: TreeManifest): string {
  const seen = new Set(readFindings(out).map((f) => `${f.location.path}\0${f.location.startLine}`));
  const found = manifest.planted.filter((p) => seen.has(`${p.path}\0${p.line}`));
  const missed = [...new Set(manifest.planted.filter((p) => !found.includes(p)).map((p) => p.kind))];
  return `planted found ${found.length}/${manifest.planted.length}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`;
}

function rgPeers(): Peer[] {
  if (!rgAvailable()) return [];
  const engines: RgEngine[] = rgHasPcre2() ? ['pcre2', 'rust'] : ['rust'];
  return engines.map((engine) => {
    const { files, usable, total } = exportPatterns(engine);
    const passes = files.length > 1 ? `, ${files.length} passes (one regex too large)` : '';
    const dropped = engine === 'rust' ? ', lookarounds and backreferences dropped' : '';
    return {
      name: `ripgrep -c ${engine === 'pcre2' ? '-P ' : ''}-f patterns`,
      note: `${usable}/${total} detector patterns${dropped}${passes}; findings = matching lines`,
      run: (tree, _label, budgetMs) => {
        const r = runRg(tree, files, engine, budgetMs);
        return { ms: r.ms, cpuMs: r.cpuMs, findings: r.lines, timedOut: r.timedOut };
      },
    };
  });
}

function secretlintPeer(): Peer[] {
  const sl = ensureSecretlint();
  if (!sl) return [];
  return [
    {
      name: 'secretlint',
      note: 'preset-recommend 11.7.1; its **/* glob skips dotfiles',
      run: (tree, label, budgetMs) =>
        runSecretlint(sl, tree, join(workDir('reports'), `secretlint-${label}.json`), budgetMs),
    },
  ];
}

/** Runs (once: a peer that takes minutes is not worth three) and formats a row; timeouts give a lower bound. */
function peerRow(
  p: Peer,
  tree: string,
  bytes: number,
  label: string,
  ourMs: number,
  budgetMs: number,
): ResultRow {
  const r = p.run(tree, label.replace(/\W+/g, '-'), budgetMs);
  log(
    `  ${p.name} (${label}): ${(r.ms / 1000).toFixed(2)} s${r.timedOut ? ' (stopped)' : ''}, ${loadNote()}`,
  );
  const base = {
    case: `${p.name} (${label})`,
    seconds: r.ms / 1000,
    cpuSeconds: r.cpuMs / 1000,
    mib: bytes / MiB,
  };
  if (r.timedOut)
    return {
      ...base,
      ratio: `gatehouse > ${(r.ms / ourMs).toFixed(0)}x`,
      note: `stopped after ${(r.ms / 1000).toFixed(0)} s; ${p.note}`,
    };
  return {
    ...base,
    mibPerSec: bytes / MiB / (r.ms / 1000),
    findings: r.findings,
    ratio: speedup(ourMs, r.ms),
    note: `1 run; ${p.note}`,
  };
}

function main(): void {
  ensureBuilt();
  const { dir, manifest } = ensureTree(SIZE_MIB);
  log(`scanning ${dir} (${manifest.files} files, ${(manifest.bytes / MiB).toFixed(1)} MiB), ${RUNS} runs`);
  const full = gatehouse(dir, manifest.bytes, `${SIZE_MIB} MiB tree`);
  full.row.note = `median of ${RUNS}; ${plantedFound(full.out, manifest)}; target >= 100 MiB/s`;
  const wanted = process.env.BENCH_PEERS?.split(',') ?? ['rg', 'secretlint'];
  const peers = [
    ...(wanted.includes('rg') ? rgPeers() : []),
    ...(wanted.includes('secretlint') ? secretlintPeer() : []),
  ];
  const rows: ResultRow[] = [full.row];
  if (wanted.includes('rg') && !rgAvailable())
    rows.push({ case: 'ripgrep', note: 'skipped: rg not installed (apt-get install -y ripgrep)' });
  if (peers.length === 0) {
    emitResults('secrets-tree', rows);
    return;
  }
  // Peers first meet the tree on a subset; the full tree only when that projects within the budget.
  const sub = subsetOf(dir, SUBSET_MIB);
  const label = `${SUBSET_MIB} MiB subset`;
  const ours = gatehouse(sub.dir, sub.bytes, label);
  rows.push(ours.row);
  for (const p of peers) {
    const row = peerRow(p, sub.dir, sub.bytes, label, ours.ms, 2 * PEER_MAX_S * 1000);
    rows.push(row);
    const projected = (row.seconds ?? 0) * (manifest.bytes / sub.bytes);
    if (row.mibPerSec === undefined || projected > PEER_MAX_S) {
      rows.push({
        case: `${p.name} (${SIZE_MIB} MiB tree)`,
        note: `skipped: ~${Math.round(projected)} s projected from the subset (BENCH_PEER_MAX_S=${PEER_MAX_S})`,
      });
      continue;
    }
    rows.push(peerRow(p, dir, manifest.bytes, `${SIZE_MIB} MiB tree`, full.ms, 2 * PEER_MAX_S * 1000));
  }
  emitResults('secrets-tree', rows);
}

main();
