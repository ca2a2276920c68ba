import type { CheckId, IamCheck } from './check.js';
import { allowNot, serviceWildcard, wildcardAction, wildcardResource } from './checks/actions.js';
import { privilegeEscalation } from './checks/escalation.js';
import { oidcTrustUnrestricted } from './checks/oidc.js';
import { publicPrincipal, trustAnyAccount } from './checks/principals.js';

export type { CheckId, IamCheck, IamIssue } from './check.js';
export { inferKind } from './kind.js';
export { knownString, parseEffect, parseField, parsePolicy } from './parse.js';
export type { ConditionTest, Policy, PolicyKind, PrincipalEntry, Statement } from './policy.js';
export { statementLabel } from './policy.js';

/** Every least-privilege analysis of a policy document, independent of the format it came in. */
export const IAM_CHECKS: Readonly<Record<CheckId, IamCheck>> = {
  'wildcard-action': wildcardAction,
  'wildcard-resource': wildcardResource,
  'service-wildcard': serviceWildcard,
  'allow-not': allowNot,
  'privilege-escalation': privilegeEscalation,
  'public-principal': publicPrincipal,
  'trust-any-account': trustAnyAccount,
  'oidc-trust-unrestricted': oidcTrustUnrestricted,
};
