import type { ConditionTest, Statement } from './policy.js';

/**
 * Global condition keys that narrow who can use a grant to a known account, organisation,
 * network or calling resource (IAM User Guide, "AWS global condition context keys").
 */
export const NARROWING_KEYS = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOwner',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceIp',
  'aws:userid',
  'aws:username',
  'kms:CallerAccount',
  'kms:ViaService',
];

const NARROWING = new Set(NARROWING_KEYS.map((k) => k.toLowerCase()));

/**
 * Operators that only let matching requests through. Negated operators (`StringNotEquals`) let
 * everyone else through, `...IfExists` lets requests without the key through, `Null` tests presence.
 */
export function isPositiveOperator(operator: string): boolean {
  const op = operator.replace(/^For(All|Any)Values:/i, '');
  if (/IfExists$/i.test(op) || /^Null$/i.test(op) || /Not/i.test(op)) return false;
  return /^(String|Arn|IpAddress|Bool|Numeric|Date|BinaryEquals)/i.test(op);
}

/** A value that matches anything (`*`, any `/0` range) narrows nothing; an unknown one could. */
const matchesAnything = (v: string | null): boolean => v !== null && /^(\*+|[0-9a-f.:]*\/0)$/i.test(v.trim());

/** A test that admits only requests with a specific value of `key`. */
export function narrows(t: ConditionTest): boolean {
  return isPositiveOperator(t.operator) && t.values.length > 0 && !t.values.every(matchesAnything);
}

/**
 * Whether the statement's Condition limits who can use it to a known account, organisation,
 * network or source. An unknown Condition block could, so it counts as limiting.
 */
export function isNarrowedByCondition(s: Statement): boolean {
  if (s.conditions === null) return true;
  return s.conditions.some((t) => NARROWING.has(t.key.toLowerCase()) && narrows(t));
}
