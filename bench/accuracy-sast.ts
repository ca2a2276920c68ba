// bench: SAST true/false-positive rate per CWE on test/fixtures/sast/corpus
/**
 * The labelled corpus (test/fixtures/sast/corpus/<cwe>/<language>/, labels.json) holds one case
 * per file: `tp-N` files have a flow from untrusted input to the sink on the labelled line,
 * `fp-N` files look alike and are safe. Every built-in rule runs in-process on every file (the
 * rules as they are in src/ now, no build needed), and per CWE and language:
 *
 * - TPR: tp files with a finding of a rule mapped to the case's CWE within LINE_SLACK lines of
 *   the labelled sink (a finding of that CWE elsewhere in the file is counted apart, not as a hit);
 * - FPR: fp files with any finding of a rule mapped to the case's CWE;
 * - Youden index TPR - FPR, as the OWASP Benchmark scores tools (0 is a coin toss, 1 is perfect).
 *
 * Related CWEs count as the case's own (CWE-77/88 with CWE-78, CWE-95 with CWE-94, ...): rules
 * and tools differ in which one of a family they name. When `bandit` is on the PATH
 * (`apt-get install -y bandit`), it runs on the same Python files and is scored the same way,
 * its test ids mapped to CWEs by BANDIT_CWE below.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SastRule } from '../src/scanners/sast/engine/types.js';
import { scanFile } from '../src/scanners/sast/file-scan.js';
import {
  BUILTIN_RULES_DIR,
  builtinFolders,
  loadRuleFile,
  ruleFilesIn,
} from '../src/scanners/sast/format/index.js';
import { commandExists, emitResults, log, MiB, type ResultRow, ROOT } from './lib/common.js';

const CORPUS = join(ROOT, 'test', 'fixtures', 'sast', 'corpus');
/** A finding this many lines from the labelled sink still counts: calls span lines, tools anchor them differently. */
const LINE_SLACK = 2;
const BUDGET_MS = 5000;
const out = (s = '') => process.stdout.write(`${s}\n`);

interface Label {
  file: string;
  label: 'tp' | 'fp';
  cwe: string;
  /** The sink's line, tp files only. */
  line?: number;
  /** Other lines a finding may be reported on (the insecure setting behind the sink, e.g. an Environment without autoescape). */
  also?: number[];
}

/** The corpus's CWEs and the related ones a tool may name instead. */
const FAMILIES: Record<string, readonly string[]> = {
  'CWE-78': ['CWE-78', 'CWE-77', 'CWE-88'],
  'CWE-89': ['CWE-89', 'CWE-564', 'CWE-943'],
  'CWE-94': ['CWE-94', 'CWE-95', 'CWE-96', 'CWE-913'],
  'CWE-22': ['CWE-22', 'CWE-23', 'CWE-36', 'CWE-73'],
  'CWE-79': ['CWE-79', 'CWE-80', 'CWE-83'],
  'CWE-918': ['CWE-918'],
};
const familyOf = (cwe: string): string | undefined =>
  Object.keys(FAMILIES).find((k) => FAMILIES[k]!.includes(cwe.toUpperCase()));

/**
 * Bandit 1.6/1.7 test ids by the corpus CWE they test. Bandit has no SSRF or path-traversal
 * dataflow check: B310 (urlopen with a permitted scheme) is the nearest to SSRF, B202
 * (tarfile.extractall) to path traversal.
 */
const BANDIT_CWE: Record<string, string> = {
  B602: 'CWE-78', // subprocess with shell=True
  B603: 'CWE-78', // subprocess without shell (Bandit's own CWE for it is 78)
  B604: 'CWE-78', // any function with shell=True
  B605: 'CWE-78', // os.system / os.popen ...
  B606: 'CWE-78', // process start without a shell
  B607: 'CWE-78', // partial executable path
  B609: 'CWE-78', // wildcard injection
  B608: 'CWE-89', // SQL built from strings
  B610: 'CWE-89', // Django extra()
  B611: 'CWE-89', // Django RawSQL
  B307: 'CWE-94', // eval
  B102: 'CWE-94', // exec
  B202: 'CWE-22', // tarfile.extractall
  B308: 'CWE-79', // mark_safe
  B701: 'CWE-79', // jinja2 autoescape=False
  B702: 'CWE-79', // mako templates
  B703: 'CWE-79', // Django mark_safe
  B704: 'CWE-79', // markupsafe.Markup (Bandit >= 1.7.6)
  B310: 'CWE-918', // urllib urlopen
};

