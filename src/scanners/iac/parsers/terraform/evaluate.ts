import { type IacValue, isUnknown, type Unknown } from '../../model.js';
import type { Expr, ExprOf, TemplatePart } from '../hcl/index.js';
import { callFunction } from './functions/index.js';
import { hole, jsonWithHoles, keptDocument, LOST_TEXT } from './json-document.js';
import { type Scope, SPLAT_ITEM, type Step } from './scope.js';
import {
  deepEqual,
  EvaluationError,
  entries,
  groupInto,
  hasKey,
  hasUnknown,
  isObject,
  newObject,
  toBool,
  toNum,
  toStr,
  typeName,
  unknownOf,
} from './values.js';

/** Collections larger than this are not built by `for` expressions: they become Unknown. */
const MAX_ITEMS = 100_000;

/**
 * Elements one attribute may build, locals it needs included. Nested `for` expressions over
 * values that share their parts (`l2 = [local.l1, local.l1]`...) would otherwise build an
 * exponential number of them.
 */
const MAX_WORK = 2_000_000;
let work = 0;
let depth = 0;

function spend(n: number): void {
  work -= n;
  if (work < 0) throw new EvaluationError('expression too costly to evaluate');
}

/**
 * Evaluates an attribute's expression. Never throws: what Terraform would only know at apply
 * time, or would reject, is an Unknown.
 */
export function evaluateAttribute(e: Expr, s: Scope): IacValue {
  if (depth++ === 0) work = MAX_WORK;
  try {
    return document(e, s) ?? evaluate(e, s);
  } catch (err) {
    if (!(err instanceof EvaluationError) && !(err instanceof RangeError))
      s.refs.warn(`cannot evaluate ${s.text(e).slice(0, 80)}: ${err}`);
    return unknownOf(s.text(e));
  } finally {
    depth--;
  }
}

/**
 * A whole attribute set to a JSON document with values known only after apply keeps the
 * document's structure (see json-document.ts); inside an expression the value stays the string
 * Terraform builds. Undefined for other expressions.
 */
function document(e: Expr, s: Scope): IacValue | undefined {
  if (e.kind === 'template') {
    const only = e.parts[0];
    // `"${jsonencode(...)}"`, as Terraform 0.11 wrote every expression.
    if (e.parts.length === 1 && only?.kind === 'interp') return document(only.expr, s);
    return e.heredoc ? template(e, s, true) : undefined;
  }
  if (e.kind !== 'call' || e.name !== 'jsonencode' || e.args.length !== 1 || e.expand) return undefined;
  const v = evaluate(e.args[0]!, s);
  if (isUnknown(v)) return unknown(e, s, v);
  return keptDocument(v) ? v : (callFunction(e.name, [v]) ?? unknown(e, s, v));
}

export function evaluate(e: Expr, s: Scope): IacValue {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'template':
      return template(e, s);
    case 'tuple':
      spend(e.items.length);
      return e.items.map((i) => evaluate(i, s));
    case 'object':
      return object(e, s);
    case 'variable':
    case 'getattr':
    case 'index':
      return traversal(e, s);
    case 'splat':
      return splat(e, s);
    case 'splatItem':
      return s.lookup(SPLAT_ITEM) ?? null;
    case 'call':
      return call(e, s);
    case 'for':
      return forExpr(e, s);
    case 'conditional':
      return conditional(e, s);
    case 'unary':
      return unary(e, s);
    case 'binary':
      return binary(e, s);
    case 'paren':
      return evaluate(e.inner, s);
  }
}

const unknown = (e: Expr, s: Scope, ...from: IacValue[]): Unknown => unknownOf(s.text(e), from);

function template(e: ExprOf<'template'>, s: Scope, whole = false): IacValue {
  const only = e.parts[0];
  if (e.parts.length === 1 && only?.kind === 'interp') return evaluate(only.expr, s);
  const unknowns: Unknown[] = [];
  const text = templateParts(e.parts, s, unknowns);
  if (unknowns.length === 0) return text;
  return (whole ? jsonWithHoles(text, unknowns) : undefined) ?? unknown(e, s, ...unknowns);
}

