import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues, readYamlFile } from '../../../core/config.js';
import { UserError } from '../../../core/errors.js';
import { owaspControl } from '../../../core/owasp.js';
import { compileRule } from '../engine/compile.js';
import { RuleFormatError } from '../engine/errors.js';
import type { SastRule } from '../engine/types.js';
import { type SastRuleSpec, sastRuleSchema } from './schema.js';

export const RULES_HINT = 'see docs/sast-rules.md for the rule format';

/** YAML rule files of a folder, sorted; a missing folder has none. */
export function ruleFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The SAST rules of one rule file (`rules:` list; entries with `platform` belong to the IaC
 * scanner). Every mistake is a UserError naming the file, the rule and the key.
 */
export function loadRuleFile(abs: string, display: string): SastRule[] {
  return rulesFromYaml(readYamlFile(abs), display);
}

/** The SAST rules of a parsed rule file; `display` names the file in errors. */
export function rulesFromYaml(raw: unknown, display: string): SastRule[] {
  const entries = ruleEntries(raw, display);
  const out: SastRule[] = [];
  entries.forEach((entry, i) => {
    if ('platform' in entry) return;
    if (!('languages' in entry))
      throw new UserError(
        `${display}: rules[${i}]: say which scanner the rule is for: 'platform' (IaC) or 'languages' (SAST)`,
        RULES_HINT,
      );
    const spec = sastRuleSchema.safeParse(entry);
    if (!spec.success)
      throw new UserError(formatIssues(display, spec.error.issues, `rules[${i}]`), RULES_HINT);
    out.push(toRule(spec.data, display, `${display}: rules[${i}] (${spec.data.id})`));
  });
  return out;
}

function ruleEntries(raw: unknown, display: string): Record<string, unknown>[] {
  const list = (raw as { rules?: unknown } | null)?.rules;
  const valid =
    raw !== null &&
    typeof raw === 'object' &&
    Array.isArray(list) &&
    list.every((e) => e !== null && typeof e === 'object');
  if (!valid) throw new UserError(`${display}: must be a mapping with a 'rules:' list of rules`, RULES_HINT);
  return list as Record<string, unknown>[];
}

function toRule(spec: SastRuleSpec, file: string, where: string): SastRule {
  let compiled: SastRule['compiled'];
  try {
    compiled = compileRule(spec);
  } catch (e) {
    if (e instanceof RuleFormatError) throw new UserError(`${where}.${e.at}: ${e.problem}`, RULES_HINT);
    throw e;
  }
  const rule: SastRule = {
    id: spec.id,
    title: spec.title,
    description: spec.description ?? spec.title,
    languages: spec.languages,
    severity: spec.severity,
    confidence: spec.confidence,
    message: spec.message,
    cwe: spec.cwe,
    owasp: spec.owasp,
    controls: [
      ...spec.owasp.map(owaspControl),
      ...spec.nist.map((n) => `nist-800-53:${n}`),
      ...spec.controls,
    ],
    fix: spec.fix,
    references: spec.references,
    tags: spec.tags,
    file,
    compiled,
  };
  if (spec.example) rule.example = spec.example;
  return rule;
}

/** Every rule of every rule file in a folder; ids must be unique, also against `taken`. */
export function loadRuleDir(
  dir: string,
  displayDir: string,
  taken: ReadonlySet<string> = new Set(),
): SastRule[] {
  const rules: SastRule[] = [];
  const seen = new Set(taken);
  for (const name of ruleFilesIn(dir)) {
    const display = `${displayDir}/${name}`;
    for (const rule of loadRuleFile(join(dir, name), display)) {
      if (seen.has(rule.id))
        throw new UserError(`${display}: rule id '${rule.id}' is already used`, 'give every rule its own id');
      seen.add(rule.id);
      rules.push(rule);
    }
  }
  return rules;
}

export { owaspControl };
