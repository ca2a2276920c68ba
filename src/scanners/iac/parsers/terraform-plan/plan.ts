import {
  type IacObject,
  type IacResource,
  type IacValue,
  type Key,
  Positions,
  Unknown,
} from '../../model.js';
import type { SourceFile } from '../parser.js';
import type { JsonWithLines, Where } from './json-lines.js';

const isObj = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);

const list = (v: IacValue | undefined): IacValue[] => (Array.isArray(v) ? v : []);

/** References a plan records for an attribute that name resources (not `var.`, `local.`...). */
const NOT_RESOURCES = /^(var|local|each|count|path|terraform|self)\./;

/** `module.a[0].aws_s3_bucket.b["x"]` → `module.a.aws_s3_bucket.b`: how the configuration section names it. */
const configAddress = (address: string) => address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');

/** Every `references` list under a configuration expression, prefixed with the module path. */
function referencesIn(v: IacValue | undefined, modulePath: string, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) referencesIn(x, modulePath, out);
  else if (isObj(v))
    for (const [k, x] of Object.entries(v)) {
      if (k === 'references' && Array.isArray(x)) {
        for (const r of x) if (typeof r === 'string' && !NOT_RESOURCES.test(r)) out.add(modulePath + r);
      } else referencesIn(x, modulePath, out);
    }
}

/**
 * A `terraform show -json` plan as resources: `planned_values` (module tree), values as the
 * plan gives them, Unknown where `after_unknown` says the value is only known after apply
 * (with the references the configuration section records for that attribute).
 */
export class PlanReader {
  private readonly changes = new Map<string, IacObject>();
  private readonly expressions = new Map<string, IacObject>();
  readonly resources: IacResource[] = [];

  constructor(
    private readonly file: SourceFile,
    private readonly json: JsonWithLines,
  ) {
    const plan = isObj(json.value) ? json.value : (Object.create(null) as IacObject);
    for (const c of list(plan.resource_changes))
      if (isObj(c) && typeof c.address === 'string' && isObj(c.change)) this.changes.set(c.address, c.change);
    const config = isObj(plan.configuration) ? plan.configuration : undefined;
    if (isObj(config?.root_module)) this.configModule(config.root_module, '', 0);
    const planned = isObj(plan.planned_values) ? plan.planned_values : undefined;
    if (isObj(planned?.root_module)) this.plannedModule(planned.root_module, 0);
    else this.fromChanges(plan);
    if (isObj(config?.provider_config)) this.providers(config.provider_config);
  }

  private where(o: object): Where | undefined {
    return this.json.where.get(o);
  }

  private configModule(m: IacObject, prefix: string, depth: number): void {
    if (depth > 64) return;
    for (const r of list(m.resources))
      if (isObj(r) && typeof r.address === 'string' && isObj(r.expressions))
        this.expressions.set(prefix + r.address, r.expressions);
    if (isObj(m.module_calls))
      for (const [name, call] of Object.entries(m.module_calls))
        if (isObj(call) && isObj(call.module))
          this.configModule(call.module, `${prefix}module.${name}.`, depth + 1);
  }

  private plannedModule(m: IacObject, depth: number): void {
    if (depth > 64) return;
    for (const r of list(m.resources)) if (isObj(r)) this.add(r, r.values);
    for (const c of list(m.child_modules)) if (isObj(c)) this.plannedModule(c, depth + 1);
  }

  /** A plan without planned_values: the `after` state of each change that does not delete. */
  private fromChanges(plan: IacObject): void {
    for (const c of list(plan.resource_changes)) {
      if (!isObj(c) || !isObj(c.change)) continue;
      if (list(c.change.actions).every((a) => a === 'delete')) continue;
      this.add(c, c.change.after);
    }
  }

  private add(r: IacObject, values: IacValue | undefined): void {
    const { address, type, name } = r;
    if (typeof address !== 'string' || typeof type !== 'string') return;
    const where = this.where(r);
    const line = where?.line ?? 1;
    const positions = new Positions();
    const value: IacObject = isObj(values) ? values : Object.create(null);
    if (isObj(values)) this.record(values, [], positions, 0);
    dropNulls(value, 0);
    const unknown = this.changes.get(address)?.after_unknown;
    if (isObj(unknown)) this.overlayUnknown(value, unknown, address);
    this.resources.push({
      platform: 'terraform',
      type,
      kind: r.mode === 'data' ? 'data' : 'resource',
      name: typeof name === 'string' ? name : address,
      address,
      path: this.file.path,
      line,
      endLine: where?.endLine ?? line,
      value,
      positions,
    });
  }

