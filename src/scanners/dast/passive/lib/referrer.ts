import type { PassiveContext } from '../../types.js';

const POLICIES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);

/** Legacy `<meta name="referrer">` keywords, mapped as the HTML standard does. */
const LEGACY: Record<string, string> = {
  never: 'no-referrer',
  default: 'strict-origin-when-cross-origin',
  always: 'unsafe-url',
  'origin-when-crossorigin': 'origin-when-cross-origin',
};

export interface ReferrerPolicy {
  policy: string;
  source: 'header' | 'meta';
  raw: string;
}

/**
 * The policy a browser applies: the last recognised token of the header (unknown tokens are
 * skipped, which is how sites list a fallback first), overridden by a `<meta name="referrer">`.
 */
export function effectiveReferrerPolicy(ctx: PassiveContext): ReferrerPolicy | undefined {
  let found: ReferrerPolicy | undefined;
  const header = ctx.headers('referrer-policy').join(',');
  for (const token of header.split(',')) {
    const t = token.trim().toLowerCase();
    if (POLICIES.has(t)) found = { policy: t, source: 'header', raw: header };
  }
  const meta = ctx.page()?.meta.referrer?.trim().toLowerCase();
  if (meta) {
    const policy = LEGACY[meta] ?? meta;
    if (POLICIES.has(policy)) found = { policy, source: 'meta', raw: meta };
  }
  return found;
}
