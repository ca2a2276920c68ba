// bench: vulnerability database: import every public advisory corpus, then look up 5,000 package names
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importAdvisories } from '../src/vulndb/import.js';
import { VulnStore } from '../src/vulndb/store.js';
import { emitResults, log, type ResultRow, ROOT, workDir } from './lib/common.js';

const NAME = 'vulndb-import';
const CORPUS = resolve(ROOT, process.env.GATEHOUSE_ADVISORIES ?? '../shared/corpora/advisories');
const LOOKUPS = 5000;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

async function importCorpus(dbPath: string): Promise<ResultRow> {
  rmSync(dbPath, { force: true });
  const store = VulnStore.open(dbPath);
  const cpu = process.cpuUsage();
  const r = await importAdvisories(store, [CORPUS]);
  store.close();
  const left = r.notes.reduce((n, x) => n + x.count, 0);
  log(
    `imported ${r.records} records from ${r.files} files; ${r.rejectedCount} rejected, ${left} left out on purpose`,
  );
  for (const note of r.notes) log(`  left out ${note.count}: ${note.reason}`);
  return {
    case: 'import whole corpus (target < 30 s)',
    seconds: r.seconds,
    note: `${r.records} records, ${Math.round(r.records / r.seconds)} records/s, CPU ${cpuSeconds(cpu).toFixed(1)} s, ${r.rejectedCount} rejected`,
  };
}

/**
 * 5,000 names a lockfile might hold, `share` of them with advisories (taken from the database
 * itself), the rest unknown to it. A real lockfile is near 0.1; 1 is the worst case.
 */
function lookups(dbPath: string, share: number): ResultRow {
  const store = VulnStore.open(dbPath, { readonly: true });
  const known = store.db
    .prepare(
      "SELECT ecosystem, normalized_name FROM affected WHERE ecosystem_release = '' GROUP BY 1, 2 LIMIT ?",
    )
    .raw()
    .all(Math.round(LOOKUPS * share)) as [string, string][];
  const misses = Array.from({ length: LOOKUPS - known.length }, (_, i): [string, string] => [
    'npm',
    `no-such-package-${i}`,
  ]);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let records = 0;
  for (const [ecosystem, name] of [...known, ...misses]) records += store.recordsFor(ecosystem, name).length;
  const seconds = (performance.now() - started) / 1000;
  store.close();
  return {
    case: `look up ${LOOKUPS} names, ${known.length} with advisories (target well under 1 s)`,
    seconds,
    note: `${records} records decoded, CPU ${cpuSeconds(cpu).toFixed(2)} s`,
  };
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    log(`advisory corpus not found at ${CORPUS} (set GATEHOUSE_ADVISORIES); skipping`);
    emitResults(NAME, [{ case: 'import whole corpus', note: `skipped: ${CORPUS} not found` }]);
    return;
  }
  const dbPath = join(workDir('vulndb'), 'vulndb.sqlite');
  log(`importing ${CORPUS} into ${dbPath}`);
  const rows = [await importCorpus(dbPath), lookups(dbPath, 0.1), lookups(dbPath, 1)];
  emitResults(NAME, rows);
}

await main();
