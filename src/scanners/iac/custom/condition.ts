import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import { UserError } from '../../../core/errors.js';
import { position } from '../../../policy/cel.js';
import { type IacResource, type IacValue, isUnknown, Unknown } from '../model.js';

/** Bounds a condition from a file in the repository: a typo must not hang the scan. */
const LIMITS = { maxAstNodes: 2000, maxDepth: 50, maxListElements: 500 };

let environment: Environment | undefined;

function celEnvironment(): Environment {
  environment ??= new Environment({ limits: LIMITS, homogeneousAggregateLiterals: false })
    .registerType('Unknown', Unknown)
    .registerVariable('resource', 'map')
    .registerVariable('address', 'string')
    .registerVariable('name', 'string')
    .registerVariable('resourceType', 'string')
    .registerVariable('path', 'string');
  return environment;
}

/** true: a violation; false: none; undefined: the answer depends on a value known only at apply time. */
export type Verdict = boolean | undefined;

export interface CompiledCondition {
  source: string;
  test(resource: IacResource): Verdict;
}

export function compileCondition(source: string, where: string): CompiledCondition {
  let program: ParseResult;
  try {
    program = celEnvironment().parse(source);
  } catch (e) {
    const range = (e as { range?: { start: number } }).range;
    const at = range ? ` at ${position(source, range.start)}` : '';
    throw new UserError(`${where}: syntax error${at}: ${firstLine(e)}`, CEL_HINT);
  }
  const checked = program.check();
  if (!checked.valid) throw new UserError(`${where}: ${firstLine(checked.error)}`, CEL_HINT);
  if (checked.type !== 'bool' && checked.type !== 'dyn')
    throw new UserError(`${where}: must be true or false, but gives a ${checked.type}`, CEL_HINT);
  return { source, test: (r) => run(program, r, where) };
}

const CEL_HINT =
  'the condition is CEL over resource (its attributes), address, name, resourceType and path, e.g. !has(resource.tags.owner)';

function run(program: ParseResult, r: IacResource, where: string): Verdict {
  const seen = { unknown: false };
  let value: unknown;
  try {
    value = program({
      resource: watch(celValue(r.value), seen),
      address: r.address,
      name: r.name,
      resourceType: r.type,
      path: r.path,
    });
  } catch (e) {
    if (seen.unknown) return undefined;
    throw new Error(`${where}: cannot evaluate on ${r.address}: ${firstLine(e)}`);
  }
  if (seen.unknown) return undefined;
  if (typeof value !== 'boolean') throw new Error(`${where}: gave a non-boolean value on ${r.address}`);
  return value;
}

/** CEL's int is a BigInt; attribute numbers that are whole become ints so `resource.port == 22` holds. */
function celValue(v: IacValue): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (v === null || typeof v !== 'object' || isUnknown(v)) return v;
  if (Array.isArray(v)) return v.map(celValue);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, celValue(x)]));
}

/**
 * Records whether evaluation read a value known only at apply time: then the verdict is
 * "unknown" and no finding is raised, whatever CEL computed from it.
 */
function watch(v: unknown, seen: { unknown: boolean }): unknown {
  if (isUnknown(v)) {
    seen.unknown = true;
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  return new Proxy(v, {
    get(target, key, receiver) {
      const x = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return x;
      if (isUnknown(x)) seen.unknown = true;
      return x !== null && typeof x === 'object' ? watch(x, seen) : x;
    },
  });
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0] ?? m;
}
