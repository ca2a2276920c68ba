// bench: dependency matching: 5,000-package lockfiles against the whole advisory database, end to end and in-process
/**
 * The target of issue #3: "a 5,000-package lockfile matched against the whole database built
 * from ../shared/corpora/advisories/ in < 1 s". The database is imported from that corpus
 * (as vulndb-import does) into bench/.work/vulndb-match/cache, which the CLI reads through
 * GATEHOUSE_CACHE_DIR. Two generated inputs (lib/lockfile-gen.ts, seeded):
 *
 * - `npm`: one package-lock.json v3 of 5,000 packages: every npm name the database has
 *   advisories for (414 in the corpus of Nov 2026), each at an affected version where one can be
 *   read off its advisories, the rest real names from this project's node_modules and made-up ones.
 * - `mixed`: 5,000 packages over package-lock.json, requirements.txt, go.mod and Cargo.lock,
 *   1,250 each, as many named in advisories as the database has (up to all 1,250): the worst case.
 *
 * Each is timed end to end (`node dist/cli/main.js scan DIR --scanners sca --format json
 * --output F`, wall, median of BENCH_RUNS) and in-process (parse the lockfiles, then match
 * them against a freshly opened store, so its cache starts cold).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Package } from '../src/core/package.js';
import { parserFor } from '../src/scanners/sca/lockfiles/index.js';
import { vulnerabilityDrafts } from '../src/scanners/sca/vulnerabilities.js';
import { importAdvisories } from '../src/vulndb/import.js';
import { VULNDB_FILE } from '../src/vulndb/paths.js';
import { VulnStore } from '../src/vulndb/store.js';
import { advisoryPackages, type SampledPackage } from './lib/advisory-sample.js';
import {
  CLI,
  emitResults,
  ensureBuilt,
  loadNote,
  log,
  median,
  type ResultRow,
  ROOT,
  readFindings,
  timed,
  workDir,
} from './lib/common.js';
import { cargoLock, type GenPackage, goMod, packageLockV3, requirementsTxt } from './lib/lockfile-gen.js';
import { Rng } from './lib/prng.js';
import { word } from './lib/words.js';

const NAME = 'vulndb-match';
const CORPUS = resolve(ROOT, process.env.GATEHOUSE_ADVISORIES ?? '../shared/corpora/advisories');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TOTAL = 5000;

/** One lockfile of a case: its file name, ecosystem, and how it is written. */
interface Part {
  file: string;
  ecosystem: string;
  count: number;
  filler: (rng: Rng, i: number) => GenPackage;
  write: (packages: GenPackage[], rng: Rng) => string;
}

