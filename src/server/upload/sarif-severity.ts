import type { Confidence, Severity } from '../../core/severity.js';
import {
  confidenceFromWord,
  scoreOf,
  severityFromLevel,
  severityFromScore,
  severityFromWord,
} from './severity.js';
import { bag, type Json, strings, text } from './shape.js';

/** Property names tools use for a severity word: Gatehouse and most tools, Bandit. */
const SEVERITY_KEYS = ['severity', 'issue_severity'] as const;
const CONFIDENCE_KEYS = ['confidence', 'issue_confidence'] as const;

/**
 * Most specific signal first: a severity word on the result; a CVSS-like
 * `security-severity` score (result, then rule: CodeQL, Trivy, GitHub's convention); a
 * severity word on the rule or in its tags (Trivy's `CRITICAL` tag); and last the SARIF
 * `level`, which says how loudly to report, not how bad the problem is. Without a level,
 * `fallback` (SARIF's default `warning` is medium), or info when the result's `kind` is not
 * `fail` (SARIF §3.27.10: such results default to level `none`).
 */
export function resultSeverity(
  result: Json,
  rule: Json | undefined,
  fallback: Severity = 'medium',
): Severity {
  const resultProps = bag(result.properties);
  const ruleProps = bag(rule?.properties);
  return (
    wordIn(resultProps) ??
    scoreIn(resultProps) ??
    scoreIn(ruleProps) ??
    wordIn(ruleProps) ??
    tagWord(ruleProps) ??
    severityFromLevel(result.level) ??
    severityFromLevel(bag(rule?.defaultConfiguration)?.level) ??
    (result.kind === undefined || result.kind === 'fail' ? fallback : 'info')
  );
}

function wordIn(props: Json | undefined): Severity | undefined {
  for (const k of SEVERITY_KEYS) {
    const s = severityFromWord(props?.[k]);
    if (s) return s;
  }
  return undefined;
}

function scoreIn(props: Json | undefined): Severity | undefined {
  const score = scoreOf(props?.['security-severity']);
  return score === undefined ? undefined : severityFromScore(score);
}

/** Only upper-case tags: `HIGH` is a severity, `low-level` or `info` tags are topics. */
function tagWord(props: Json | undefined): Severity | undefined {
  for (const tag of strings(props?.tags)) {
    if (tag !== tag.toUpperCase()) continue;
    const s = severityFromWord(tag);
    if (s) return s;
  }
  return undefined;
}

/** A confidence word on the result (Gatehouse, Bandit), the rule's `precision`, a `HIGH CONFIDENCE` tag (Semgrep). */
export function resultConfidence(result: Json, rule: Json | undefined): Confidence {
  const resultProps = bag(result.properties);
  const ruleProps = bag(rule?.properties);
  for (const k of CONFIDENCE_KEYS) {
    const c = confidenceFromWord(resultProps?.[k]);
    if (c) return c;
  }
  const tagged = strings(ruleProps?.tags)
    .map((t) => /^(\w+)\s+confidence$/i.exec(t.trim())?.[1])
    .find((w) => w !== undefined);
  return (
    confidenceFromWord(text(ruleProps?.precision)) ??
    confidenceFromWord(text(ruleProps?.confidence)) ??
    confidenceFromWord(tagged) ??
    'medium'
  );
}
