import type { GateConfig } from '../core/config-schema.js';
import type { FindingAction } from '../core/decision.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { type CelCondition, type CelStatus, compileCel } from './cel.js';
import type { StepDecision } from './thresholds.js';

/** A `gate.rules` entry with its `when` compiled. */
export interface CompiledGateRule {
  name: string;
  action: FindingAction;
  message?: string;
  when: CelCondition;
}

/** Compiles every `when` up front; `configFile` names the file in errors. */
export function compileRules(gate: GateConfig, configFile: string): CompiledGateRule[] {
  const seen = new Set<string>();
  return gate.rules.map((r) => {
    const where = `${configFile}: gate.rules[${r.name}]`;
    // The name is the rule's identity in every decision; two alike would make reports ambiguous.
    if (seen.has(r.name)) throw new UserError(`${where}: another rule already has the name '${r.name}'`);
    seen.add(r.name);
    const rule: CompiledGateRule = {
      name: r.name,
      action: r.action,
      when: compileCel(r.when, `${where}.when`),
    };
    if (r.message) rule.message = r.message;
    return rule;
  });
}

/** The first rule whose `when` holds decides; undefined lets the thresholds decide. */
export function ruleStep(
  finding: Finding,
  status: CelStatus,
  rules: readonly CompiledGateRule[],
): StepDecision | undefined {
  const rule = rules.find((r) => r.when.test(finding, status));
  if (!rule) return undefined;
  return {
    action: rule.action,
    policyRule: `gate.rules[${rule.name}]`,
    // The gate ends the sentence itself, so a message written with a full stop is not doubled.
    why: rule.message?.replace(/\.\s*$/, '') ?? `matched gate rule ${rule.name} (${rule.when.source.trim()})`,
  };
}