/** The template's text, with a hole where an interpolation is unknown (see json-document.ts). */
function templateParts(parts: readonly TemplatePart[], s: Scope, unknowns: Unknown[]): string {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'lit') out += p.value;
    else if (p.kind === 'interp') {
      const v = evaluate(p.expr, s);
      if (isUnknown(v)) {
        out += hole(unknowns.length);
        unknowns.push(v);
      } else out += toStr(v, 'an interpolated value');
    } else if (p.kind === 'if') {
      const c = evaluate(p.cond, s);
      if (isUnknown(c)) {
        out += LOST_TEXT;
        unknowns.push(c);
      } else out += templateParts(toBool(c, 'an %{if} condition') ? p.ifTrue : p.ifFalse, s, unknowns);
    } else {
      const coll = evaluate(p.collection, s);
      if (isUnknown(coll)) {
        out += LOST_TEXT;
        unknowns.push(coll);
      } else {
        const items = entries(coll, 'the %{for} collection');
        spend(items.length);
        for (const [k, v] of items)
          out += templateParts(p.body, s.child(iterationVars(p.keyVar, p.valueVar, k, v)), unknowns);
      }
    }
  }
  return out;
}

function iterationVars(
  keyVar: string | undefined,
  valueVar: string,
  k: IacValue,
  v: IacValue,
): Map<string, IacValue> {
  const vars = new Map<string, IacValue>([[valueVar, v]]);
  if (keyVar !== undefined) vars.set(keyVar, k);
  return vars;
}

/** The literal name of an object key (`{ name = … }`, `{ "name" = … }`), or the evaluated key. */
function objectKey(key: Expr, s: Scope): IacValue {
  if (key.kind === 'variable') return key.name;
  const k = evaluate(key.kind === 'paren' ? key.inner : key, s);
  return isUnknown(k) ? k : toStr(k, 'an object key');
}

function object(e: ExprOf<'object'>, s: Scope): IacValue {
  const out = newObject();
  for (const item of e.items) {
    const k = objectKey(item.key, s);
    if (isUnknown(k)) return unknown(e, s, k);
    out[k as string] = evaluate(item.value, s);
  }
  return out;
}

/** `root.a[0].b`: a local variable, or a reference the module instance resolves. */
function traversal(e: Expr, s: Scope): IacValue {
  const chain: Expr[] = [];
  let root = e;
  while (root.kind === 'getattr' || root.kind === 'index') {
    chain.push(root);
    root = root.target;
  }
  chain.reverse();
  const steps: Step[] = chain.map((n) =>
    n.kind === 'getattr' ? { attr: n.name } : { key: evaluate((n as ExprOf<'index'>).key, s) },
  );
  if (root.kind !== 'variable') return applySteps(evaluate(root, s), steps, e, s);
  const local = s.lookup(root.name);
  if (local !== undefined) return applySteps(local, steps, e, s);
  return s.refs.resolve(root.name, steps, e, s);
}

/** Follows attribute and index steps into a known value; an Unknown on the way makes the result Unknown. */
export function applySteps(value: IacValue, steps: readonly Step[], e: Expr, s: Scope): IacValue {
  let v = value;
  for (const step of steps) {
    if (isUnknown(v)) return unknown(e, s, v);
    if (step.attr !== undefined) v = attribute(v, step.attr);
    else if (isUnknown(step.key)) return unknown(e, s, step.key);
    else v = index(v, step.key);
  }
  return v;
}

function attribute(v: IacValue, name: string): IacValue {
  if (isObject(v) && hasKey(v, name)) return v[name]!;
  if (isObject(v)) throw new EvaluationError(`no attribute "${name}"`);
  throw new EvaluationError(`cannot read attribute "${name}" of a ${typeName(v)}`);
}

function index(v: IacValue, key: IacValue): IacValue {
  if (Array.isArray(v)) {
    const i = toNum(key, 'a list index');
    if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new EvaluationError(`index ${i} out of range`);
    return v[i]!;
  }
  if (isObject(v)) {
    const k = toStr(key, 'a map key');
    if (!hasKey(v, k)) throw new EvaluationError(`no element "${k}"`);
    return v[k]!;
  }
  throw new EvaluationError(`cannot index a ${typeName(v)}`);
}

function splat(e: ExprOf<'splat'>, s: Scope): IacValue {
  const source = evaluate(e.source, s);
  if (isUnknown(source)) return unknown(e, s, source);
  if (source === null) return [];
  const list = Array.isArray(source) ? source : [source];
  spend(list.length);
  return list.map((item) => evaluate(e.each, s.child(new Map([[SPLAT_ITEM, item]]))));
}

function call(e: ExprOf<'call'>, s: Scope): IacValue {
  if (e.name === 'try') return tryCall(e, s);
  if (e.name === 'can') return canCall(e, s);
  const args = e.args.map((a) => evaluate(a, s));
  if (e.expand) {
    const last = args.pop()!;
    if (isUnknown(last)) return unknown(e, s, last, ...args);
    if (!Array.isArray(last)) throw new EvaluationError(`the argument expanded with "..." must be a list`);
    args.push(...last);
  }
  const r = callFunction(e.name, args);
  return r === undefined ? unknown(e, s, ...args) : r;
}

