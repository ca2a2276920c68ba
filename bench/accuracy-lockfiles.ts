// bench: lockfile and manifest parsers, precision/recall per format on the public parser corpus
/**
 * Scores every lockfile parser against ../shared/corpora/lockfiles (osv-scalibr's extractor
 * testdata with `expected-packages.jsonl`, one line per test case). The matching key is the
 * one /work/shared/tools/score_sca_packages.py uses, so `--json OUT` can be checked with it:
 *
 *   npx tsx bench/accuracy-lockfiles.ts [--json OUT]
 *   python3 ../shared/tools/score_sca_packages.py ../shared/corpora/lockfiles/expected-packages.jsonl OUT
 *
 * An unresolved package is compared by its declared constraint (the corpus writes ranges as
 * the version of manifest entries). A case that expects an error counts as met when the parser
 * throws or returns nothing (the only way the Python scorer counts it), or returns packages
 * with a warning: the problem reported and the rest of the file still read ("warned").
 * Each row gives precision/recall twice: as the corpus scores them, and with the differences
 * documented in lib/lockfile-differences.ts excused (P*, R*), so that a new miss stands out.
 *
 * The corpus path comes from GATEHOUSE_LOCKFILE_CORPUS (default ../shared/corpora/lockfiles).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { Package } from '../src/core/package.js';
import { parserFor } from '../src/scanners/sca/lockfiles/index.js';
import type { LockfileParser } from '../src/scanners/sca/lockfiles/parser.js';
import { emitResults, type ResultRow, ROOT } from './lib/common.js';
import { differencesFor, isExplained, type KnownDifference } from './lib/lockfile-differences.js';

const CORPUS = resolve(ROOT, process.env.GATEHOUSE_LOCKFILE_CORPUS ?? '../shared/corpora/lockfiles');
const out = (s = '') => process.stdout.write(`${s}\n`);

/**
 * The corpus extractors issue #3 covers -> the file name of that format. The parser is found
 * through `parserFor(name)`, i.e. by each parser's own `matches`, so the table survives a
 * parser being renamed; a format nobody has written yet shows as "no parser".
 */
const FORMATS: Record<string, string> = {
  'javascript/packagelockjson': 'package-lock.json',
  'javascript/yarnlock': 'yarn.lock',
  'javascript/pnpmlock': 'pnpm-lock.yaml',
  'javascript/bunlock': 'bun.lock',
  'javascript/packagejson': 'package.json',
  'python/requirements': 'requirements.txt',
  'python/poetrylock': 'poetry.lock',
  'python/pipfilelock': 'Pipfile.lock',
  'python/uvlock': 'uv.lock',
  'python/pdmlock': 'pdm.lock',
  'golang/gomod': 'go.mod',
  'rust/cargolock': 'Cargo.lock',
  'ruby/gemfilelock': 'Gemfile.lock',
  'php/composerlock': 'composer.lock',
  'java/pomxml': 'pom.xml',
  'java/gradlelockfile': 'gradle.lockfile',
  'dotnet/packageslockjson': 'packages.lock.json',
  'dotnet/packagesconfig': 'packages.config',
};

interface ExpectedPackage {
  name?: string;
  version?: string;
  unresolved?: string[];
}

interface Case {
  extractor: string;
  case: string;
  input: string;
  want_error: boolean;
  packages: ExpectedPackage[];
}

/** score_sca_packages.py's key: lowercase, runs of -_. as one -, Maven keeps group:artifact, no leading v. */
export function matchKey(name: string, version: string): string {
  const n = name.includes(':') ? name.toLowerCase() : name.toLowerCase().replace(/[-_.]+/g, '-');
  return `${n}@${version.replace(/^v+/, '')}`;
}

/** What a package is compared as: its version, or its declared constraint when unresolved. */
function comparedVersion(p: Package): string {
  return p.resolved ? p.version : (p.constraint ?? '');
}

interface Outcome {
  parser: string;
  packages: { name: string; version: string }[];
  error?: string;
  warnings: string[];
}

/**
 * The corpus names files after the test (`one-package.v2.json`): parse under the format's
 * real file name in the same folder, unless the file's own name already selects the same
 * parser (`npm-shrinkwrap.json` must stay itself).
 */
