import { blocks, type IacResource, type IacValue, isUnknown, type KeyPath } from '../../model.js';
import type { RuleContext } from '../../rule.js';
import { strings } from './values.js';

/** One role granted to one principal by an IAM resource. */
export interface Grant {
  role: IacValue | undefined;
  member: string;
  at: KeyPath;
}

/** Principals meaning "anyone on the internet" and "anyone with a Google account". */
export const PUBLIC_PRINCIPALS = new Set(['allusers', 'allauthenticatedusers']);
export const isPublic = (member: string): boolean => PUBLIC_PRINCIPALS.has(member.trim().toLowerCase());

/** The bindings of a `google_iam_policy` data source, or of a literal policy JSON. */
function policyBindings(
  policy: IacValue | undefined,
  ctx: RuleContext,
): { role: IacValue; members: IacValue }[] {
  if (isUnknown(policy)) {
    const source = ctx.ofType('google_iam_policy').find((d) => policy.refs.includes(d.address));
    return source
      ? blocks(source.value, 'binding').map((b) => ({ role: b.role ?? null, members: b.members ?? null }))
      : [];
  }
  if (typeof policy !== 'string') return [];
  try {
    const parsed = JSON.parse(policy) as { bindings?: { role?: string; members?: string[] }[] };
    return (parsed.bindings ?? []).map((b) => ({ role: b.role ?? null, members: b.members ?? null }));
  } catch {
    return [];
  }
}

/**
 * Every grant an `*_iam_member` (`member`), `*_iam_binding` (`members`) or `*_iam_policy` (`policy_data`)
 * resource makes. Grants from a policy point at `policy_data`.
 */
export function grants(r: IacResource, ctx: RuleContext): Grant[] {
  const { role, member, members, policy_data: policy } = r.value;
  const out: Grant[] = [];
  if (typeof member === 'string') out.push({ role, member, at: ['member'] });
  for (const m of strings(members))
    out.push({ role, member: m.value, at: m.index === undefined ? ['members'] : ['members', m.index] });
  for (const b of policyBindings(policy, ctx))
    for (const m of strings(b.members)) out.push({ role: b.role, member: m.value, at: ['policy_data'] });
  return out;
}

/** A role for messages: unknown roles read as "a role". */
export const roleName = (role: IacValue | undefined): string => (typeof role === 'string' ? role : 'a role');

/** The IAM resource types (`_member`, `_binding`, `_policy`) of a GCP resource family. */
export const iamTypes = (prefix: string): string[] =>
  ['member', 'binding', 'policy'].map((s) => `${prefix}_iam_${s}`);
