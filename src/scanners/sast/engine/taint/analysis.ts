import type { FlowStep } from '../types.js';
import type { TaintLanguage } from './shapes.js';
import type { SinkSite, Sites } from './sites.js';
import type { TNode } from './tree.js';
import { closure, resolve, type Unit, type Units } from './units.js';
import type { Origin } from './value.js';
import { Walker } from './walker.js';

/** What a function does with its parameters, as its callers need to know. */
export interface Summary {
  /** What the return value carries: parameters (by index) and sources inside the function. */
  returns: readonly Origin[];
  /** Parameters that reach a sink inside the function, with the path from parameter to sink. */
  sinks: readonly ParamHit[];
}

export interface ParamHit {
  param: number;
  site: SinkSite;
  steps: readonly FlowStep[];
}

/** A source reaching a sink: the finding, before it gets its message. */
export interface TaintHit {
  site: SinkSite;
  steps: readonly FlowStep[];
  source: string;
}

const NOTHING: Summary = { returns: [], sinks: [] };

/** How many calls deep summaries are computed (each level is a walk of one function). */
const MAX_CALL_DEPTH = 48;

/**
 * Nested sinks of one rule (`db.execute(text(sql))`) are one problem: only the innermost sink
 * the data reached is reported.
 */
function innermost(hits: TaintHit[]): TaintHit[] {
  const spans = hits.map((h) => h.site.node.range());
  return hits.filter((_, i) =>
    spans.every(
      (other, j) =>
        j === i ||
        !(
          other.start.index >= spans[i]!.start.index &&
          other.end.index <= spans[i]!.end.index &&
          (other.start.index !== spans[i]!.start.index || other.end.index !== spans[i]!.end.index)
        ),
    ),
  );
}

/** The file's analysis for one taint rule: units, their summaries, and the findings so far. */
export class TaintAnalysis {
  private readonly summaries = new Map<Unit, Summary>();
  private readonly running = new Set<Unit>();
  private readonly hits = new Map<string, TaintHit>();
  /** Names of functions that may return data from a source: calls to them are always evaluated. */
  readonly hotNames: readonly string[];

  constructor(
    readonly lang: TaintLanguage,
    readonly sites: Sites,
    readonly units: Units,
    readonly tick: () => void,
  ) {
    const sources = [...sites.sources.values()];
    const hasSource = (u: Unit) => sources.some((s) => s.start >= u.node.start && s.end <= u.node.end);
    this.hotNames = [...closure(units, hasSource)].map((u) => u.name!);
  }

  /** Analyses the top level and every function that may reach a sink, directly or through calls. */
  run(): TaintHit[] {
    const sinks = [...this.sites.sinks.values()].flat();
    const hasSink = (u: Unit) =>
      sinks.some((s) => s.focus.start >= u.node.start && s.focus.end <= u.node.end);
    this.summaryOf(this.units.program);
    for (const unit of closure(this.units, hasSink)) this.summaryOf(unit);
    return innermost([...this.hits.values()]);
  }

  summaryOf(unit: Unit): Summary {
    const done = this.summaries.get(unit);
    if (done) return done;
    // A recursive call sees no summary: it adds nothing the first pass did not find. Chains of
    // calls deeper than MAX_CALL_DEPTH are cut too, or the stack would be.
    if (this.running.has(unit) || this.running.size >= MAX_CALL_DEPTH) return NOTHING;
    this.running.add(unit);
    try {
      const summary = new Walker(this, unit).run();
      this.summaries.set(unit, summary);
      return summary;
    } finally {
      this.running.delete(unit);
    }
  }

  resolve(local: { name: string; self: boolean }): Unit[] {
    return resolve(this.units, local);
  }

  isUnit(n: TNode): boolean {
    return this.units.byKey.has(n.key);
  }

  /** A source reached a sink; the shortest path found is kept for each sink. */
  report(site: SinkSite, origin: Origin): void {
    const key = `${site.focus.key}|${site.node.range().start.index}`;
    const seen = this.hits.get(key);
    if (seen && seen.steps.length <= origin.steps.length) return;
    this.hits.set(key, { site, steps: origin.steps, source: origin.source ?? '' });
  }
}
