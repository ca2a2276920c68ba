// bench: IaC rules' recall and precision on the public KICS per-check test files (../shared/corpora/iac-kics)
/**
 * Each platform's row gives recall and precision twice: as the KICS labels score them, and with
 * the differences documented in lib/iac-differences.ts excused (a documented miss leaves the
 * expected lines, a documented flagged negative file is not counted as flagged), so that a new
 * miss stands out. Misses and flagged negative files nobody documented are listed: those are the
 * ones to look at.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/scanners/iac/analyse.js';
import type { IacRule } from '../src/scanners/iac/rule.js';
import { IAC_RULES } from '../src/scanners/iac/rules/index.js';
import { emitResults, log, type ResultRow, ROOT } from './lib/common.js';
import {
  type DifferenceKind,
  differenceFor,
  IAC_DIFFERENCES,
  type IacDifference,
} from './lib/iac-differences.js';

/**
 * Which public KICS check (`query_dir` in labels.jsonl) each Gatehouse rule overlaps with; only
 * checks that test the same thing are mapped. Test data about the corpus, not rule metadata.
 */
const KICS_MAP = JSON.parse(readFileSync(join(import.meta.dirname, 'iac-kics-map.json'), 'utf8')) as Record<
  string,
  string[]
>;
const CORPUS = process.env.GATEHOUSE_KICS_CORPUS ?? join(ROOT, '..', 'shared', 'corpora', 'iac-kics');
const out = (s = '') => process.stdout.write(`${s}\n`);

interface Label {
  query_dir: string;
  platform: string;
  file: string;
  line: number | null;
  label: string;
}

/** Per check: expected lines of each positive file, and the negative files. */
interface Check {
  dir: string;
  platform: string;
  positives: Map<string, Set<number>>;
  negatives: Set<string>;
}

function loadChecks(): Map<string, Check> {
  const checks = new Map<string, Check>();
  for (const line of readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as Label;
    let c = checks.get(l.query_dir);
    if (!c) {
      c = { dir: l.query_dir, platform: l.platform, positives: new Map(), negatives: new Set() };
      checks.set(l.query_dir, c);
    }
    if (l.label === 'negative') c.negatives.add(l.file);
    else if (l.label === 'positive' && l.line !== null) {
      const lines = c.positives.get(l.file) ?? new Set<number>();
      lines.add(l.line);
      c.positives.set(l.file, lines);
    }
  }
  return checks;
}

interface Tally {
  expected: number;
  /** Expected lines we report exactly. */
  hit: number;
  /** Expected lines we report on the same resource (another line of it). */
  hitResource: number;
  filesExpected: number;
  filesHit: number;
  negatives: number;
  negativesFlagged: number;
  extra: number;
  /** Missed lines and flagged negative files lib/iac-differences.ts documents. */
  excusedMisses: number;
  excusedNegatives: number;
  /** Extra findings that are a documented `location` miss reported on the related resource. */
  excusedExtras: number;
}

const empty = (): Tally => ({
  expected: 0,
  hit: 0,
  hitResource: 0,
  filesExpected: 0,
  filesHit: 0,
  negatives: 0,
  negativesFlagged: 0,
  extra: 0,
  excusedMisses: 0,
  excusedNegatives: 0,
  excusedExtras: 0,
});

/** A missed line or a flagged negative file (no line), with its documented difference if any. */
interface Issue {
  file: string;
  line?: number;
  known?: IacDifference;
}

/** Our findings' lines in a file, and the span of the resource each line of the file falls in. */
interface FileResult {
  lines: number[];
  spanOf(line: number): string | undefined;
}

/**
 * KICS names its test files positive1.yaml / positive.dockerfile; Gatehouse recognises compose
 * files and Dockerfiles by name, as they are named in real repositories.
 */
function realisticName(file: string): string {
  if (file.startsWith('dockerCompose/'))
    return file.replace(/[^/]+$/, (b) => `docker-compose.${b.replace(/\.ya?ml$/, '')}.yaml`);
  if (file.startsWith('dockerfile/'))
    return file.replace(/[^/]+$/, (b) => `${b.replace(/\.dockerfile$/i, '')}.dockerfile`);
  return file;
}

