import { type IacObject, type IacValue, isUnknown, type Key, type Positions } from '../../model.js';
import type { Block, Body, Expr } from '../hcl/index.js';
import { evaluateAttribute } from './evaluate.js';
import { expansionItems } from './expand.js';
import { attributeOf } from './module.js';
import type { Scope } from './scope.js';
import { isObject, newObject, unknownOf } from './values.js';

/**
 * A block body as a value: attributes evaluated (null ones left out, as Terraform does),
 * nested blocks as arrays of objects under their type (`dynamic` blocks expanded), and the
 * line of everything recorded in `pos`.
 */
export function evaluateBody(
  body: Body,
  scope: Scope,
  path: readonly Key[],
  pos: Positions,
  skip?: ReadonlySet<string>,
): IacObject {
  const out = newObject();
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (skip?.has(item.name)) continue;
      const at = [...path, item.name];
      const v = evaluateAttribute(item.expr, scope);
      // `x = null` is how Terraform says "not set": the attribute is missing, its default applies.
      if (v !== null) out[item.name] = v;
      pos.set(at, item.line);
      recordPositions(item.expr, v, at, pos);
    } else if (item.type === 'dynamic') dynamicBlock(item, scope, out, path, pos);
    else {
      const list = blockList(out, item.type);
      const at = [...path, item.type, list.length];
      if (list.length === 0) pos.set([...path, item.type], item.line);
      pos.set(at, item.line);
      list.push(evaluateBody(item.body, scope, at, pos));
    }
  }
  return out;
}

/** The array of blocks of `type` in `out`, created (or taking over an Unknown from a dynamic block) as needed. */
function blockList(out: IacObject, type: string): IacValue[] {
  const current = out[type];
  if (Array.isArray(current)) return current;
  const list: IacValue[] = current !== undefined && isUnknown(current) ? [current] : [];
  out[type] = list;
  return list;
}

/**
 * `dynamic "ingress" { for_each = …; iterator = rule; content { … } }`: one `ingress` block per
 * element. When the collection is not known, the blocks are Unknown: with no static block of
 * the type the attribute itself is Unknown (a rule cannot tell it is missing).
 */
function dynamicBlock(
  block: Block,
  scope: Scope,
  out: IacObject,
  path: readonly Key[],
  pos: Positions,
): void {
  const type = block.labels[0];
  const content = block.body.items.find((i): i is Block => i.kind === 'block' && i.type === 'content');
  const forEach = attributeOf(block.body, 'for_each');
  if (type === undefined || !content || !forEach) return;
  const iterator = attributeOf(block.body, 'iterator')?.expr;
  // `iterator = rule`; in JSON syntax, `"iterator": "rule"`.
  const name =
    iterator?.kind === 'variable'
      ? iterator.name
      : iterator?.kind === 'literal' && typeof iterator.value === 'string'
        ? iterator.value
        : type;
  const coll = evaluateAttribute(forEach.expr, scope);
  const items = expansionItems(coll, false);
  if (out[type] === undefined) pos.set([...path, type], block.line);
  if (items === undefined) {
    const unknown = isUnknown(coll) ? coll : unknownOf(scope.text(forEach.expr));
    if (out[type] === undefined) out[type] = unknown;
    else blockList(out, type).push(unknown);
    return;
  }
  for (const [key, value] of items) {
    const list = blockList(out, type);
    const at = [...path, type, list.length];
    pos.set(at, block.line);
    const it = newObject();
    it.key = key;
    it.value = value;
    list.push(evaluateBody(content.body, scope.child(new Map([[name, it]])), at, pos));
  }
}

/** The key an object constructor item gives without evaluation (`name =`, `"name" =`), if any. */
function staticKey(key: Expr): string | undefined {
  if (key.kind === 'variable') return key.name;
  if (key.kind === 'literal' && key.value !== null) return String(key.value);
  return undefined;
}

/**
 * Lines of list items and object keys written in place (`tags = { Name = "x" }`). A value
 * that came from elsewhere (a variable, a function) keeps the line of its attribute.
 */
function recordPositions(e: Expr, v: IacValue, path: readonly Key[], pos: Positions): void {
  if (e.kind === 'paren') recordPositions(e.inner, v, path, pos);
  else if (e.kind === 'tuple' && Array.isArray(v) && v.length === e.items.length)
    e.items.forEach((item, i) => {
      pos.set([...path, i], item.line);
      recordPositions(item, v[i]!, [...path, i], pos);
    });
  else if (e.kind === 'object' && isObject(v))
    for (const item of e.items) {
      const k = staticKey(item.key);
      if (k === undefined || !Object.hasOwn(v, k)) continue;
      pos.set([...path, k], item.line);
      recordPositions(item.value, v[k]!, [...path, k], pos);
    }
}
