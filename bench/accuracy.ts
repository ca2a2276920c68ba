// bench: secrets precision and recall on the labelled corpus (and gitleaks' rule cases when present)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emitResults,
  ensureBuilt,
  log,
  type ReportFinding,
  type ResultRow,
  ROOT,
  readFindings,
  runGatehouse,
  workDir,
} from './lib/common.js';
import {
  casesFile,
  errors,
  loadCases,
  materialize,
  precisionOf,
  recallOf,
  scoreCases,
} from './lib/gitleaks-cases.js';
import { type Hit, type Label, parseJsonl, type Score, score } from './lib/score.js';

const CORPUS = join(ROOT, 'test', 'fixtures', 'secrets-corpus');
const out = (s = '') => process.stdout.write(`${s}\n`);
const pct = (x: number) => x.toFixed(3);

/** Only redacted fields of a finding: the scanner's own redacted value and snippet. */
export function toHit(f: ReportFinding & { location: { snippet?: string } }): Hit {
  return {
    path: f.location.path,
    line: f.location.startLine ?? 0,
    ruleId: f.ruleId,
    confidence: f.confidence,
    ...(f.secret ? { redacted: f.secret.redacted } : {}),
    ...(f.location.snippet ? { snippet: f.location.snippet } : {}),
  };
}

function scan(target: string, name: string): Hit[] {
  const report = join(workDir('reports'), `${name}.json`);
  runGatehouse(target, report);
  return readFindings(report).map(toHit);
}

function printScore(s: Score): void {
  out(`TP ${s.tp}  FP ${s.fp}  FN ${s.fn}  precision ${pct(s.precision)}  recall ${pct(s.recall)}`);
  out('\nper provider (planted, found, found only by a generic rule):');
  for (const p of s.byProvider) {
    const flag = p.tp < p.planted ? '  <- missed' : p.genericOnly > 0 ? '  (generic only)' : '';
    out(
      `  ${p.provider.padEnd(18)} ${String(p.tp).padStart(2)}/${p.planted}  recall ${pct(p.tp / p.planted)}  generic-only ${p.genericOnly}${flag}`,
    );
  }
  out(`\nfalse negatives (${s.fn}):`);
  for (const l of s.falseNegatives) out(`  ${l.file}:${l.line}  ${l.provider} (${l.kind ?? ''})`);
  out(`\nfalse positives (${s.fp}):`);
  for (const f of s.falsePositives) {
    for (const h of f.hits) {
      const snippet = (h.snippet ?? '').split('\n').find((x) => x.includes(h.redacted ?? '\u0000')) ?? '';
      out(
        `  ${f.path}:${f.line}  ${h.ruleId} [${h.confidence}] ${h.redacted ?? ''}  ${snippet.trim().slice(0, 110)}`,
      );
    }
  }
}

function corpusRows(): ResultRow[] {
  const labels = parseJsonl<Label>(readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8'));
  const decoys = parseJsonl<{ kind: string }>(readFileSync(join(CORPUS, 'decoys.jsonl'), 'utf8'));
  const providers = new Set(labels.map((l) => l.provider)).size;
  out(
    `== labelled corpus: ${labels.length} planted secrets (${providers} providers), ${decoys.length} recorded decoys`,
  );
  const s = score(labels, scan(CORPUS, 'accuracy-corpus'));
  printScore(s);
  return [
    {
      case: 'labelled corpus',
      findings: s.tp + s.fp,
      note: `precision ${pct(s.precision)}, recall ${pct(s.recall)} (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})`,
    },
  ];
}

function gitleaksRows(): ResultRow[] {
  const file = casesFile(ROOT);
  if (!file) {
    out('\n== gitleaks rule cases: skipped: not found (set GATEHOUSE_SECRETS_CASES to the .jsonl file)');
    return [{ case: 'gitleaks rule cases', note: 'skipped: not found' }];
  }
  const { records, skipped } = loadCases(file);
  const root = workDir('gitleaks-cases');
  const cases = materialize(root, records);
  out(`\n== gitleaks rule cases: ${cases.length} cases from ${file} (${skipped} without text skipped)`);
  const { overall, rules } = scoreCases(cases, scan(root, 'accuracy-gitleaks'));
  const p = precisionOf(overall);
  const r = recallOf(overall);
  out(
    `file level: ${overall.positives} positive, ${overall.negatives} negative cases; TP ${overall.tp} FN ${overall.positives - overall.tp} FP ${overall.fp}  precision ${pct(p)}  recall ${pct(r)}`,
  );
  const worst = [...rules].sort((a, b) => errors(b) - errors(a) || recallOf(a) - recallOf(b)).slice(0, 15);
  out('\n15 worst rules (misses + false alarms):');
  out(`  ${'rule'.padEnd(36)} pos  tp  neg  fp  recall  precision`);
  for (const w of worst) {
    out(
      `  ${w.rule.padEnd(36)} ${String(w.positives).padStart(3)} ${String(w.tp).padStart(3)} ${String(w.negatives).padStart(4)} ${String(w.fp).padStart(3)}  ${pct(recallOf(w))}   ${pct(precisionOf(w))}`,
    );
  }
  const missedRules = rules.filter((x) => x.positives > 0 && x.tp === 0).length;
  out(
    `\nrules with no positive case found: ${missedRules} of ${rules.filter((x) => x.positives > 0).length}`,
  );
  return [
    {
      case: 'gitleaks rule cases (file level)',
      findings: overall.tp + overall.fp,
      note: `precision ${pct(p)}, recall ${pct(r)} over ${cases.length} cases`,
    },
  ];
}

function main(): void {
  ensureBuilt();
  log('scanning the labelled corpus');
  const rows = corpusRows();
  rows.push(...gitleaksRows());
  emitResults('accuracy', rows);
}

main();
