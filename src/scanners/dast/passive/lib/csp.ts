import type { PassiveContext } from '../../types.js';

/** Directive name (lower case) to its source expressions (lower case). */
export type Policy = Map<string, string[]>;

const MAX_POLICIES = 20;

/**
 * Parses one serialized policy as CSP3 does: directives split on `;`, names compared case-
 * insensitively, a repeated directive ignored after its first occurrence, junk skipped.
 */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const tokens = part
      .trim()
      .split(/[\t\n\f\r ]+/)
      .filter(Boolean);
    const name = tokens[0]?.toLowerCase();
    if (!name || !/^[a-z0-9-]+$/.test(name) || policy.has(name)) continue;
    policy.set(
      name,
      tokens.slice(1).map((t) => t.toLowerCase()),
    );
  }
  return policy;
}

/** A header's values, each possibly holding several comma-separated policies. */
function policiesOf(values: readonly string[]): Policy[] {
  const out: Policy[] = [];
  for (const value of values)
    for (const serialized of value.split(',')) {
      if (out.length >= MAX_POLICIES) return out;
      const policy = parsePolicy(serialized);
      if (policy.size > 0) out.push(policy);
    }
  return out;
}

/** Enforced policies from the response header (Report-Only ones enforce nothing). */
export function headerPolicies(ctx: PassiveContext): Policy[] {
  return policiesOf(ctx.headers('content-security-policy'));
}

/** Header policies plus a `<meta http-equiv>` one, which browsers enforce as well. */
export function enforcedPolicies(ctx: PassiveContext): Policy[] {
  const meta = ctx.page()?.meta['content-security-policy'];
  return [...headerPolicies(ctx), ...(meta ? policiesOf([meta]) : [])];
}

/** The sources scripts are checked against: script-src, else default-src, else none (unrestricted). */
export function scriptSources(policy: Policy): string[] | undefined {
  return policy.get('script-src') ?? policy.get('default-src');
}

export function scriptDirectiveName(policy: Policy): string {
  return policy.has('script-src') ? 'script-src' : 'default-src';
}

export function hasNonceOrHash(sources: readonly string[]): boolean {
  return sources.some((s) => /^'(?:nonce|sha256|sha384|sha512)-/.test(s));
}

/** 'strict-dynamic' makes CSP3 browsers ignore host and scheme sources and 'unsafe-inline'. */
export function hasStrictDynamic(sources: readonly string[]): boolean {
  return sources.includes("'strict-dynamic'");
}

export function serialize(policy: Policy, directive: string): string {
  return `${directive} ${(policy.get(directive) ?? []).join(' ')}`.trim();
}
