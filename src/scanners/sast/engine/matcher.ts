import type { NapiConfig, Rule as SgRule } from '@ast-grep/napi';
import type { ConstraintSpec, MatcherSpec } from '../format/schema.js';
import { type Parser, parseSource } from '../languages.js';
import { anchorsOf } from './anchors.js';
import { RuleFormatError } from './errors.js';
import { checkContext, compilePattern } from './pattern.js';

/** A matcher ready to run on a tree of one grammar. */
export interface CompiledMatcher {
  config: NapiConfig;
  /** At least one of these words is in any text the matcher can match; undefined when none is known. */
  anchors: readonly string[] | undefined;
}

/**
 * Translates the rule format's matcher into an ast-grep rule. `inside` and `has` look at every
 * ancestor / descendant (ast-grep's default is the parent / children only, which surprises
 * authors); `where` constraints are hoisted to the top, where ast-grep checks them.
 */
export function compileMatcher(spec: MatcherSpec, parser: Parser, at: string): CompiledMatcher {
  const constraints: Record<string, SgRule> = {};
  const config: NapiConfig = { rule: toRule(spec, parser, at, constraints) };
  if (Object.keys(constraints).length > 0) config.constraints = constraints;
  validate(config, parser, at);
  return { config, anchors: anchorsOf(spec) };
}

function toRule(m: MatcherSpec, parser: Parser, at: string, constraints: Record<string, SgRule>): SgRule {
  const sub = (s: MatcherSpec, key: string) => toRule(s, parser, `${at}.${key}`, constraints);
  const parts: SgRule[] = [];
  if (typeof m.pattern === 'string')
    parts.push({ pattern: compilePattern(m.pattern, parser, `${at}.pattern`) });
  else if (m.pattern) {
    checkContext(m.pattern.context, parser, `${at}.pattern`);
    parts.push({ pattern: { ...m.pattern } as NonNullable<SgRule['pattern']> });
  }
  if (m.kind) parts.push({ kind: m.kind });
  if (m.regex) parts.push({ regex: m.regex });
  if (m.all) parts.push({ all: m.all.map((s, i) => sub(s, `all[${i}]`)) });
  if (m.any) parts.push({ any: m.any.map((s, i) => sub(s, `any[${i}]`)) });
  if (m.not) parts.push({ not: sub(m.not, 'not') });
  if (m.inside) parts.push({ inside: { ...sub(m.inside, 'inside'), stopBy: 'end' } });
  if (m['not-inside'])
    parts.push({ not: { inside: { ...sub(m['not-inside'], 'not-inside'), stopBy: 'end' } } });
  if (m.has) parts.push({ has: { ...sub(m.has, 'has'), stopBy: 'end' } });
  if (m['not-has']) parts.push({ not: { has: { ...sub(m['not-has'], 'not-has'), stopBy: 'end' } } });
  for (const [name, c] of Object.entries(m.where ?? {}))
    addConstraint(constraints, name.slice(1), constraintRule(c));
  // Several keys in one matcher all have to hold; `all` keeps them in order, so a metavariable
  // bound by the pattern is known when `inside` or a constraint refers to it.
  return parts.length === 1 ? parts[0]! : { all: parts };
}

function constraintRule(c: ConstraintSpec): SgRule {
  const parts: SgRule[] = [];
  if (c.regex) parts.push({ regex: c.regex });
  if (c['not-regex']) parts.push({ not: { regex: c['not-regex'] } });
  if (Array.isArray(c.kind)) parts.push({ any: c.kind.map((k) => ({ kind: k })) });
  else if (c.kind) parts.push({ kind: c.kind });
  return parts.length === 1 ? parts[0]! : { all: parts };
}

function addConstraint(constraints: Record<string, SgRule>, name: string, rule: SgRule): void {
  const seen = constraints[name];
  constraints[name] = seen ? { all: [seen, rule] } : rule;
}

/** ast-grep checks kinds, regexes and metavariables when a rule first runs: run it once on nothing. */
function validate(config: NapiConfig, parser: Parser, at: string): void {
  try {
    parseSource(parser, '').root().findAll(config);
  } catch (e) {
    const lines = String((e as Error).message ?? e)
      .split('\n')
      .map((l) => l.replace(/^\s*\|->/, '').trim())
      .filter((l) => l && !/is not configured correctly/.test(l));
    throw new RuleFormatError(at, lines.join(': ') || 'ast-grep refused the rule');
  }
}
