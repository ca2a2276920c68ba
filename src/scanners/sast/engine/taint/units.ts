import type { SgNode } from '@ast-grep/napi';
import { wordsOf } from '../anchors.js';
import type { FunctionParts, TaintLanguage } from './shapes.js';
import { TNode } from './tree.js';

/** A named function of the file (or the file's top level): analysed on its own and summarised. */
export interface Unit {
  node: TNode;
  name: string | undefined;
  fn: FunctionParts;
}

export interface Units {
  program: Unit;
  /** Named functions by the key of their node. */
  byKey: Map<string, Unit>;
  byName: Map<string, Unit[]>;
}

/**
 * One tree search finds every function of the file. Named ones are units; lambdas without a
 * name are analysed where they appear, with the variables they close over.
 */
export function findUnits(root: SgNode, text: string, lang: TaintLanguage): Units {
  const top = new TNode(root, text);
  const program: Unit = {
    node: top,
    name: undefined,
    fn: { name: undefined, isMethod: false, params: [], body: top, expressionBody: false },
  };
  const units: Units = { program, byKey: new Map(), byName: new Map() };
  const found = root.findAll({ rule: { any: lang.functionKinds.map((kind) => ({ kind })) } });
  for (const sg of found) {
    const node = new TNode(sg, text);
    const shape = lang.shape(node);
    if (shape.type !== 'function' || !shape.fn.name) continue;
    const unit: Unit = { node, name: shape.fn.name, fn: shape.fn };
    units.byKey.set(node.key, unit);
    const same = units.byName.get(shape.fn.name);
    if (same) same.push(unit);
    else units.byName.set(shape.fn.name, [unit]);
  }
  return units;
}

/** The units a call may run: `f(x)` names functions, `this.f(x)` / `self.f(x)` methods too. */
export function resolve(units: Units, local: { name: string; self: boolean }): Unit[] {
  const named = units.byName.get(local.name) ?? [];
  return local.self ? named : named.filter((u) => !u.fn.isMethod);
}

/**
 * Units for which `seed` holds, and then every unit that mentions the name of a unit already in
 * the set (it may call it), until nothing changes: a worklist over "who mentions whom".
 */
export function closure(units: Units, seed: (u: Unit) => boolean): Set<Unit> {
  const mentionedBy = mentions(units);
  const all = [...units.byKey.values()];
  const set = new Set(all.filter(seed));
  const work = [...set];
  for (let u = work.pop(); u; u = work.pop())
    for (const caller of mentionedBy.get(u.name!) ?? [])
      if (!set.has(caller)) {
        set.add(caller);
        work.push(caller);
      }
  return set;
}

const MENTIONS = new WeakMap<Units, Map<string, Unit[]>>();

/** For each unit name, the units whose text contains it as a word (computed once per file). */
function mentions(units: Units): Map<string, Unit[]> {
  const known = MENTIONS.get(units);
  if (known) return known;
  const out = new Map<string, Unit[]>();
  for (const u of units.byKey.values()) {
    for (const name of wordsOf(u.node.text)) {
      if (!units.byName.has(name)) continue;
      const list = out.get(name);
      if (list) list.push(u);
      else out.set(name, [u]);
    }
  }
  MENTIONS.set(units, out);
  return out;
}