async function scanFile(file: string, rules: readonly IacRule[]): Promise<FileResult> {
  const text = readFileSync(join(CORPUS, 'assets', 'queries', file), 'utf8');
  const { drafts, documents } = await analyse([{ path: realisticName(file), text }], rules);
  const spans = documents.flatMap((d) => d.resources).map((r) => [r.line, r.endLine] as const);
  return {
    lines: drafts.map((d) => d.location.startLine ?? 0),
    // The innermost resource: KICS marks either the attribute or the resource line, we mark the attribute.
    spanOf: (line) => {
      const inside = spans
        .filter(([a, b]) => a <= line && line <= b)
        .sort((x, y) => x[1] - x[0] - (y[1] - y[0]));
      return inside[0] ? `${inside[0][0]}-${inside[0][1]}` : undefined;
    },
  };
}

async function scoreCheck(check: Check, rules: readonly IacRule[], t: Tally): Promise<[Tally, Issue[]]> {
  const own = empty();
  const issues: Issue[] = [];
  const issue = (file: string, line?: number): Issue => {
    const known = differenceFor(check.dir, file, line);
    return { file, ...(line === undefined ? {} : { line }), ...(known ? { known } : {}) };
  };
  for (const [file, want] of check.positives) {
    const r = await scanFile(file, rules);
    const got = new Set(r.lines);
    const gotSpans = new Set(r.lines.map(r.spanOf).filter((x) => x !== undefined));
    const wantSpans = new Set([...want].map(r.spanOf).filter((x) => x !== undefined));
    const onResource = (l: number) => got.has(l) || gotSpans.has(r.spanOf(l) ?? '');
    own.expected += want.size;
    own.hit += [...want].filter((l) => got.has(l)).length;
    own.hitResource += [...want].filter(onResource).length;
    const extra = [...got].filter((l) => !want.has(l) && !wantSpans.has(r.spanOf(l) ?? '')).length;
    own.extra += extra;
    own.filesExpected++;
    if (got.size > 0) own.filesHit++;
    const missed = [...want]
      .filter((l) => !onResource(l))
      .sort((a, b) => a - b)
      .map((l) => issue(file, l));
    issues.push(...missed);
    // A finding on the related resource (the policy, not the role it is attached to) is the documented miss itself.
    const relocated = missed.filter((i) => i.known?.kind === 'location').length;
    own.excusedExtras += Math.min(extra, relocated);
  }
  for (const file of check.negatives) {
    own.negatives++;
    if ((await scanFile(file, rules)).lines.length === 0) continue;
    own.negativesFlagged++;
    issues.push(issue(file));
  }
  own.excusedMisses = issues.filter((i) => i.known && i.line !== undefined).length;
  own.excusedNegatives = issues.filter((i) => i.known && i.line === undefined).length;
  for (const k of Object.keys(t) as (keyof Tally)[]) t[k] += own[k];
  return [own, issues];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

const where = (i: Issue) =>
  `${i.file.split('/test/').pop()}${i.line === undefined ? ' (negative file)' : `:${i.line}`}`;

function platformRow(platform: string, t: Tally): ResultRow {
  const recall = ratio(t.hitResource, t.expected);
  const precision = ratio(t.hitResource, t.hitResource + t.extra + t.negativesFlagged);
  const expectedX = t.expected - t.excusedMisses;
  const flaggedX = t.negativesFlagged - t.excusedNegatives;
  const recallX = ratio(t.hitResource, expectedX);
  const precisionX = ratio(t.hitResource, t.hitResource + t.extra - t.excusedExtras + flaggedX);
  const raw = `recall ${recall.toFixed(3)} (${t.hitResource}/${t.expected} on the labelled resource; exact line ${ratio(t.hit, t.expected).toFixed(3)}), precision ${precision.toFixed(3)}, negative files flagged ${t.negativesFlagged}/${t.negatives}`;
  const excused = `R* ${recallX.toFixed(3)} (${t.hitResource}/${expectedX}), P* ${precisionX.toFixed(3)}, negative files flagged* ${flaggedX}/${t.negatives}`;
  out(`${platform}: ${raw}; positive files with a finding ${t.filesHit}/${t.filesExpected}`);
  out(`${' '.repeat(platform.length + 2)}documented differences excused: ${excused}`);
  return { case: platform, note: `${raw} (documented differences excused: ${excused})` };
}

/** Documented differences by kind, per platform. */
function printKinds(byPlatform: Map<string, Issue[]>): void {
  out('\ndocumented differences by kind:');
  for (const [platform, issues] of [...byPlatform].sort()) {
    const kinds = new Map<DifferenceKind, number>();
    for (const i of issues) if (i.known) kinds.set(i.known.kind, (kinds.get(i.known.kind) ?? 0) + 1);
    const list = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    out(`  ${platform}: ${list.length ? list.join(', ') : 'none'}`);
  }
}

/** Misses and flagged negative files lib/iac-differences.ts does not explain, and entries that explain nothing. */
function printUndocumented(issuesByDir: Map<string, Issue[]>): void {
  const fresh = [...issuesByDir].flatMap(([dir, issues]) =>
    issues.filter((i) => !i.known).map((i) => `  ${dir}: ${where(i)}`),
  );
  out(`\nmisses and flagged negative files not documented in lib/iac-differences.ts: ${fresh.length}`);
  for (const line of fresh) out(line);
  const used = new Set([...issuesByDir.values()].flat().flatMap((i) => (i.known ? [i.known] : [])));
  const stale = IAC_DIFFERENCES.filter((d) => !used.has(d));
  if (stale.length === 0) return;
  out(
    `\ndocumented differences that no longer occur (remove them from lib/iac-differences.ts): ${stale.length}`,
  );
  for (const d of stale) out(`  ${d.query_dir}: ${where(d)}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'labels.jsonl'))) {
    log(`no KICS corpus at ${CORPUS} (set GATEHOUSE_KICS_CORPUS); skipped`);
    return;
  }
  const checks = loadChecks();
  const byDir = new Map<string, IacRule[]>();
  for (const [id, dirs] of Object.entries(KICS_MAP)) {
    const rule = IAC_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`bench/iac-kics-map.json names unknown rule ${id}`);
    for (const d of dirs) byDir.set(d, [...(byDir.get(d) ?? []), rule]);
  }
  const perPlatform = new Map<string, Tally>();
  const issuesByPlatform = new Map<string, Issue[]>();
  const issuesByDir = new Map<string, Issue[]>();
  const misses: string[] = [];
  for (const [dir, rules] of [...byDir].sort()) {
    const check = checks.get(dir);
    if (!check) throw new Error(`bench/iac-kics-map.json names unknown KICS check ${dir}`);
    const t = perPlatform.get(check.platform) ?? empty();
    perPlatform.set(check.platform, t);
    const [own, issues] = await scoreCheck(check, rules, t);
    issuesByDir.set(dir, issues);
    issuesByPlatform.set(check.platform, [...(issuesByPlatform.get(check.platform) ?? []), ...issues]);
    if (issues.length > 0)
      misses.push(
        `  ${dir} (${rules.map((r) => r.id).join(', ')}): ${own.hitResource}/${own.expected} on the resource (${own.hit} on the line), ${own.negativesFlagged}/${own.negatives} negative files flagged, ${issues.filter((i) => !i.known).length} not documented`,
      );
  }
  out(
    `KICS checks mapped: ${byDir.size}, rules mapped: ${Object.keys(KICS_MAP).length} of ${IAC_RULES.length}`,
  );
  const rows = [...perPlatform].sort().map(([platform, t]) => platformRow(platform, t));
  if (misses.length > 0)
    out(`\nchecks below full recall or with a flagged negative file:\n${misses.join('\n')}`);
  printKinds(issuesByPlatform);
  printUndocumented(issuesByDir);
  emitResults('accuracy-iac', rows);
}

await main();
