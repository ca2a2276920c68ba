import { type IacObject, type IacValue, isUnknown, Unknown } from '../../model.js';

/** What a template declares that intrinsic functions can refer to. */
export interface TemplateScope {
  /** Parameter defaults; `undefined` for a parameter without one (known only at deploy time). */
  parameters: ReadonlyMap<string, IacValue | undefined>;
  resources: ReadonlySet<string>;
  mappings: IacObject;
}

/**
 * `!Ref AWS::NoValue` removes the property it is assigned to. A private sentinel, compared by
 * identity, carries that through the resolution until the enclosing map or list drops it.
 */
const NO_VALUE = new Unknown('AWS::NoValue');

type Handler = (arg: IacValue, scope: TemplateScope) => IacValue;

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

/** Addresses (logical ids) every unknown inside `v` refers to. */
function refsIn(v: IacValue, into = new Set<string>()): string[] {
  if (isUnknown(v)) for (const r of v.refs) into.add(r);
  else if (Array.isArray(v)) for (const x of v) refsIn(x, into);
  else if (isObject(v)) for (const x of Object.values(v)) refsIn(x, into);
  return [...into];
}

const unknown = (expr: string, ...from: IacValue[]) => new Unknown(expr, refsIn(from));

/** The handler and argument of an intrinsic function call (`{Ref: X}`, `{'Fn::Sub': …}`). */
function intrinsic(v: IacObject): [Handler, IacValue] | undefined {
  const keys = Object.keys(v);
  const fn = keys[0];
  if (keys.length !== 1 || fn === undefined) return undefined;
  if (fn === 'Ref') return [ref, v[fn]!];
  return fn.startsWith('Fn::') ? [fnHandler(fn), v[fn]!] : undefined;
}

/** Resolves every intrinsic function in `v` that can be known before deployment. */
export function resolve(v: IacValue, scope: TemplateScope): IacValue {
  if (Array.isArray(v)) return v.map((x) => resolve(x, scope)).filter((x) => x !== NO_VALUE);
  if (!isObject(v)) return v;
  const call = intrinsic(v);
  if (call) return call[0](call[1], scope);
  const out: IacObject = {};
  for (const [k, x] of Object.entries(v)) {
    const r = resolve(x, scope);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

function parameterValue(name: string, scope: TemplateScope): IacValue {
  const def = scope.parameters.get(name);
  return def === undefined ? new Unknown(`!Ref ${name}`) : def;
}

function ref(arg: IacValue, scope: TemplateScope): IacValue {
  if (typeof arg !== 'string') return unknown('!Ref', resolve(arg, scope));
  if (arg === 'AWS::NoValue') return NO_VALUE;
  if (scope.parameters.has(arg)) return parameterValue(arg, scope);
  return new Unknown(`!Ref ${arg}`, scope.resources.has(arg) ? [arg] : []);
}

function getAtt(arg: IacValue, scope: TemplateScope): IacValue {
  const parts = typeof arg === 'string' ? arg.split('.') : Array.isArray(arg) ? arg : [];
  const id = typeof parts[0] === 'string' ? parts[0] : '';
  const expr = `!GetAtt ${parts.filter((p) => typeof p === 'string').join('.')}`;
  return new Unknown(expr, scope.resources.has(id) ? [id] : []);
}

/** A `${Name}` of `!Sub`: its variables first, then parameters, pseudo parameters, resources and attributes. */
function subVariable(name: string, vars: IacObject, scope: TemplateScope): IacValue {
  if (name in vars) return vars[name]!;
  if (name.includes('.')) return getAtt(name, scope);
  return ref(name, scope);
}

function sub(arg: IacValue, scope: TemplateScope): IacValue {
  const [template, rawVars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
  if (typeof template !== 'string') return unknown('!Sub', resolve(arg, scope));
  const vars = resolve(rawVars ?? {}, scope);
  const varMap = isObject(vars) ? vars : {};
  const unresolved: IacValue[] = [];
  const text = template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const v = subVariable(name.trim(), varMap, scope);
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    unresolved.push(v);
    return whole;
  });
  return unresolved.length === 0 ? text : unknown(`!Sub '${template}'`, ...unresolved);
}

const scalarString = (v: IacValue): string | undefined =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function join(arg: IacValue, scope: TemplateScope): IacValue {
  const r = resolve(arg, scope);
  if (!Array.isArray(r) || typeof r[0] !== 'string' || !Array.isArray(r[1])) return unknown('!Join', r);
  const parts = r[1].map(scalarString);
  return parts.every((p) => p !== undefined) ? parts.join(r[0]) : unknown('!Join', r);
}

function select(arg: IacValue, scope: TemplateScope): IacValue {
  const r = resolve(arg, scope);
  if (!Array.isArray(r) || !Array.isArray(r[1])) return unknown('!Select', r);
  const index = Number(r[0]);
  const item = Number.isInteger(index) ? r[1][index] : undefined;
  return item === undefined || isUnknown(item) ? unknown('!Select', r) : item;
}

function split(arg: IacValue, scope: TemplateScope): IacValue {
  const r = resolve(arg, scope);
  if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || r[0] === '')
    return unknown('!Split', r);
  return r[1].split(r[0]);
}

/** Conditions depend on deployment parameters: only branches that agree give a known value. */
function fnIf(arg: IacValue, scope: TemplateScope): IacValue {
  if (!Array.isArray(arg) || arg.length !== 3) return unknown('!If', resolve(arg, scope));
  const a = resolve(arg[1]!, scope);
  const b = resolve(arg[2]!, scope);
  if (a === b || JSON.stringify(a) === JSON.stringify(b)) return a;
  return unknown(
    `!If ${scalarString(arg[0]!) ?? ''}`.trim(),
    a === NO_VALUE ? null : a,
    b === NO_VALUE ? null : b,
  );
}

function findInMap(arg: IacValue, scope: TemplateScope): IacValue {
  const r = resolve(arg, scope);
  if (!Array.isArray(r) || r.length < 3) return unknown('!FindInMap', r);
  const [map, top, second] = r.map(scalarString);
  const value = map && top && second ? (scope.mappings[map] as IacObject | undefined)?.[top] : undefined;
  const found = isObject(value) && second ? value[second] : undefined;
  return found === undefined ? unknown('!FindInMap', r) : found;
}

function base64(arg: IacValue, scope: TemplateScope): IacValue {
  const r = resolve(arg, scope);
  return typeof r === 'string' ? Buffer.from(r, 'utf8').toString('base64') : unknown('!Base64', r);
}

const HANDLERS: Record<string, Handler> = {
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::If': fnIf,
  'Fn::FindInMap': findInMap,
  'Fn::Base64': base64,
};

/** ImportValue, GetAZs, Cidr, Transform and any function added later: known only at deploy time. */
function fnHandler(fn: string): Handler {
  return HANDLERS[fn] ?? ((arg, scope) => unknown(`!${fn.slice('Fn::'.length)}`, resolve(arg, scope)));
}
