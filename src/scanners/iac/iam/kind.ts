import { matchesAction } from './actions.js';
import { known, type Policy, type PolicyKind } from './policy.js';

/**
 * The kind of a policy seen without its attachment (a JSON file, a Terraform policy document
 * nobody in the module uses): principals make it a resource or trust policy, and a trust
 * policy only grants role assumption.
 */
export function inferKind(policy: Policy): PolicyKind {
  const withPrincipal = policy.statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const actions = withPrincipal.flatMap((s) => known(s.action));
  const assumeOnly =
    actions.length > 0 &&
    actions.every(
      (a) => matchesAction('sts:AssumeRole*', a) || /^sts:(TagSession|SetSourceIdentity)$/i.test(a),
    );
  return assumeOnly ? 'trust' : 'resource';
}
