import { shortCode } from '../message.js';
import type { FlowStep } from '../types.js';
import type { TNode } from './tree.js';

/**
 * Where tainted data came from: a source (`param` undefined, with the source's code), or
 * parameter `param` of the function being summarised. `steps` is the path so far.
 */
export interface Origin {
  param?: number;
  source?: string;
  steps: readonly FlowStep[];
}

/** The origins a value carries; undefined (or empty) when it carries no tainted data. */
export type Taint = readonly Origin[] | undefined;

/** Long paths keep their beginning and end: the middle of a 40-step flow helps nobody. */
const MAX_STEPS = 16;

const sameOrigin = (a: Origin, b: Origin) => a.param === b.param;

/** Both values' origins; for the same origin the shorter path is kept. */
export function join(a: Taint, b: Taint): Taint {
  if (!a || a.length === 0) return b && b.length > 0 ? b : undefined;
  if (!b || b.length === 0) return a;
  const out = [...a];
  for (const o of b) {
    const i = out.findIndex((x) => sameOrigin(x, o));
    if (i < 0) out.push(o);
    else if (o.steps.length < out[i]!.steps.length) out[i] = o;
  }
  return out;
}

export function joinAll(values: readonly Taint[]): Taint {
  let out: Taint;
  for (const v of values) out = join(out, v);
  return out;
}

export function extend(steps: readonly FlowStep[], more: readonly FlowStep[]): FlowStep[] {
  const all = [...steps, ...more];
  if (all.length <= MAX_STEPS) return all;
  const head = MAX_STEPS / 2;
  return [...all.slice(0, head), ...all.slice(all.length - (MAX_STEPS - head))];
}

export function withStep(t: Taint, step: FlowStep): Taint {
  return t?.map((o) => ({ ...o, steps: extend(o.steps, [step]) }));
}

export function stepAt(n: TNode, message: string): FlowStep {
  return { line: n.line + 1, column: n.column + 1, message };
}

/** Code as shown in a step's message: one line, at most 60 characters. */
export function code(n: TNode): string {
  return shortCode(n.text);
}

/** Variables and the data they may hold at one point of a function (absent = clean). */
export class Env {
  private readonly vars: Map<string, readonly Origin[]>;

  constructor(from?: Env) {
    this.vars = new Map(from?.vars);
  }

  get(name: string): Taint {
    return this.vars.get(name);
  }

  set(name: string, t: Taint): void {
    if (t && t.length > 0) this.vars.set(name, t);
    else this.vars.delete(name);
  }

  names(): IterableIterator<string> {
    return this.vars.keys();
  }

  copy(): Env {
    return new Env(this);
  }

  /** After a branch one of whose paths always runs: what any of them left. */
  replaceWith(paths: readonly Env[]): void {
    this.vars.clear();
    for (const p of paths) this.joinFrom(p);
  }

  /** After a branch: a variable may hold what either path left in it. */
  joinFrom(other: Env): void {
    for (const [name, t] of other.vars) this.set(name, join(this.vars.get(name), t));
  }
}
