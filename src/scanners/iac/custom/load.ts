import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues, readYamlFile } from '../../../core/config.js';
import { UserError } from '../../../core/errors.js';
import type { KeyPath } from '../model.js';
import type { IacRule, Violation } from '../rule.js';
import { compileCondition } from './condition.js';
import { type CustomIacRuleSpec, customIacRuleSchema, ruleFileSchema } from './schema.js';

/** Where a repository keeps its own rules (shared with the other scanners' custom rules). */
export const CUSTOM_RULES_DIR = '.gatehouse/rules';

/**
 * The repository's own IaC rules, validated and compiled. Any mistake is a UserError naming
 * the file, the rule and the key: a rule that silently never runs is worse than a failed scan.
 */
export function loadCustomRules(root: string, builtinIds: ReadonlySet<string>): IacRule[] {
  const dir = join(root, CUSTOM_RULES_DIR);
  const files = ruleFiles(dir);
  const rules: IacRule[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    const display = `${CUSTOM_RULES_DIR}/${name}`;
    for (const rule of rulesOfFile(join(dir, name), display)) {
      if (builtinIds.has(rule.id) || seen.has(rule.id))
        throw new UserError(`${display}: rule id '${rule.id}' is already used`, 'give every rule its own id');
      seen.add(rule.id);
      rules.push(rule);
    }
  }
  return rules;
}

function ruleFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return [];
  }
}

function rulesOfFile(abs: string, display: string): IacRule[] {
  const raw = readYamlFile(abs);
  const file = ruleFileSchema.safeParse(raw);
  if (!file.success) throw new UserError(formatIssues(display, file.error.issues), RULES_HINT);
  return file.data.rules.flatMap((entry, i) => {
    if ('languages' in entry) return []; // a SAST rule
    if (!('platform' in entry))
      throw new UserError(
        `${display}: rules[${i}]: say which scanner the rule is for: 'platform' (IaC) or 'languages' (SAST)`,
        RULES_HINT,
      );
    const spec = customIacRuleSchema.safeParse(entry);
    if (!spec.success)
      throw new UserError(formatIssues(display, spec.error.issues, `rules[${i}]`), RULES_HINT);
    return [toRule(spec.data, `${display}: rules[${i}] (${spec.data.id}).condition`)];
  });
}

const RULES_HINT = 'see docs/iac-custom-rules.md for the rule format';

function toRule(spec: CustomIacRuleSpec, where: string): IacRule {
  const condition = compileCondition(spec.condition, where);
  const at: KeyPath | undefined = spec.at?.split('.');
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    severity: spec.severity,
    ...(spec.confidence ? { confidence: spec.confidence } : {}),
    platform: spec.platform,
    resourceTypes: spec.resources,
    cis: spec.cis,
    nist: spec.nist,
    controls: spec.controls,
    cwe: spec.cwe,
    remediation: spec.remediation,
    references: spec.references,
    *check(resource): Iterable<Violation> {
      if (condition.test(resource) !== true) return;
      // A missing attribute resolves to the line of its nearest ancestor (Positions.lineOf).
      yield at ? { message: spec.message ?? spec.title, at } : { message: spec.message ?? spec.title };
    },
  };
}