/** What one tool reported in one corpus file: lines of findings by CWE family. */
type FileHits = Map<string, number[]>;

interface Cell {
  tp: number;
  tpHit: number;
  /** tp files with a finding of the family somewhere else than the sink. */
  tpElsewhere: number;
  fp: number;
  fpFlagged: number;
  misses: string[];
  falseAlarms: string[];
}

const newCell = (): Cell => ({
  tp: 0,
  tpHit: 0,
  tpElsewhere: 0,
  fp: 0,
  fpFlagged: 0,
  misses: [],
  falseAlarms: [],
});

function languageOf(file: string): string {
  return file.split('/')[1]!;
}

/** Loads every built-in rule file on its own, so that one broken file (a pack being written) is reported, not fatal. */
function loadRules(): { rules: SastRule[]; broken: string[] } {
  const rules: SastRule[] = [];
  const broken: string[] = [];
  const seen = new Set<string>();
  for (const folder of builtinFolders()) {
    for (const name of ruleFilesIn(join(BUILTIN_RULES_DIR, folder))) {
      try {
        for (const r of loadRuleFile(join(BUILTIN_RULES_DIR, folder, name), `${folder}/${name}`)) {
          if (seen.has(r.id)) continue;
          seen.add(r.id);
          rules.push(r);
        }
      } catch (e) {
        broken.push(`${folder}/${name}: ${((e as Error).message ?? String(e)).split('\n')[0]}`);
      }
    }
  }
  return { rules, broken };
}

function gatehouseHits(labels: readonly Label[], rules: readonly SastRule[]): Map<string, FileHits> {
  const cweOf = new Map(rules.map((r) => [r.id, r.cwe]));
  const hits = new Map<string, FileHits>();
  const diagnostics: string[] = [];
  for (const l of labels) {
    const outcome = scanFile(join(CORPUS, l.file), l.file, rules, BUDGET_MS);
    for (const d of outcome.diagnostics)
      if (d.level !== 'info') diagnostics.push(`${l.file}: ${d.code} ${d.message}`);
    const byFamily: FileHits = new Map();
    for (const m of outcome.matches) {
      for (const fam of new Set((cweOf.get(m.ruleId) ?? []).map(familyOf))) {
        if (!fam) continue;
        const lines = byFamily.get(fam) ?? [];
        for (let line = m.span.startLine; line <= m.span.endLine; line++) lines.push(line);
        byFamily.set(fam, lines);
      }
    }
    hits.set(l.file, byFamily);
  }
  if (diagnostics.length > 0) {
    out(`diagnostics (${diagnostics.length}):`);
    for (const d of diagnostics.slice(0, 20)) out(`  ${d}`);
  }
  return hits;
}

interface BanditResult {
  filename: string;
  line_number: number;
  line_range?: number[];
  test_id: string;
  issue_severity: string;
}

/** Bandit on the corpus's Python files, or a reason it did not run. */
/**
 * Every result (`hits`), and the medium and high severity ones alone (`gating`: what `bandit -ll`
 * reports, and what a pipeline usually fails on; Bandit rates its audit-only checks, such as
 * subprocess without a shell or a constant os.system, low).
 */