  /** Lines of every key and item under `v`, by path. */
  private record(v: IacValue, path: readonly Key[], pos: Positions, depth: number): void {
    if (typeof v !== 'object' || v === null || depth > 64) return;
    const where = this.where(v);
    if (!where) return;
    for (const [k, line] of where.lines) {
      const at = [...path, k];
      pos.set(at, line);
      this.record((v as Record<string | number, IacValue>)[k]!, at, pos, depth + 1);
    }
  }

  /** `after_unknown` mirrors the values with `true` where a value is known only after apply. */
  private overlayUnknown(value: IacObject, unknown: IacObject, address: string): void {
    const config = configAddress(address);
    const modulePath = /^(module\.[^.]+\.)*/.exec(config)![0];
    const exprs = this.expressions.get(config);
    for (const [k, u] of Object.entries(unknown)) {
      const refs = new Set<string>();
      referencesIn(exprs?.[k], modulePath, refs);
      const r = overlay(value[k], u, `${address}.${k}`, [...refs], 0);
      if (r !== undefined) value[k] = r;
    }
  }

  private providers(config: IacObject): void {
    for (const p of Object.values(config)) {
      if (!isObj(p) || typeof p.name !== 'string') continue;
      const where = this.where(p);
      const module = typeof p.module_address === 'string' ? `${p.module_address}.` : '';
      const alias = typeof p.alias === 'string' ? p.alias : undefined;
      const address = `${module}provider.${p.name}${alias ? `.${alias}` : ''}`;
      const value = Object.create(null) as IacObject;
      const positions = new Positions();
      if (isObj(p.expressions)) {
        const lines = this.where(p.expressions)?.lines;
        for (const [attr, e] of Object.entries(p.expressions)) {
          value[attr] = expressionValue(e, `${address}.${attr}`, module);
          const line = lines?.get(attr);
          if (line !== undefined) positions.set([attr], line);
        }
      }
      this.resources.push({
        platform: 'terraform',
        type: p.name,
        kind: 'provider',
        name: alias ?? p.name,
        address,
        path: this.file.path,
        line: where?.line ?? 1,
        endLine: where?.endLine ?? 1,
        value,
        positions,
      });
    }
  }
}

/**
 * Plans write unset attributes as `null`; the configuration leaves them out. Dropping them
 * gives rules one shape: a missing attribute, whose default applies.
 */
function dropNulls(v: IacValue, depth: number): void {
  if (depth > 64 || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) for (const x of v) dropNulls(x, depth + 1);
  else if (isObj(v))
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else dropNulls(v[k]!, depth + 1);
    }
}

/** `v` with Unknowns where `u` says `true`; keys absent from both stay absent (undefined). */
function overlay(
  v: IacValue | undefined,
  u: IacValue,
  expr: string,
  refs: string[],
  depth: number,
): IacValue | undefined {
  if (u === true) return new Unknown(expr, refs);
  if (depth > 64) return v;
  if (Array.isArray(u) && Array.isArray(v))
    return v.map((x, i) => (i < u.length ? (overlay(x, u[i]!, `${expr}[${i}]`, refs, depth + 1) ?? x) : x));
  if (isObj(u) && isObj(v)) setUnknowns(v, u, expr, refs, depth + 1);
  return v;
}

function setUnknowns(v: IacObject, u: IacObject, expr: string, refs: string[], depth: number): void {
  for (const [k, x] of Object.entries(u)) {
    const r = overlay(v[k], x, `${expr}.${k}`, refs, depth);
    if (r !== undefined) v[k] = r;
  }
}

/**
 * A configuration expression as a value: its constant, an Unknown naming what it references,
 * or (a nested block: a list of objects of expressions) the same for each attribute.
 */
function expressionValue(e: IacValue, expr: string, modulePath: string, depth = 0): IacValue {
  if (Array.isArray(e) && depth < 32)
    return e.map((b, i) => expressionValue(b, `${expr}[${i}]`, modulePath, depth + 1));
  if (isObj(e) && 'constant_value' in e) return e.constant_value!;
  if (isObj(e) && !('references' in e) && depth < 32) {
    const out = Object.create(null) as IacObject;
    for (const [k, x] of Object.entries(e))
      out[k] = expressionValue(x, `${expr}.${k}`, modulePath, depth + 1);
    return out;
  }
  const refs = new Set<string>();
  referencesIn(e, modulePath, refs);
  return new Unknown(expr, [...refs]);
}
