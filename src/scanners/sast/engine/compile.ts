import type { MatcherSpec, SastRuleSpec, SiteSpec } from '../format/schema.js';
import { PARSERS_OF, type Parser } from '../languages.js';
import { RuleFormatError } from './errors.js';
import { compileMatcher } from './matcher.js';
import type { CompiledPropagator, CompiledRule, CompiledSite, CompiledTaint } from './types.js';

/** Compiles a validated rule for every grammar its languages are parsed with. */
export function compileRule(spec: SastRuleSpec): Map<Parser, CompiledRule> {
  checkMetavariables(spec);
  const out = new Map<Parser, CompiledRule>();
  for (const parser of new Set(spec.languages.flatMap((l) => PARSERS_OF[l])))
    out.set(
      parser,
      spec.mode === 'taint'
        ? { mode: 'taint', taint: compileTaint(spec, parser) }
        : { mode: 'search', matcher: searchMatcher(spec, parser) },
    );
  return out;
}

/** The rule's own anchor words, when given, decide which files it runs on. */
function searchMatcher(spec: SastRuleSpec, parser: Parser) {
  const matcher = compileMatcher(spec, parser, '(rule)');
  return spec.anchors ? { ...matcher, anchors: spec.anchors } : matcher;
}

function compileTaint(spec: SastRuleSpec, parser: Parser): CompiledTaint {
  const sites = (list: readonly SiteSpec[] | undefined, key: string): CompiledSite[] =>
    (list ?? []).map((s, i) => {
      const site: CompiledSite = compileMatcher(s, parser, `${key}[${i}]`);
      if (s.focus) site.focus = s.focus.slice(1);
      if (s.argument !== undefined) site.argument = s.argument;
      return site;
    });
  return {
    sources: sites(spec.sources, 'sources'),
    sinks: sites(spec.sinks, 'sinks'),
    sanitizers: sites(spec.sanitizers, 'sanitizers'),
    propagators: (spec.propagators ?? []).map(
      (p, i): CompiledPropagator => ({
        ...compileMatcher(p, parser, `propagators[${i}]`),
        from: p.from.slice(1),
        to: p.to.slice(1),
      }),
    ),
  };
}

/**
 * Variables every message may use: `$MATCH`, the matched code; in taint rules also `$SOURCE`
 * (where the data came from) and `$SINK` (the sink it reached).
 */
const BUILT_IN = { search: new Set(['MATCH']), taint: new Set(['MATCH', 'SOURCE', 'SINK']) };

/**
 * A metavariable named in `focus`, `from`, `to` or the message but bound by no pattern would
 * silently never resolve: refuse it, naming the key.
 */
function checkMetavariables(spec: SastRuleSpec): void {
  const sites = (key: string, list: readonly (MatcherSpec & { focus?: string })[] | undefined) =>
    (list ?? []).forEach((s, i) => {
      if (s.focus) need(s.focus, patternText(s), `${key}[${i}].focus`);
    });
  sites('sources', spec.sources);
  sites('sinks', spec.sinks);
  sites('sanitizers', spec.sanitizers);
  (spec.propagators ?? []).forEach((p, i) => {
    need(p.from, patternText(p), `propagators[${i}].from`);
    need(p.to, patternText(p), `propagators[${i}].to`);
  });
  const bound =
    spec.mode === 'taint' ? (spec.sinks ?? []).map(patternText).join('\n') : patternText(spec as MatcherSpec);
  for (const m of spec.message.matchAll(/\$(?:\$\$)?([A-Z_][A-Z0-9_]*)/g)) {
    const name = m[1]!;
    if (!BUILT_IN[spec.mode].has(name)) need(`$${name}`, bound, 'message');
  }
}

function need(metavariable: string, patterns: string, at: string): void {
  const name = metavariable.replace(/^\$+/, '');
  if (!new RegExp(`\\$(\\$\\$)?${name}(?![A-Z0-9_])`).test(patterns))
    throw new RuleFormatError(at, `${metavariable} is not bound by any pattern of the rule`);
}

/** Every pattern text inside a matcher, joined. */
function patternText(m: MatcherSpec): string {
  const own = typeof m.pattern === 'string' ? m.pattern : (m.pattern?.context ?? '');
  const subs = [...(m.all ?? []), ...(m.any ?? []), m.not, m.inside, m['not-inside'], m.has, m['not-has']];
  return [own, ...subs.filter((s): s is MatcherSpec => s !== undefined).map(patternText)].join('\n');
}