function inputPath(c: Case, parser: LockfileParser): string {
  if (parserFor(c.input) === parser) return c.input;
  return posix.join(posix.dirname(c.input), FORMATS[c.extractor]!);
}

function readCorpusFile(rel: string): string | undefined {
  const abs = resolve(CORPUS, rel);
  if (!abs.startsWith(`${CORPUS}/`) || !existsSync(abs)) return undefined;
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

function run(c: Case, parser: LockfileParser): Outcome {
  const text = readCorpusFile(c.input) ?? '';
  try {
    const r = parser.parse({ path: inputPath(c, parser), text, readFile: readCorpusFile });
    const packages = r.packages.map((p) => ({ name: p.name, version: comparedVersion(p) }));
    return { parser: parser.name, packages, warnings: r.warnings.map((w) => w.message) };
  } catch (e) {
    return {
      parser: parser.name,
      packages: [],
      error: `${(e as Error).name}: ${(e as Error).message}`,
      warnings: [],
    };
  }
}

interface Tally {
  parser: string;
  tp: number;
  fp: number;
  fn: number;
  /** False positives and negatives that no documented difference explains. */
  newFp: number;
  newFn: number;
  exact: number;
  cases: number;
  errorCases: number;
  /** Threw or returned nothing, as score_sca_packages.py counts it. */
  errorOk: number;
  /** Returned packages and a warning: the error was reported, the rest of the file still read. */
  errorWarned: number;
}

interface Miss {
  c: Case;
  missing: string[];
  extra: string[];
  error?: string;
}

/** The documented reasons for a miss when they explain all of it; undefined when something is new. */
function knownWhy(m: Miss): string | undefined {
  const differences = differencesFor(m.c);
  const keys = [...m.missing, ...m.extra];
  if (m.error || keys.length === 0 || !keys.every((k) => isExplained(differences, k))) return undefined;
  const used = differences.filter((d: KnownDifference) => keys.some((k) => isExplained([d], k)));
  return used.map((d) => d.why).join('\n             ');
}

function expectedKeys(c: Case): Set<string> {
  const keep = c.packages.filter((p) => p.name !== undefined && p.unresolved === undefined);
  return new Set(keep.map((p) => matchKey(p.name!, p.version ?? '')));
}

function emptyTally(parser: string): Tally {
  return {
    parser,
    tp: 0,
    fp: 0,
    fn: 0,
    newFp: 0,
    newFn: 0,
    exact: 0,
    cases: 0,
    errorCases: 0,
    errorOk: 0,
    errorWarned: 0,
  };
}

/** Scores one case into every tally given (its format's, the overall ones); returns the miss, if any. */
function score(c: Case, o: Outcome, tallies: Tally[]): Miss | undefined {
  const got = new Set(o.packages.map((p) => matchKey(p.name, p.version)));
  if (c.want_error) {
    const ok = got.size === 0;
    const warned = !ok && o.warnings.length > 0;
    for (const t of tallies) {
      t.errorCases++;
      if (ok) t.errorOk++;
      if (warned) t.errorWarned++;
    }
    return ok || warned ? undefined : { c, missing: ['(an error)'], extra: [...got] };
  }
  const want = expectedKeys(c);
  const missing = [...want].filter((k) => !got.has(k));
  const extra = [...got].filter((k) => !want.has(k));
  const differences = differencesFor(c);
  const isNew = (k: string) => !isExplained(differences, k);
  for (const t of tallies) {
    t.cases++;
    t.tp += want.size - missing.length;
    t.fn += missing.length;
    t.fp += extra.length;
    t.newFn += missing.filter(isNew).length;
    t.newFp += extra.filter(isNew).length;
    if (missing.length === 0 && extra.length === 0) t.exact++;
  }
  if (missing.length === 0 && extra.length === 0) return undefined;
  return { c, missing, extra, ...(o.error ? { error: o.error } : {}) };
}

const pct = (n: number, d: number) => (d === 0 ? '  n/a ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function printRow(label: string, t: Tally): ResultRow {
  const p = pct(t.tp, t.tp + t.fp);
  const r = pct(t.tp, t.tp + t.fn);
  // Excused: the documented differences counted neither as misses nor as extras.
  const px = pct(t.tp, t.tp + t.newFp);
  const rx = pct(t.tp, t.tp + t.newFn);
  const errors = `${t.errorOk}/${t.errorWarned}/${t.errorCases}`;
  const counts = `${String(t.cases).padStart(5)} ${String(t.exact).padStart(5)}`;
  out(`${label.padEnd(36)} ${t.parser.padEnd(22)} ${counts} ${p} ${r} ${px} ${rx}  ${errors}`);
  const note = `P ${p.trim()} R ${r.trim()} (documented differences excused: P ${px.trim()} R ${rx.trim()})`;
  return { case: label, note: `${note}, ${t.exact}/${t.cases} exact, errors ${errors}` };
}

function printTable(tallies: Map<string, Tally>, overall: Tally, absent: string[]): ResultRow[] {
  out(
    `${'extractor'.padEnd(36)} ${'parser'.padEnd(22)} cases exact      P      R     P*     R*  errors (empty/warned/all)`,
  );
  const rows = [...tallies].sort().map(([extractor, t]) => printRow(extractor, t));
  for (const extractor of absent) out(`${extractor.padEnd(36)} no parser`);
  rows.push(printRow('OVERALL', overall));
  if (absent.length > 0) rows.push({ case: 'no parser yet', note: absent.join(', ') });
  return rows;
}

function printMisses(misses: Miss[]): void {
  if (misses.length === 0) return;
  const unexplained = misses.filter((m) => !knownWhy(m)).length;
  out(`\nmisses (${misses.length} cases, ${unexplained} not explained by lib/lockfile-differences.ts):`);
  for (const m of misses) {
    const why = knownWhy(m);
    out(
      `  ${why ? 'known' : 'NEW  '} ${m.c.extractor} ${m.c.input.split('/').slice(-2).join('/')} [${m.c.case}]`,
    );
    if (m.error) out(`        error: ${m.error}`);
    if (m.missing.length > 0) out(`        missing: ${m.missing.join(', ')}`);
    if (m.extra.length > 0) out(`        extra:   ${m.extra.join(', ')}`);
    if (why) out(`        why: ${why}`);
  }
}

/** One line per input, in the format score_sca_packages.py reads. */
function writeJson(path: string, outcomes: Map<string, Outcome>): void {
  const lines = [...outcomes].map(([input, o]) => JSON.stringify({ input, packages: o.packages }));
  writeFileSync(path, `${lines.join('\n')}\n`);
  out(`\nwrote ${outcomes.size} inputs to ${path}`);
}

function main(): void {
  const expected = resolve(CORPUS, 'expected-packages.jsonl');
  if (!existsSync(expected)) {
    out(`lockfile corpus not found at ${CORPUS} (set GATEHOUSE_LOCKFILE_CORPUS); skipped`);
    emitResults('accuracy-lockfiles', [{ case: 'skipped', note: 'corpus absent' }]);
    return;
  }
  const cases = readFileSync(expected, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case)
    .filter((c) => FORMATS[c.extractor] !== undefined);
  const tallies = new Map<string, Tally>();
  const overall = emptyTally('');
  const outcomes = new Map<string, Outcome>();
  const misses: Miss[] = [];
  const absent = new Set<string>();
  for (const c of cases) {
    const parser = parserFor(FORMATS[c.extractor]!);
    if (!parser) {
      absent.add(c.extractor);
      continue;
    }
    const o = outcomes.get(c.input) ?? run(c, parser);
    outcomes.set(c.input, o);
    const t = tallies.get(c.extractor) ?? emptyTally(parser.name);
    tallies.set(c.extractor, t);
    const miss = score(c, o, [t, overall]);
    if (miss) misses.push(miss);
  }
  out(`== lockfile corpus: ${cases.length} cases in ${Object.keys(FORMATS).length} formats (${CORPUS})\n`);
  const rows = printTable(tallies, overall, [...absent].sort());
  printMisses(misses);
  const json = process.argv.indexOf('--json');
  if (json !== -1 && process.argv[json + 1]) writeJson(process.argv[json + 1]!, outcomes);
  emitResults('accuracy-lockfiles', rows);
}

main();
