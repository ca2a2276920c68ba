import type { SgNode } from '@ast-grep/napi';
import { mayMatch } from '../anchors.js';
import type { CompiledMatcher } from '../matcher.js';
import type { CompiledTaint } from '../types.js';
import { TaintAnalysis, type TaintHit } from './analysis.js';
import type { TaintLanguage } from './shapes.js';
import { findSites } from './sites.js';
import type { Units } from './units.js';

export interface TaintInput {
  root: SgNode;
  text: string;
  /** The file's words, for anchor checks. */
  words: ReadonlySet<string>;
  lang: TaintLanguage;
  /** The file's functions, found once and shared by every taint rule. */
  units: () => Units;
  tick: () => void;
  /** Tree searches of this file, shared: rules of one language repeat the same sources and sinks. */
  search: (m: CompiledMatcher) => SgNode[];
}

/**
 * Runs one taint rule on a parsed file. Files in which no source or no sink can match (by
 * their anchor words, then by search) are done without walking any code.
 */
export function runTaint(input: TaintInput, taint: CompiledTaint): TaintHit[] {
  const { text, words, lang } = input;
  if (!taint.sinks.some((s) => mayMatch(s.anchors, words))) return [];
  if (!taint.sources.some((s) => mayMatch(s.anchors, words))) return [];
  const sites = findSites(input.search, text, words, taint, lang);
  if (sites.sinks.size === 0 || sites.sources.size === 0) return [];
  return new TaintAnalysis(lang, sites, input.units(), input.tick).run();
}
