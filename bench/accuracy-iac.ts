// bench: IaC rules' recall and precision on the public KICS per-check test files (../shared/corpora/iac-kics)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/scanners/iac/analyse.js';
import type { IacRule } from '../src/scanners/iac/rule.js';
import { IAC_RULES } from '../src/scanners/iac/rules/index.js';
import { KICS_MAP } from './iac-kics-map.js';
import { emitResults, log, type ResultRow, ROOT } from './lib/common.js';

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
  hit: number;
  filesExpected: number;
  filesHit: number;
  negatives: number;
  negativesFlagged: number;
  extra: number;
}

const empty = (): Tally => ({
  expected: 0,
  hit: 0,
  filesExpected: 0,
  filesHit: 0,
  negatives: 0,
  negativesFlagged: 0,
  extra: 0,
});

async function linesFound(file: string, rules: readonly IacRule[]): Promise<number[]> {
  const text = readFileSync(join(CORPUS, 'assets', 'queries', file), 'utf8');
  const { drafts } = await analyse([{ path: file, text }], rules);
  return drafts.map((d) => d.location.startLine ?? 0);
}

async function scoreCheck(check: Check, rules: readonly IacRule[], t: Tally): Promise<Tally> {
  const own = empty();
  for (const [file, want] of check.positives) {
    const got = new Set(await linesFound(file, rules));
    own.expected += want.size;
    own.hit += [...want].filter((l) => got.has(l)).length;
    own.extra += [...got].filter((l) => !want.has(l)).length;
    own.filesExpected++;
    if (got.size > 0) own.filesHit++;
  }
  for (const file of check.negatives) {
    own.negatives++;
    if ((await linesFound(file, rules)).length > 0) own.negativesFlagged++;
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
    if (own.hit < own.expected || own.negativesFlagged > 0)
      misses.push(
        `  ${dir} (${rules.map((r) => r.id).join(', ')}): ${own.hit}/${own.expected} lines, ${own.negativesFlagged}/${own.negatives} negative files flagged`,
      );
  }
  const rows: ResultRow[] = [];
  out(
    `KICS checks mapped: ${byDir.size}, rules mapped: ${Object.keys(KICS_MAP).length} of ${IAC_RULES.length}`,
  );
  for (const [platform, t] of [...perPlatform].sort()) {
    const recall = ratio(t.hit, t.expected);
    const precision = ratio(t.hit, t.hit + t.extra + t.negativesFlagged);
    const line = `${platform}: recall ${recall.toFixed(3)} (${t.hit}/${t.expected} lines; files ${t.filesHit}/${t.filesExpected}), precision ${precision.toFixed(3)}, negative files flagged ${t.negativesFlagged}/${t.negatives}`;
    out(line);
    rows.push({
      case: platform,
      note: `recall ${recall.toFixed(3)} (${t.hit}/${t.expected} lines), precision ${precision.toFixed(3)}, negatives flagged ${t.negativesFlagged}/${t.negatives}`,
    });
  }
  if (misses.length > 0)
    out(`\nchecks below full recall or with a flagged negative file:\n${misses.join('\n')}`);
  emitResults('accuracy-iac', rows);
}

await main();