function banditHits(
  labels: readonly Label[],
): { hits: Map<string, FileHits>; gating: Map<string, FileHits>; seconds: number } | string {
  if (!commandExists('bandit')) return 'bandit is not installed (apt-get install -y bandit)';
  const version = spawnSync('bandit', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const t0 = performance.now();
  const r = spawnSync('bandit', ['-r', '-f', 'json', '-q', '.'], {
    cwd: CORPUS,
    encoding: 'utf8',
    maxBuffer: 256 * MiB,
  });
  const seconds = (performance.now() - t0) / 1000;
  let results: BanditResult[];
  try {
    results = (JSON.parse(r.stdout) as { results: BanditResult[] }).results;
  } catch {
    return `bandit exited ${r.status} without a JSON report: ${r.stderr.trim().slice(0, 300)}`;
  }
  log(`${version}: ${results.length} results in ${seconds.toFixed(2)} s`);
  if (/^bandit 1\.[0-6]\./.test(version ?? ''))
    out(
      `note: ${version} looks for SQL in ast.Str nodes, which Python 3.8+ no longer produces: its B608 never fires here`,
    );
  const collect = (keep: (r: BanditResult) => boolean) => {
    const hits = new Map<string, FileHits>();
    for (const l of labels) if (languageOf(l.file) === 'python') hits.set(l.file, new Map());
    for (const res of results.filter(keep)) {
      const file = res.filename.replace(/^\.\//, '');
      const fam = BANDIT_CWE[res.test_id];
      const byFamily = hits.get(file);
      if (!fam || !byFamily) continue;
      const lines = byFamily.get(fam) ?? [];
      lines.push(...(res.line_range?.length ? res.line_range : [res.line_number]));
      byFamily.set(fam, lines);
    }
    return hits;
  };
  return {
    hits: collect(() => true),
    gating: collect((r) => r.issue_severity !== 'LOW'),
    seconds,
  };
}

function score(labels: readonly Label[], hits: ReadonlyMap<string, FileHits>): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const l of labels) {
    const fileHits = hits.get(l.file);
    if (!fileHits) continue;
    const key = `${l.cwe} ${languageOf(l.file)}`;
    const c = cells.get(key) ?? newCell();
    cells.set(key, c);
    const lines = fileHits.get(l.cwe) ?? [];
    if (l.label === 'tp') {
      c.tp++;
      const want = [l.line!, ...(l.also ?? [])];
      if (lines.some((x) => want.some((w) => Math.abs(x - w) <= LINE_SLACK))) c.tpHit++;
      else {
        if (lines.length > 0) c.tpElsewhere++;
        c.misses.push(
          `${l.file}:${l.line}${lines.length > 0 ? ` (reported at ${[...new Set(lines)].join(',')})` : ''}`,
        );
      }
    } else {
      c.fp++;
      if (lines.length > 0) {
        c.fpFlagged++;
        c.falseAlarms.push(`${l.file}:${[...new Set(lines)].join(',')}`);
      }
    }
  }
  return cells;
}

