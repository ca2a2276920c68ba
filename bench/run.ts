/**
 * Runs the benchmarks in bench/ and prints one table. A benchmark is a bench/*.ts file whose
 * first line is a `// bench: <what it measures>` comment; each runs in its own process.
 *
 *   npm run bench                       # all of them
 *   npm run bench -- secrets-tree       # a subset, by file name without .ts
 *   npm run bench -- --list
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCH,
  ensureBuilt,
  formatTable,
  loadNote,
  log,
  parseResults,
  type ResultRow,
  ROOT,
} from './lib/common.js';

interface Benchmark {
  name: string;
  description: string;
}

function discoverBenchmarks(): Benchmark[] {
  return readdirSync(BENCH)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .flatMap((f) => {
      const first = readFileSync(join(BENCH, f), 'utf8').split('\n', 1)[0] ?? '';
      const m = /^\/\/ bench: (.+)$/.exec(first);
      return m ? [{ name: f.replace(/\.ts$/, ''), description: m[1]! }] : [];
    });
}

function main(): number {
  const args = process.argv.slice(2);
  const all = discoverBenchmarks();
  if (args.includes('--list')) {
    for (const b of all) process.stdout.write(`${b.name.padEnd(18)} ${b.description}\n`);
    return 0;
  }
  const unknown = args.filter((a) => !all.some((b) => b.name === a));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown benchmark(s): ${unknown.join(', ')}; available: ${all.map((b) => b.name).join(', ')}\n`,
    );
    return 2;
  }
  const chosen = args.length > 0 ? all.filter((b) => args.includes(b.name)) : all;
  ensureBuilt();
  const rows: (ResultRow & { benchmark: string })[] = [];
  let failed = 0;
  for (const b of chosen) {
    log(`== ${b.name}: ${b.description} (${loadNote()})`);
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, join(BENCH, `${b.name}.ts`)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(`\n## ${b.name}\n${(r.stdout ?? '').replace(/^@@bench-result .*\n?/gm, '')}`);
    const results = parseResults(r.stdout ?? '');
    if (r.status !== 0 || results.length === 0) {
      failed++;
      rows.push({ benchmark: b.name, case: '(failed)', note: `exit ${r.status}` });
      continue;
    }
    for (const res of results) rows.push(...res.rows.map((row) => ({ benchmark: res.benchmark, ...row })));
  }
  process.stdout.write(`\n## summary\n\n${formatTable(rows)}\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
