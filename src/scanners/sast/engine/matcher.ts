import type { NapiConfig, SgNode, Rule as SgRule } from '@ast-grep/napi';
import type { ConstraintSpec, MatcherSpec } from '../format/schema.js';
import { type Parser, parseSource } from '../languages.js';
import { anchorsOf } from './anchors.js';
import { RuleFormatError } from './errors.js';
import { jsRegexForAscii } from './js-regex.js';
import { checkContext, compilePattern } from './pattern.js';

/** A metavariable's text must (or, negated, must not) match `re`. */
export interface MetaCheck {
  name: string;
  re: RegExp;
  negate: boolean;
}

/** How to search an all-ASCII file: ast-grep with the cheaper config, then the JavaScript checks. */
export interface AsciiSearch {
  config: NapiConfig;
  checks: readonly MetaCheck[];
}

/** A matcher ready to run on a tree of one grammar. */
export interface CompiledMatcher {
  config: NapiConfig;
  /** At least one of these words is in any text the matcher can match; undefined when none is known. */
  anchors: readonly string[] | undefined;
  /**
   * The same search for all-ASCII files: the regexes' Unicode classes (`\s`, `\w`, `\d`, `\b`)
   * made ASCII, and the metavariables' regexes checked in JavaScript, both cheaper than ast-grep
   * compiling them on every search. On ASCII text it finds exactly the same nodes.
   */
  ascii: AsciiSearch;
}

type Where = [name: string, spec: ConstraintSpec];

/**
 * Translates the rule format's matcher into an ast-grep rule. `inside` and `has` look at every
 * ancestor / descendant (ast-grep's default is the parent / children only, which surprises
 * authors); `where` constraints are hoisted to the top, where ast-grep checks them.
 */
export function compileMatcher(spec: MatcherSpec, parser: Parser, at: string): CompiledMatcher {
  const wheres: Where[] = [];
  const rule = toRule(spec, parser, at, wheres);
  const config = withConstraints(rule, wheres, () => false);
  validate(config, parser, at);
  return { config, anchors: anchorsOf(spec), ascii: asciiSearch(rule, wheres, parser) };
}

/** The nodes of the tree the matcher matches. */
export function searchTree(root: SgNode, m: CompiledMatcher, ascii: boolean): SgNode[] {
  if (!ascii) return root.findAll(m.config);
  const { config, checks } = m.ascii;
  const found = root.findAll(config);
  return checks.length === 0 ? found : found.filter((n) => checks.every((c) => passes(n, c)));
}

/** ast-grep skips a constraint on a metavariable the match did not bind; so does this. */
function passes(node: SgNode, c: MetaCheck): boolean {
  const bound = node.getMatch(c.name);
  return bound === null || c.re.test(bound.text()) !== c.negate;
}

function withConstraints(rule: SgRule, wheres: readonly Where[], inJs: (key: string) => boolean): NapiConfig {
  const constraints: Record<string, SgRule> = {};
  for (const [name, c] of wheres) {
    const r = constraintRule(c, (key) => inJs(`${name}\0${key}\0${c[key]}`));
    if (r) constraints[name] = constraints[name] ? { all: [constraints[name], r] } : r;
  }
  return Object.keys(constraints).length > 0 ? { rule, constraints } : { rule };
}

function asciiSearch(rule: SgRule, wheres: readonly Where[], parser: Parser): AsciiSearch {
  const checks: MetaCheck[] = [];
  const moved = new Set<string>();
  for (const [name, c] of wheres)
    for (const key of ['regex', 'not-regex'] as const) {
      const re = c[key] === undefined ? undefined : jsRegexForAscii(c[key]);
      if (!re) continue;
      checks.push({ name, re, negate: key === 'not-regex' });
      moved.add(`${name}\0${key}\0${c[key]}`);
    }
  const config = withConstraints(rule, wheres, (k) => moved.has(k));
  return { config: asciiConfig(config, parser) ?? config, checks };
}

function asciiConfig(config: NapiConfig, parser: Parser): NapiConfig | undefined {
  let changed = false;
  const copy = (v: unknown, key?: string): unknown => {
    if (key === 'regex' && typeof v === 'string') {
      const a = asciiRegex(v);
      if (a !== v) changed = true;
      return a;
    }
    if (Array.isArray(v)) return v.map((x) => copy(x));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x, k)]));
    return v;
  };
  const ascii = copy(config) as NapiConfig;
  if (!changed) return undefined;
  try {
    validate(ascii, parser, '');
    return ascii;
  } catch {
    return undefined;
  }
}

const ASCII_OUTSIDE: Record<string, string> = {
  '\\s': '[[:space:]]',
  '\\S': '[^[:space:]]',
  '\\w': '[[:word:]]',
  '\\W': '[^[:word:]]',
  '\\d': '[[:digit:]]',
  '\\D': '[^[:digit:]]',
  '\\b': '(?-u:\\b)',
};
const ASCII_INSIDE: Record<string, string> = { '\\s': '[:space:]', '\\w': '[:word:]', '\\d': '[:digit:]' };

/**
 * A Rust regex with its Unicode classes replaced by the ASCII ones, which agree with them on ASCII
 * text. A regex with nested character classes (or one that cannot be read) is returned as it is.
 */
export function asciiRegex(re: string): string {
  let out = '';
  let i = 0;
  while (i < re.length) {
    const c = re[i]!;
    if (c === '\\') {
      const esc = re.slice(i, i + 2);
      out += ASCII_OUTSIDE[esc] ?? esc;
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      let body = re.slice(i, j);
      while (j < re.length && re[j] !== ']') {
        if (re[j] === '[') return re;
        if (re[j] === '\\') {
          const esc = re.slice(j, j + 2);
          body += ASCII_INSIDE[esc] ?? esc;
          j += 2;
        } else body += re[j++];
      }
      if (j >= re.length) return re;
      out += `${body}]`;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function toRule(m: MatcherSpec, parser: Parser, at: string, wheres: Where[]): SgRule {
  const sub = (s: MatcherSpec, key: string) => toRule(s, parser, `${at}.${key}`, wheres);
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
  for (const [name, c] of Object.entries(m.where ?? {})) wheres.push([name.slice(1), c]);
  // Several keys in one matcher all have to hold; `all` keeps them in order, so a metavariable
  // bound by the pattern is known when `inside` or a constraint refers to it.
  return parts.length === 1 ? parts[0]! : { all: parts };
}

/** The part of a `where` left to ast-grep: all of it but the regexes checked in JavaScript. */
function constraintRule(
  c: ConstraintSpec,
  inJs: (key: 'regex' | 'not-regex') => boolean,
): SgRule | undefined {
  const parts: SgRule[] = [];
  if (c.regex && !inJs('regex')) parts.push({ regex: c.regex });
  if (c['not-regex'] && !inJs('not-regex')) parts.push({ not: { regex: c['not-regex'] } });
  if (Array.isArray(c.kind)) parts.push({ any: c.kind.map((k) => ({ kind: k })) });
  else if (c.kind) parts.push({ kind: c.kind });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0]! : { all: parts };
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