const version = (rng: Rng) => `${rng.int(0, 12)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
const twoWords = (rng: Rng, sep: string, i: number) => `${word(rng)}${sep}${word(rng)}${sep}${i}`;

/** Real npm names and versions: the packages installed for this project. */
function installedNpmPackages(): GenPackage[] {
  const dir = join(ROOT, 'node_modules');
  const names = readdirSync(dir).flatMap((n) =>
    n.startsWith('@') ? readdirSync(join(dir, n)).map((m) => `${n}/${m}`) : n.startsWith('.') ? [] : [n],
  );
  return names.flatMap((name) => {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version?: string };
      return pkg.version ? [{ name, version: pkg.version }] : [];
    } catch {
      return [];
    }
  });
}

function npmPart(count: number): Part {
  const installed = installedNpmPackages();
  return {
    file: 'package-lock.json',
    ecosystem: 'npm',
    count,
    filler: (rng, i) => installed[i] ?? { name: twoWords(rng, '-', i), version: version(rng) },
    write: packageLockV3,
  };
}

const PARTS: Record<string, (count: number) => Part> = {
  npm: npmPart,
  PyPI: (count) => ({
    file: 'requirements.txt',
    ecosystem: 'PyPI',
    count,
    filler: (rng, i) => ({ name: twoWords(rng, '-', i), version: version(rng) }),
    write: requirementsTxt,
  }),
  Go: (count) => ({
    file: 'go.mod',
    ecosystem: 'Go',
    count,
    filler: (rng, i) => ({ name: `github.com/${word(rng)}/${word(rng)}${i}`, version: version(rng) }),
    write: goMod,
  }),
  'crates.io': (count) => ({
    file: 'Cargo.lock',
    ecosystem: 'crates.io',
    count,
    filler: (rng, i) => ({ name: twoWords(rng, '_', i), version: version(rng) }),
    write: cargoLock,
  }),
};

interface Generated {
  dir: string;
  files: string[];
  packages: number;
  named: number;
  affected: number;
}

/** Writes one case's lockfiles: the advisory names first (in a shuffled order), then filler. */
function generate(label: string, parts: Part[], store: VulnStore): Generated {
  const dir = join(workDir(NAME, 'inputs'), label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out: Generated = { dir, files: [], packages: 0, named: 0, affected: 0 };
  parts.forEach((part, index) => {
    const rng = new Rng(1000 + index);
    const known: SampledPackage[] = advisoryPackages(store, part.ecosystem, part.count);
    const filler = Array.from({ length: part.count - known.length }, (_, i) => part.filler(rng, i));
    const packages = shuffle([...known, ...filler], rng);
    writeFileSync(join(dir, part.file), part.write(packages, rng));
    out.files.push(part.file);
    out.packages += packages.length;
    out.named += known.length;
    out.affected += known.filter((k) => k.affected).length;
  });
  return out;
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function endToEnd(input: Generated, cache: string): { seconds: number; cpu: number; findings: number } {
  const report = join(workDir(NAME, 'reports'), `${input.dir.split('/').pop()}.json`);
  const env = { ...process.env, GATEHOUSE_CACHE_DIR: cache };
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const args = [CLI, 'scan', input.dir, '--scanners', 'sca', '--format', 'json', '--output', report];
    const r = timed(process.execPath, args, { env });
    if (r.status !== 0 && r.status !== 1) throw new Error(`gatehouse scan exited ${r.status}: ${r.stderr}`);
    log(`  run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s (${loadNote()})`);
    walls.push(r.ms / 1000);
    cpus.push(r.cpuMs / 1000);
  }
  return { seconds: median(walls), cpu: median(cpus), findings: readFindings(report).length };
}

interface InProcess {
  parse: number;
  /** The first match of the process: code not yet optimised by the JIT, as in a CLI run. */
  firstMatch: number;
  match: number;
  findings: number;
}

/** Parse and match without the CLI around them; the store is opened fresh so its cache starts cold. */
function inProcess(input: Generated, dbPath: string): InProcess {
  const parses: number[] = [];
  const matches: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const packages = input.files.flatMap((f) => parseFile(input.dir, f));
    const t1 = performance.now();
    const store = VulnStore.open(dbPath, { readonly: true });
    findings = vulnerabilityDrafts(packages, store).length;
    store.close();
    parses.push((t1 - t0) / 1000);
    matches.push((performance.now() - t1) / 1000);
  }
  return { parse: median(parses), firstMatch: matches[0]!, match: median(matches), findings };
}

function parseFile(dir: string, file: string): Package[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return parserFor(file)!.parse({ path: file, text, readFile: () => undefined }).packages;
}

async function importCorpus(cache: string): Promise<ResultRow> {
  const dbPath = join(cache, VULNDB_FILE);
  rmSync(dbPath, { force: true });
  const store = VulnStore.open(dbPath);
  const r = await importAdvisories(store, [CORPUS]);
  store.close();
  return { case: 'import the advisory corpus (setup)', seconds: r.seconds, note: `${r.records} records` };
}

function measure(label: string, input: Generated, cache: string): ResultRow[] {
  log(`${label}: ${input.packages} packages in ${input.files.join(', ')}`);
  const e2e = endToEnd(input, cache);
  const own = inProcess(input, join(cache, VULNDB_FILE));
  const what = `${input.packages} packages, ${input.named} named in advisories, ${input.affected} at affected versions`;
  return [
    {
      case: `${label}: gatehouse scan --scanners sca (target < 1 s)`,
      seconds: e2e.seconds,
      cpuSeconds: e2e.cpu,
      findings: e2e.findings,
      note: what,
    },
    {
      case: `${label}: in-process match`,
      seconds: own.match,
      findings: own.findings,
      note: `median of ${RUNS}; the first run ${own.firstMatch.toFixed(3)} s; parsing before it ${own.parse.toFixed(3)} s`,
    },
  ];
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    log(`advisory corpus not found at ${CORPUS} (set GATEHOUSE_ADVISORIES); skipping`);
    emitResults(NAME, [{ case: 'match 5,000 packages', note: `skipped: ${CORPUS} not found` }]);
    return;
  }
  ensureBuilt();
  const cache = workDir(NAME, 'cache');
  log(`importing ${CORPUS} into ${cache}`);
  const rows = [await importCorpus(cache)];
  const store = VulnStore.open(join(cache, VULNDB_FILE), { readonly: true });
  const npm = generate('npm', [npmPart(TOTAL)], store);
  const mixed = generate(
    'mixed',
    Object.values(PARTS).map((part) => part(TOTAL / 4)),
    store,
  );
  store.close();
  rows.push(...measure('npm', npm, cache), ...measure('mixed', mixed, cache));
  emitResults(NAME, rows);
}

await main();
