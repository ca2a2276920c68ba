// bench: IaC rules' recall and precision on the public KICS per-check test files (../shared/corpora/iac-kics)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/scanners/iac/analyse.js';
import type { IacRule } from '../src/scanners/iac/rule.js';
import { IAC_RULES } from '../src/scanners/iac/rules/index.js';
import { emitResults, log, type ResultRow, ROOT } from './lib/common.js';

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
});

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

async function scoreCheck(check: Check, rules: readonly IacRule[], t: Tally): Promise<Tally> {
  const own = empty();
  for (const [file, want] of check.positives) {
    const r = await scanFile(file, rules);
    const got = new Set(r.lines);
    const gotSpans = new Set(r.lines.map(r.spanOf).filter((x) => x !== undefined));
    const wantSpans = new Set([...want].map(r.spanOf).filter((x) => x !== undefined));
    own.expected += want.size;
    own.hit += [...want].filter((l) => got.has(l)).length;
    own.hitResource += [...want].filter((l) => got.has(l) || gotSpans.has(r.spanOf(l) ?? '')).length;
    own.extra += [...got].filter((l) => !want.has(l) && !wantSpans.has(r.spanOf(l) ?? '')).length;
    own.filesExpected++;
    if (got.size > 0) own.filesHit++;
  }
  for (const file of check.negatives) {
    own.negatives++;
    if ((await scanFile(file, rules)).lines.length > 0) own.negativesFlagged++;
  }
  for (const k of Object.keys(t) as (keyof Tally)[]) t[k] += own[k];
  return own;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'labels.jsonl'))) {
    log(`no KICS corpus at ${CORPUS} (set GATEHOUSE_KICS_CORPUS); skipped`);
    return;
  }
  const checks = loadChecks();
  const byDir = new Map<string, IacRule[]>();
  for (const [id, dirs] of Object.entries(KICS_MAP)) {
    const rule = IAC_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`bench/iac-kics-map.ts names unknown rule ${id}`);
    for (const d of dirs) byDir.set(d, [...(byDir.get(d) ?? []), rule]);
  }
  const perPlatform = new Map<string, Tally>();
  const misses: string[] = [];
  for (const [dir, rules] of [...byDir].sort()) {
    const check = checks.get(dir);
    if (!check) throw new Error(`bench/iac-kics-map.ts names unknown KICS check ${dir}`);
    const t = perPlatform.get(check.platform) ?? empty();
    perPlatform.set(check.platform, t);
    const own = await scoreCheck(check, rules, t);
    if (own.hitResource < own.expected || own.negativesFlagged > 0)
      misses.push(
        `  ${dir} (${rules.map((r) => r.id).join(', ')}): ${own.hitResource}/${own.expected} on the resource (${own.hit} on the line), ${own.negativesFlagged}/${own.negatives} negative files flagged`,
      );
  }
  const rows: ResultRow[] = [];
  out(
    `KICS checks mapped: ${byDir.size}, rules mapped: ${Object.keys(KICS_MAP).length} of ${IAC_RULES.length}`,
  );
  for (const [platform, t] of [...perPlatform].sort()) {
    const recall = ratio(t.hitResource, t.expected);
    const lineRecall = ratio(t.hit, t.expected);
    const precision = ratio(t.hitResource, t.hitResource + t.extra + t.negativesFlagged);
    const note = `recall ${recall.toFixed(3)} (${t.hitResource}/${t.expected} on the labelled resource; exact line ${lineRecall.toFixed(3)}), precision ${precision.toFixed(3)}, negative files flagged ${t.negativesFlagged}/${t.negatives}`;
    out(`${platform}: ${note}; positive files with a finding ${t.filesHit}/${t.filesExpected}`);
    rows.push({ case: platform, note });
  }
  if (misses.length > 0)
    out(`\nchecks below full recall or with a flagged negative file:\n${misses.join('\n')}`);
  emitResults('accuracy-iac', rows);
}

await main();