const pct = (a: number, b: number) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(0).padStart(4)}%`);
const youden = (c: Cell) => (c.tp === 0 || c.fp === 0 ? Number.NaN : c.tpHit / c.tp - c.fpFlagged / c.fp);
const fmtY = (y: number) => (Number.isNaN(y) ? '  n/a' : y.toFixed(2).padStart(5));

function sum(cells: Iterable<Cell>): Cell {
  const t = newCell();
  for (const c of cells) {
    t.tp += c.tp;
    t.tpHit += c.tpHit;
    t.tpElsewhere += c.tpElsewhere;
    t.fp += c.fp;
    t.fpFlagged += c.fpFlagged;
  }
  return t;
}

const cweOrder = (k: string) => Object.keys(FAMILIES).indexOf(k.split(' ')[0]!) * 10 + k.length;

function summary(c: Cell): string {
  return `TPR ${pct(c.tpHit, c.tp).trim()} (${c.tpHit}/${c.tp}), FPR ${pct(c.fpFlagged, c.fp).trim()} (${c.fpFlagged}/${c.fp}), Youden ${fmtY(youden(c)).trim()}`;
}

function main(): void {
  const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as Label[];
  const { rules, broken } = loadRules();
  const byLang = new Map<string, number>();
  for (const r of rules) for (const l of r.languages) byLang.set(l, (byLang.get(l) ?? 0) + 1);
  out(
    `corpus: ${labels.length} files (${labels.filter((l) => l.label === 'tp').length} tp, ${labels.filter((l) => l.label === 'fp').length} fp); rules: ${rules.length} (${[...byLang].map(([l, n]) => `${l} ${n}`).join(', ')})`,
  );
  for (const b of broken) out(`  rule file not loaded: ${b}`);
  const t0 = performance.now();
  const ours = score(labels, gatehouseHits(labels, rules));
  const oursSeconds = (performance.now() - t0) / 1000;
  const bandit = banditHits(labels);
  const theirs = typeof bandit === 'string' ? undefined : score(labels, bandit.hits);
  const theirsGating = typeof bandit === 'string' ? undefined : score(labels, bandit.gating);

  const keys = [...ours.keys()].sort((a, b) => cweOrder(a) - cweOrder(b) || a.localeCompare(b));
  out(
    `\nGatehouse (tp/fp files, TPR, FPR, Youden)${theirs ? ' | Bandit, all results | Bandit, medium+ severity (-ll)' : ''}`,
  );
  out(
    `  ${'case'.padEnd(22)} ${'tp'.padStart(3)} ${'fp'.padStart(3)}   TPR   FPR  Youden${theirs ? ' |   TPR   FPR  Youden |   TPR   FPR  Youden' : ''}`,
  );
  const rows: ResultRow[] = [];
  for (const k of keys) {
    const c = ours.get(k)!;
    const b = theirs?.get(k);
    const g = theirsGating?.get(k);
    const cols = (x: Cell) => ` | ${pct(x.tpHit, x.tp)} ${pct(x.fpFlagged, x.fp)}  ${fmtY(youden(x))}`;
    const bandCols = b && g ? `${cols(b)}${cols(g)}` : '';
    out(
      `  ${k.padEnd(22)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${pct(c.tpHit, c.tp)} ${pct(c.fpFlagged, c.fp)}  ${fmtY(youden(c))}${bandCols}`,
    );
    rows.push({ case: `gatehouse ${k}`, note: summary(c) });
    if (b) rows.push({ case: `bandit ${k}`, note: summary(b) });
    if (g) rows.push({ case: `bandit -ll ${k}`, note: summary(g) });
  }
  out('\nper CWE, all languages:');
  for (const cwe of Object.keys(FAMILIES)) {
    const cells = keys.filter((k) => k.startsWith(`${cwe} `)).map((k) => ours.get(k)!);
    if (cells.length === 0) continue;
    const t = sum(cells);
    out(`  ${cwe.padEnd(8)} ${summary(t)}`);
    rows.push({ case: `gatehouse ${cwe} all`, note: summary(t) });
  }
  const total = sum(ours.values());
  out(`  ${'all'.padEnd(8)} ${summary(total)}  (${oursSeconds.toFixed(2)} s in-process, one thread)`);
  rows.push({ case: 'gatehouse all', seconds: oursSeconds, note: summary(total) });
  if (theirs) {
    const pyOurs = sum(keys.filter((k) => k.endsWith(' python')).map((k) => ours.get(k)!));
    const pyTheirs = sum(theirs.values());
    const pyGating = sum(theirsGating!.values());
    out(`  python only: Gatehouse ${summary(pyOurs)}`);
    out(`               Bandit    ${summary(pyTheirs)}`);
    out(`               Bandit -ll ${summary(pyGating)}`);
    rows.push({ case: 'gatehouse python', note: summary(pyOurs) });
    rows.push({
      case: 'bandit python',
      seconds: (bandit as { seconds: number }).seconds,
      note: summary(pyTheirs),
    });
    rows.push({ case: 'bandit -ll python', note: summary(pyGating) });
  } else out(`\nbandit: skipped: ${bandit}`);

  const elsewhere = total.tpElsewhere;
  if (elsewhere > 0) out(`\ntp files with a finding of their CWE away from the labelled sink: ${elsewhere}`);
  out('\nmissed (tp files without a finding of their CWE at the sink):');
  for (const k of keys) for (const m of ours.get(k)!.misses) out(`  ${m}`);
  out('\nfalse alarms (fp files with a finding of their CWE):');
  for (const k of keys) for (const f of ours.get(k)!.falseAlarms) out(`  ${f}`);
  emitResults('accuracy-sast', rows);
}

main();
