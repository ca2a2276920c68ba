import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Hit } from './score.js';
import { parseJsonl } from './score.js';

/**
 * The rule cases of another project (gitleaks' true/false positive examples), read as data:
 * each record with a `text` becomes one file in its own folder, so the score is per file.
 */
interface CaseRecord {
  rule_id: string;
  label: 'tp' | 'fp';
  text?: string;
  path?: string;
}

export interface Case {
  dir: string;
  rule: string;
  positive: boolean;
}

export function loadCases(file: string): { records: CaseRecord[]; skipped: number } {
  const all = parseJsonl<CaseRecord>(readFileSync(file, 'utf8'));
  const records = all.filter((r) => typeof r.text === 'string' && r.text.length > 0);
  return { records, skipped: all.length - records.length };
}

/** Writes every case under `root/cNNNNN/<path or case.txt>`; paths that would escape are flattened. */
export function materialize(root: string, records: readonly CaseRecord[]): Case[] {
  rmSync(root, { recursive: true, force: true });
  return records.map((r, i) => {
    const dir = `c${String(i).padStart(5, '0')}`;
    const rel = r.path
      ? normalize(r.path)
          .replace(/^(\.\.(\/|$))+/, '')
          .replace(/^\/+/, '')
      : 'case.txt';
    const target = join(root, dir, rel || 'case.txt');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, r.text!);
    return { dir, rule: r.rule_id, positive: r.label === 'tp' };
  });
}

export interface RuleScore {
  rule: string;
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
}

export function scoreCases(
  cases: readonly Case[],
  hits: readonly Hit[],
): { overall: RuleScore; rules: RuleScore[] } {
  const flagged = new Set(hits.map((h) => h.path.split('/')[0]));
  const rules = new Map<string, RuleScore>();
  const overall: RuleScore = { rule: '(all)', positives: 0, negatives: 0, tp: 0, fp: 0 };
  for (const c of cases) {
    const r = rules.get(c.rule) ?? { rule: c.rule, positives: 0, negatives: 0, tp: 0, fp: 0 };
    rules.set(c.rule, r);
    const hit = flagged.has(c.dir);
    for (const s of [r, overall]) {
      if (c.positive) {
        s.positives++;
        if (hit) s.tp++;
      } else {
        s.negatives++;
        if (hit) s.fp++;
      }
    }
  }
  return { overall, rules: [...rules.values()] };
}

export const errors = (r: RuleScore) => r.positives - r.tp + r.fp;
export const recallOf = (r: RuleScore) => (r.positives === 0 ? 1 : r.tp / r.positives);
export const precisionOf = (r: RuleScore) => (r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp));

export function casesFile(repoRoot: string): string | undefined {
  const file =
    process.env.GATEHOUSE_SECRETS_CASES ??
    join(repoRoot, '..', 'shared', 'corpora', 'secrets', 'gitleaks-rule-cases.jsonl');
  return existsSync(file) ? file : undefined;
}
