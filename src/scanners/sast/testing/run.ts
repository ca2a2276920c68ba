import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { analyseSource } from '../engine/analyse.js';
import type { SastRule } from '../engine/types.js';
import { loadRuleFile, ruleFilesIn } from '../format/load.js';
import { LINE_COMMENT, sourceKindOf } from '../languages.js';
import { type Annotation, parseAnnotations } from './annotations.js';

/** One annotation (or rule) that did not hold. */
export interface TestFailure {
  /** Display path of the test file (or rule file, for a rule without tests). */
  file: string;
  line?: number;
  ruleId: string;
  problem: string;
}

export interface RuleTestReport {
  ruleFiles: number;
  rules: number;
  testFiles: number;
  /** Annotations checked, and lines a rule matched without a `ruleid:` annotation. */
  checks: number;
  failures: TestFailure[];
}

/** Rule tests get far more time than a scan's per-file budget: a slow rule should fail, not flake. */
const TEST_BUDGET_MS = 20_000;

/** Runs every rule file of a folder against the test files beside it (`rule.yml` -> `rule.js`, ...). */
export function testRuleDir(dir: string, displayDir: string): RuleTestReport {
  const report: RuleTestReport = { ruleFiles: 0, rules: 0, testFiles: 0, checks: 0, failures: [] };
  for (const name of ruleFilesIn(dir)) {
    const r = testRuleFile(join(dir, name), `${displayDir}/${name}`);
    report.ruleFiles++;
    report.rules += r.rules;
    report.testFiles += r.testFiles;
    report.checks += r.checks;
    report.failures.push(...r.failures);
  }
  return report;
}

/** Loads one rule file (a UserError if it is invalid) and checks its annotated test files. */
export function testRuleFile(abs: string, display: string): Omit<RuleTestReport, 'ruleFiles'> {
  const rules = loadRuleFile(abs, display);
  const report = { rules: rules.length, testFiles: 0, checks: 0, failures: [] as TestFailure[] };
  if (rules.length === 0) return report;
  const dir = abs.slice(0, abs.length - basename(abs).length);
  const stem = basename(abs, extname(abs));
  const displayStem = display.slice(0, display.length - extname(display).length);
  const seen = new Map<string, { ruleid: number; ok: number }>(
    rules.map((r) => [r.id, { ruleid: 0, ok: 0 }]),
  );
  for (const file of testFilesOf(dir, stem)) {
    report.testFiles++;
    const shown = `${displayStem}${extname(file)}`;
    const outcome = checkTestFile(join(dir, file), shown, rules);
    report.checks += outcome.checks;
    report.failures.push(...outcome.failures);
    for (const a of outcome.annotations) {
      const count = seen.get(a.ruleId);
      if (count) count[a.kind]++;
    }
  }
  for (const [ruleId, count] of seen) {
    if (count.ruleid === 0)
      report.failures.push({
        file: display,
        ruleId,
        problem: `no test file line is annotated 'ruleid: ${ruleId}'`,
      });
    if (count.ok === 0)
      report.failures.push({
        file: display,
        ruleId,
        problem: `no test file line is annotated 'ok: ${ruleId}'`,
      });
  }
  return report;
}

/** Files beside the rule file named like it, in a language Gatehouse analyses. */
function testFilesOf(dir: string, stem: string): string[] {
  return readdirSync(dir)
    .filter((f) => basename(f, extname(f)) === stem && sourceKindOf(f) !== undefined)
    .sort();
}

interface FileOutcome {
  checks: number;
  failures: TestFailure[];
  annotations: Annotation[];
}

function checkTestFile(abs: string, shown: string, all: readonly SastRule[]): FileOutcome {
  const kind = sourceKindOf(abs)!;
  const text = readFileSync(abs, 'utf8');
  const annotations = parseAnnotations(text, LINE_COMMENT[kind.language]);
  const rules = all.filter((r) => r.languages.includes(kind.language));
  const failures: TestFailure[] = [];
  const fail = (ruleId: string, line: number | undefined, problem: string) =>
    failures.push({ file: shown, ruleId, problem, ...(line ? { line } : {}) });
  for (const a of annotations)
    if (!rules.some((r) => r.id === a.ruleId))
      fail(
        a.ruleId,
        a.commentLine,
        `annotation names a rule this file's rules do not define for ${kind.language}`,
      );
  const analysis = analyseSource(text, kind.parser, rules, { budgetMs: TEST_BUDGET_MS });
  for (const d of analysis.diagnostics)
    if (d.level === 'warning') fail('(analysis)', undefined, `${d.code}: ${d.message}`);
  let checks = 0;
  for (const rule of rules) {
    const mine = annotations.filter((a) => a.ruleId === rule.id);
    const expected = new Set(mine.filter((a) => a.kind === 'ruleid').map((a) => a.line));
    const ok = new Set(mine.filter((a) => a.kind === 'ok').map((a) => a.line));
    const found = new Map<number, string>();
    for (const m of analysis.matches) if (m.rule === rule) found.set(m.span.startLine, m.message);
    checks += expected.size + ok.size;
    for (const line of expected) if (!found.has(line)) fail(rule.id, line, 'expected a match, found none');
    for (const [line, message] of found) {
      if (expected.has(line)) continue;
      if (!ok.has(line)) checks++;
      const where = ok.has(line) ? "line is annotated 'ok'" : "line has no 'ruleid' annotation";
      fail(rule.id, line, `unexpected match (${where}): ${message}`);
    }
  }
  return { checks, failures, annotations };
}