/** `try(a, b, …)`: the first argument that evaluates without error. */
function tryCall(e: ExprOf<'call'>, s: Scope): IacValue {
  for (const a of e.args) {
    try {
      const v = evaluate(a, s);
      // Terraform cannot decide before apply whether an unknown value would fail.
      return isUnknown(v) ? unknown(e, s, v) : v;
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
    }
  }
  throw new EvaluationError('no argument of try() could be evaluated');
}

function canCall(e: ExprOf<'call'>, s: Scope): IacValue {
  if (e.args.length !== 1) throw new EvaluationError('can() takes one argument');
  try {
    const v = evaluate(e.args[0]!, s);
    return isUnknown(v) ? unknown(e, s, v) : true;
  } catch (err) {
    if (!(err instanceof EvaluationError)) throw err;
    return false;
  }
}

function forExpr(e: ExprOf<'for'>, s: Scope): IacValue {
  const coll = evaluate(e.collection, s);
  if (isUnknown(coll)) return unknown(e, s, coll);
  const items = entries(coll, 'the for collection');
  if (items.length > MAX_ITEMS) return unknown(e, s);
  spend(items.length);
  const list: IacValue[] = [];
  const obj = newObject();
  for (const [k, v] of items) {
    const inner = s.child(iterationVars(e.keyVar, e.valueVar, k, v));
    if (e.cond) {
      const c = evaluate(e.cond, inner);
      if (isUnknown(c)) return unknown(e, s, c);
      if (!toBool(c, 'the for condition')) continue;
    }
    const value = evaluate(e.value, inner);
    if (!e.key) {
      list.push(value);
      continue;
    }
    const key = evaluate(e.key, inner);
    if (isUnknown(key)) return unknown(e, s, key);
    const name = toStr(key, 'a for key');
    if (e.group) groupInto(obj, name, value);
    else if (hasKey(obj, name))
      throw new EvaluationError(`duplicate key "${name}" in for expression (use "..." to group)`);
    else obj[name] = value;
  }
  return e.key ? obj : list;
}

function conditional(e: ExprOf<'conditional'>, s: Scope): IacValue {
  const c = evaluate(e.cond, s);
  if (!isUnknown(c)) return evaluate(toBool(c, 'the condition') ? e.ifTrue : e.ifFalse, s);
  // Either branch may be taken: the Unknown refers to what both refer to.
  const branches = [e.ifTrue, e.ifFalse].map((b) => {
    try {
      return evaluate(b, s);
    } catch {
      return null;
    }
  });
  return unknown(e, s, c, ...branches);
}

function unary(e: ExprOf<'unary'>, s: Scope): IacValue {
  const v = evaluate(e.operand, s);
  if (isUnknown(v)) return unknown(e, s, v);
  return e.op === '-' ? -toNum(v, 'the operand of "-"') : !toBool(v, 'the operand of "!"');
}

function binary(e: ExprOf<'binary'>, s: Scope): IacValue {
  const l = evaluate(e.left, s);
  if (e.op === '&&' || e.op === '||') return logic(e, s, l);
  const r = evaluate(e.right, s);
  if (e.op === '==' || e.op === '!=') {
    if (hasUnknown(l) || hasUnknown(r)) return unknown(e, s, l, r);
    return deepEqual(l, r) === (e.op === '==');
  }
  if (isUnknown(l) || isUnknown(r)) return unknown(e, s, l, r);
  const a = toNum(l, `the left operand of "${e.op}"`);
  const b = toNum(r, `the right operand of "${e.op}"`);
  switch (e.op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvaluationError('division by zero');
      return a / b;
    default:
      if (b === 0) throw new EvaluationError('modulo by zero');
      return a % b;
  }
}

/** `&&` and `||` decide from a known left operand alone, so `x != null && x.y` works. */
function logic(e: ExprOf<'binary'>, s: Scope, l: IacValue): IacValue {
  const and = e.op === '&&';
  if (!isUnknown(l) && toBool(l, `the left operand of "${e.op}"`) !== and) return !and;
  const r = evaluate(e.right, s);
  if (isUnknown(l) || isUnknown(r)) {
    if (!isUnknown(r) && toBool(r, `the right operand of "${e.op}"`) !== and) return !and;
    return unknown(e, s, l, r);
  }
  return toBool(r, `the right operand of "${e.op}"`);
}
