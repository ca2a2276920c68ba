import type { ParamHit, Summary, TaintAnalysis } from './analysis.js';
import type { CallParts, FunctionParts, Shape } from './shapes.js';
import type { PropagatorSite, SinkSite } from './sites.js';
import type { TNode } from './tree.js';
import type { Unit } from './units.js';
import { code, Env, extend, join, joinAll, type Origin, stepAt, type Taint, withStep } from './value.js';

/** Deeper nesting (a 2,000-term string concatenation) is not followed: the stack is finite. */
const MAX_DEPTH = 600;

/**
 * Abstract interpretation of one function over the syntax tree: variables map to the data they
 * may hold; branches run on copies that are joined after, loops twice. A statement that touches
 * no tainted variable, source, sink or interesting call is skipped without being read.
 */
export class Walker {
  private returns: Taint;
  private readonly paramHits: ParamHit[] = [];
  /** Values of nodes a propagator reads, by node key. */
  private readonly remembered = new Map<string, Taint>();
  private depth = 0;

  constructor(
    private readonly a: TaintAnalysis,
    private readonly unit: Unit,
  ) {}

  run(): Summary {
    const env = new Env();
    const { fn } = this.unit;
    fn.params.forEach((p, i) => {
      this.bindParam(p, env, i);
    });
    if (fn.body) {
      const value = this.visit(fn.body, env);
      if (fn.expressionBody) this.returns = join(this.returns, value);
    }
    return { returns: this.returns ?? [], sinks: this.paramHits };
  }

  /** A parameter holds what the caller passes (`index`), or a source's data if a source matches it. */
  private bindParam(p: TNode, env: Env, index: number | undefined): void {
    const source = [...this.a.sites.sources.values()].some((s) => s.start >= p.start && s.end <= p.end);
    for (const name of this.a.lang.target(p).names) {
      const step = stepAt(p, source ? `source: parameter ${name}` : `parameter ${name}`);
      if (source) env.set(name, [{ source: code(p), steps: [step] }]);
      else if (index !== undefined) env.set(name, [{ param: index, steps: [step] }]);
      else env.set(name, undefined);
    }
  }

  visit(n: TNode, env: Env): Taint {
    this.a.tick();
    if (!this.interesting(n, env)) return undefined;
    const key = n.key;
    if (this.a.sites.sanitizers.has(key)) return undefined;
    let t: Taint;
    if (this.a.sites.sources.has(key)) t = [{ source: code(n), steps: [stepAt(n, `source: ${code(n)}`)] }];
    else if (this.depth >= MAX_DEPTH) return undefined;
    else {
      this.depth++;
      try {
        n.shape ??= this.a.lang.shape(n);
        t = this.byShape(n, n.shape, env);
      } finally {
        this.depth--;
      }
    }
    if (this.a.sites.watch.has(key)) this.remembered.set(key, t);
    const propagators = this.a.sites.propagators.get(key);
    if (propagators) t = this.propagate(n, propagators, t, env);
    const sinks = this.a.sites.sinks.get(key);
    if (sinks && t) for (const site of sinks) this.reachSink(site, t);
    return t;
  }

  private interesting(n: TNode, env: Env): boolean {
    if (this.a.sites.ranges.overlaps(n.start, n.end)) return true;
    const text = n.text;
    for (const name of env.names()) if (text.includes(name)) return true;
    return this.a.hotNames.some((name) => text.includes(name));
  }

  private byShape(n: TNode, s: Shape, env: Env): Taint {
    switch (s.type) {
      case 'literal':
        return undefined;
      case 'name':
        return env.get(s.name);
      case 'member':
        for (const r of s.rest) this.visit(r, env);
        return this.visit(s.object, env);
      case 'clean':
        for (const c of n.children()) this.visit(c, env);
        return undefined;
      case 'other':
        return joinAll(n.children().map((c) => this.visit(c, env)));
      case 'assign':
        return this.assign(n, s, env);
      case 'return': {
        const value = s.value ? this.visit(s.value, env) : undefined;
        this.returns = join(this.returns, value);
        return undefined;
      }
      case 'branch':
        return this.branch(s, env);
      case 'loop':
        return this.loop(s, env);
      case 'call':
        return this.call(n, s.call, env);
      case 'function':
        return this.lambda(n, s.fn, env);
    }
  }

  private assign(n: TNode, s: Extract<Shape, { type: 'assign' }>, env: Env): Taint {
    const values = s.values.map((v) => this.visit(v, env));
    const all = joinAll(values);
    // `a, b = x, y` pairs up; `a, b = f()` gives every target the whole value.
    const pairwise = values.length > 1 && values.length === s.targets.length;
    s.targets.forEach((target, i) => {
      this.write(target, pairwise ? values[i] : all, env, s.update, n);
    });
    return all;
  }

