import {
  type ConditionTest,
  knownString,
  type Policy,
  type PrincipalEntry,
  parseEffect,
  parseField,
  type Statement,
} from '../../iam/index.js';
import { get, type IacObject, type IacValue, isUnknown, type KeyPath } from '../../model.js';

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

/** Blocks with their paths: `statement { }` twice is `statement: [{…}, {…}]`. */
function blockList(value: IacValue | undefined, key: string, at: KeyPath): [IacObject, KeyPath][] {
  const raw = get(value, [key]);
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((b, i) => (isObject(b) ? [[b, [...at, key, i]] as [IacObject, KeyPath]] : []));
}

/** `principals { type = "AWS" identifiers = ["*"] }`; type `*` is `"Principal": "*"`. */
function principalsOf(b: IacObject, key: string, at: KeyPath): Statement['principal'] {
  const found = blockList(b, key, at);
  if (found.length === 0) return undefined;
  const entries: PrincipalEntry[] = found.flatMap(([p, path]) => {
    const type = knownString(p.type) ?? '?';
    const ids = parseField(p.identifiers, [...path, 'identifiers'])?.items ?? [];
    return ids.map((item) => ({ type, ...item }));
  });
  return { entries, at: [...at, key] };
}

/** `condition { test variable values }`; an unknown test or variable makes the whole block unknown. */
function conditionsOf(b: IacObject, at: KeyPath): ConditionTest[] | null {
  const out: ConditionTest[] = [];
  for (const [c] of blockList(b, 'condition', at)) {
    const operator = knownString(c.test);
    const key = knownString(c.variable);
    if (operator === null || key === null) return null;
    const values = Array.isArray(c.values) ? c.values : [c.values ?? null];
    out.push({ operator, key, values: values.map((v) => knownString(v)) });
  }
  return out;
}

function statementOf(b: IacObject, index: number, at: KeyPath): Statement {
  const field = (k: string) => parseField(b[k], [...at, k]);
  const s: Statement = {
    index,
    // The data source's own default.
    effect: b.effect === undefined ? 'Allow' : parseEffect(b.effect),
    action: field('actions'),
    notAction: field('not_actions'),
    resource: field('resources'),
    notResource: field('not_resources'),
    principal: principalsOf(b, 'principals', at),
    notPrincipal: principalsOf(b, 'not_principals', at),
    conditions: conditionsOf(b, at),
    at,
  };
  const sid = knownString(b.sid);
  if (sid) s.sid = sid;
  return s;
}

/** The statements of a `data "aws_iam_policy_document"`, with the paths of its own blocks. */
export function policyDocument(value: IacObject): Policy {
  return {
    statements: blockList(value, 'statement', []).map(([b, at]) => statementOf(b, at[1] as number, at)),
  };
}
