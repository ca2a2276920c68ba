import type { PrincipalEntry } from './policy.js';

/** `"Principal": "*"` or `{"AWS": "*"}`: anyone, signed in to any account or not. */
export const isAnyone = (e: PrincipalEntry): boolean =>
  (e.type === '*' || /^aws$/i.test(e.type)) && e.value !== null && e.value.trim() === '*';

/** `arn:aws:iam::*:root` and the like: any principal of any account. */
const ANY_ACCOUNT_ARN = /^arn:[\w-]+:iam::\*:/i;

export const isAnyAccount = (e: PrincipalEntry): boolean =>
  isAnyone(e) || (/^aws$/i.test(e.type) && e.value !== null && ANY_ACCOUNT_ARN.test(e.value.trim()));

export const isFederated = (e: PrincipalEntry): boolean => /^federated$/i.test(e.type);