  private write(target: TNode, t: Taint, env: Env, update: boolean, at: TNode, verb = 'assigned to'): void {
    const { names, strong } = this.a.lang.target(target);
    for (const name of names) {
      const value = withStep(t, stepAt(at, `${verb} ${name}`));
      env.set(name, strong && !update ? value : join(env.get(name), value));
    }
  }

  private branch(s: Extract<Shape, { type: 'branch' }>, env: Env): Taint {
    for (const p of s.pre) this.visit(p, env);
    let value: Taint;
    const after = s.arms.map((arm) => {
      const e = env.copy();
      value = join(value, this.visit(arm, e));
      return e;
    });
    // Without an `else`, no arm may run: what held before still may. With one, only the arms count.
    if (s.exhaustive) env.replaceWith(after);
    else for (const e of after) env.joinFrom(e);
    for (const p of s.post) this.visit(p, env);
    return s.yields ? value : undefined;
  }

  private loop(s: Extract<Shape, { type: 'loop' }>, env: Env): Taint {
    for (const p of s.pre) this.visit(p, env);
    const inner = env.copy();
    let value: Taint;
    // Twice, so that what one iteration stores reaches the next one's reads.
    for (let pass = 0; pass < 2; pass++) {
      for (const b of s.binds) {
        const from = this.visit(b.from, inner);
        for (const t of b.targets) this.write(t, from, inner, false, b.from, 'iterated into');
      }
      for (const b of s.body) value = join(value, this.visit(b, inner));
    }
    env.joinFrom(inner);
    return s.yields ? value : undefined;
  }

  private call(n: TNode, c: CallParts, env: Env): Taint {
    const receiver = c.receiver ? this.visit(c.receiver, env) : undefined;
    const callee = joinAll(c.callee.map((x) => this.visit(x, env)));
    const args = c.args.map((x) => this.visit(x, env));
    const units = c.local ? this.a.resolve(c.local) : [];
    if (units.length > 0) return joinAll(units.map((u) => this.applySummary(n, u, args)));
    if (this.a.lang.cleanCall(c)) return undefined;
    const data = joinAll(args);
    if (data && c.receiver && c.method && this.a.lang.mutators.has(c.method))
      this.write(this.builder(c.receiver), data, env, true, n, 'stored in');
    return joinAll([receiver, callee, data]);
  }

  /** The object a chain of mutating calls works on: `sb` in `sb.append(a).append(b)`. */
  private builder(receiver: TNode): TNode {
    receiver.shape ??= this.a.lang.shape(receiver);
    const s = receiver.shape;
    if (s.type === 'call' && s.call.receiver && s.call.method && this.a.lang.mutators.has(s.call.method))
      return this.builder(s.call.receiver);
    return receiver;
  }

  /** A call to a function of this file: its summary maps the arguments to the result and to sinks. */
  private applySummary(call: TNode, unit: Unit, args: readonly Taint[]): Taint {
    const summary = this.a.summaryOf(unit);
    const into = stepAt(call, `passed to ${unit.name}()`);
    const back = stepAt(call, `returned by ${unit.name}()`);
    let result: Taint;
    for (const o of summary.returns) {
      if (o.param === undefined) result = join(result, [{ ...o, steps: extend(o.steps, [back]) }]);
      else
        for (const arg of args[o.param] ?? [])
          result = join(result, [{ ...arg, steps: extend(arg.steps, [into, ...o.steps, back]) }]);
    }
    for (const hit of summary.sinks)
      for (const arg of args[hit.param] ?? [])
        this.reach(hit.site, { ...arg, steps: extend(arg.steps, [into, ...hit.steps]) });
    return result;
  }

  /** An anonymous function runs here, seeing the variables it closes over; its returns are its own. */
  private lambda(n: TNode, fn: FunctionParts, env: Env): Taint {
    if (this.a.isUnit(n) || !fn.body) return undefined;
    const inner = env.copy();
    for (const p of fn.params) this.bindParam(p, inner, undefined);
    const saved = this.returns;
    this.visit(fn.body, inner);
    this.returns = saved;
    return undefined;
  }

  private propagate(n: TNode, sites: readonly PropagatorSite[], t: Taint, env: Env): Taint {
    let value = t;
    for (const p of sites) {
      const from = joinAll(p.fromKeys.map((k) => this.remembered.get(k)));
      if (!from) continue;
      if (p.to.key === n.key) value = join(value, from);
      else this.write(p.to, from, env, true, n, 'flows into');
    }
    return value;
  }

  private reachSink(site: SinkSite, t: Taint): void {
    const step = stepAt(site.focus, `reaches the sink: ${code(site.focus)}`);
    for (const o of t ?? []) this.reach(site, { ...o, steps: extend(o.steps, [step]) });
  }

  private reach(site: SinkSite, o: Origin): void {
    if (o.param === undefined) this.a.report(site, o);
    else this.paramHits.push({ param: o.param, site, steps: o.steps });
  }
}
