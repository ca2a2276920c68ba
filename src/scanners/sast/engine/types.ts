import type { Confidence, Severity } from '../../../core/severity.js';
import type { Language, Parser } from '../languages.js';
import type { CompiledMatcher } from './matcher.js';

/** A source, sink or sanitizer, compiled; `focus` / `argument` say which part of the match is meant. */
export interface CompiledSite extends CompiledMatcher {
  focus?: string;
  argument?: number;
}

/** Wherever `matcher` matches, data in metavariable `from` also flows into metavariable `to`. */
export interface CompiledPropagator extends CompiledMatcher {
  from: string;
  to: string;
}

export interface CompiledTaint {
  sources: readonly CompiledSite[];
  sinks: readonly CompiledSite[];
  sanitizers: readonly CompiledSite[];
  propagators: readonly CompiledPropagator[];
}

export type CompiledRule =
  | { mode: 'search'; matcher: CompiledMatcher }
  | { mode: 'taint'; taint: CompiledTaint };

/** A validated SAST rule with its matchers compiled for every grammar of its languages. */
export interface SastRule {
  id: string;
  title: string;
  description: string;
  languages: readonly Language[];
  severity: Severity;
  confidence: Confidence;
  /** The finding's message, with `$NAME` metavariables still to fill in. */
  message: string;
  cwe: readonly string[];
  /** OWASP Top 10 categories, e.g. `A03:2021`. */
  owasp: readonly string[];
  /** Compliance controls as the core spells them (`nist-800-53:SI-10`, `owasp-top10-2021:A03`). */
  controls: readonly string[];
  fix: string;
  example?: string;
  references: readonly string[];
  tags: readonly string[];
  /** The file the rule came from, as shown to users. */
  file: string;
  compiled: ReadonlyMap<Parser, CompiledRule>;
}

/** 1-based lines and columns; columns count UTF-16 code units, like the rest of Gatehouse. */
export interface Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** One place on a dataflow path, from the source to the sink. */
export interface FlowStep {
  line: number;
  column: number;
  message: string;
}

/** What a rule found in a file, before it becomes a finding. */
export interface SastMatch {
  rule: SastRule;
  span: Span;
  message: string;
  /** The matched code, for the fingerprint (never line numbers). */
  matchedText: string;
  /** Source to sink, for taint rules. */
  flow?: readonly FlowStep[];
}
