import type { SgNode } from '@ast-grep/napi';
import { mayMatch } from '../anchors.js';
import type { CompiledMatcher } from '../matcher.js';
import type { CompiledSite, CompiledTaint } from '../types.js';
import { Intervals } from './intervals.js';
import type { TaintLanguage } from './shapes.js';
import { nodeKey, TNode } from './tree.js';

export interface SourceSite {
  start: number;
  end: number;
}

/** A sink matched in the file: `node` is the whole match (the finding's place), `focus` the value checked. */
export interface SinkSite {
  node: SgNode;
  focus: TNode;
}

/** Where a propagator matched: data in the `from` nodes also flows into `to`. */
export interface PropagatorSite {
  fromKeys: string[];
  to: TNode;
}

/** Every place of one file where a taint rule's sources, sinks, sanitizers and propagators match. */
export interface Sites {
  sources: Map<string, SourceSite>;
  sanitizers: Set<string>;
  /** By the key of the sink's focus node: the walker checks the value of that node. */
  sinks: Map<string, SinkSite[]>;
  /** By the key of the propagator's match. */
  propagators: Map<string, PropagatorSite[]>;
  /** Nodes whose value the walker must remember for a propagator. */
  watch: Set<string>;
  /** Sources, sinks and propagators: code overlapping them is always evaluated. */
  ranges: Intervals;
}

export function findSites(
  search: (m: CompiledMatcher) => SgNode[],
  text: string,
  words: ReadonlySet<string>,
  taint: CompiledTaint,
  lang: TaintLanguage,
): Sites {
  const sourceRanges: [number, number][] = [];
  const otherRanges: [number, number][] = [];
  const sites: Sites = {
    sources: new Map(),
    sanitizers: new Set(),
    sinks: new Map(),
    propagators: new Map(),
    watch: new Set(),
    ranges: new Intervals([]),
  };
  const matches = (m: CompiledSite) => (mayMatch(m.anchors, words) ? search(m) : []);
  // Sinks first, then sources: a rule with none of either reads nothing else of the file (every
  // search is a walk of the whole tree), and its caller drops the sites unread.
  for (const s of taint.sinks)
    for (const m of matches(s)) {
      const r = m.range();
      otherRanges.push([r.start.index, r.end.index]);
      for (const focus of focusNodes(m, s, lang, text)) push(sites.sinks, focus.key, { node: m, focus });
    }
  if (sites.sinks.size === 0) return sites;
  for (const s of taint.sources)
    for (const m of matches(s))
      for (const f of focusNodes(m, s, lang, text)) {
        sites.sources.set(f.key, { start: f.start, end: f.end });
        sourceRanges.push([f.start, f.end]);
      }
  if (sites.sources.size === 0) return sites;
  for (const s of taint.sanitizers)
    for (const m of matches(s)) for (const f of focusNodes(m, s, lang, text)) sites.sanitizers.add(f.key);
  for (const p of taint.propagators)
    for (const m of matches(p)) {
      const to = metavariable(m, p.to, text)[0];
      if (!to) continue;
      const fromKeys = metavariable(m, p.from, text).map((n) => n.key);
      for (const k of fromKeys) sites.watch.add(k);
      push(sites.propagators, nodeKey(m), { fromKeys, to });
      const r = m.range();
      otherRanges.push([r.start.index, r.end.index]);
    }
  const ranges = [...sourceRanges, ...otherRanges];
  sites.ranges = new Intervals(ranges);
  return sites;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The node(s) a site means: its focus metavariable, its n-th call argument, or the whole match. */
function focusNodes(m: SgNode, site: CompiledSite, lang: TaintLanguage, text: string): TNode[] {
  if (site.focus) return metavariable(m, site.focus, text);
  if (site.argument === undefined) return [new TNode(m, text)];
  const s = lang.shape(new TNode(m, text));
  const arg = s.type === 'call' ? s.call.args[site.argument] : undefined;
  return arg ? [arg] : [];
}

function metavariable(m: SgNode, name: string, text: string): TNode[] {
  const one = m.getMatch(name);
  if (one) return [new TNode(one, text)];
  return m
    .getMultipleMatches(name)
    .filter((n) => n.isNamed())
    .map((n) => new TNode(n, text));
}
