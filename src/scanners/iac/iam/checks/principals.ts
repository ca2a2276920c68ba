import { allows, type IamCheck, type IamIssue } from '../check.js';
import { isNarrowedByCondition } from '../conditions.js';
import { known, type Statement } from '../policy.js';
import { isAnyAccount } from '../principals.js';

const NARROW =
  'a Condition on "aws:PrincipalOrgID", "aws:SourceArn", "aws:SourceAccount" or "aws:SourceVpce"';

/** An Allow that names every principal (or all but some, with NotPrincipal) and no narrowing Condition. */
function openTo(s: Statement): { at: IamIssue['at']; what: string } | undefined {
  if (!allows(s) || isNarrowedByCondition(s)) return undefined;
  if (s.notPrincipal)
    return { at: s.notPrincipal.at, what: 'everyone but the listed principals ("NotPrincipal")' };
  const entry = s.principal?.entries.find(isAnyAccount);
  return entry ? { at: entry.at, what: `any AWS principal ("${entry.value}")` } : undefined;
}

const actionsOf = (s: Statement) => known(s.action).join(', ') || 'its actions';

export const publicPrincipal: IamCheck = {
  id: 'public-principal',
  kinds: ['resource'],
  run: (policy) =>
    policy.statements.flatMap((s) => {
      const open = openTo(s);
      if (!open) return [];
      return [
        {
          statement: s,
          at: open.at,
          message: `allows ${open.what} to ${actionsOf(s)} without a Condition limiting who; name the accounts or roles in "Principal" (e.g. {"AWS": "arn:aws:iam::123456789012:root"}) or add ${NARROW}`,
        },
      ];
    }),
};

export const trustAnyAccount: IamCheck = {
  id: 'trust-any-account',
  kinds: ['trust'],
  run: (policy) =>
    policy.statements.flatMap((s) => {
      const open = openTo(s);
      if (!open) return [];
      return [
        {
          statement: s,
          at: open.at,
          message: `lets ${open.what} assume the role; name the trusted account or role in "Principal" (e.g. {"AWS": "arn:aws:iam::123456789012:role/deployer"}) or add a Condition on "aws:PrincipalOrgID" or "aws:PrincipalArn"`,
        },
      ];
    }),
};
