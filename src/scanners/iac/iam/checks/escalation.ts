import { matchesAction } from '../actions.js';
import { allows, type IamCheck } from '../check.js';
import { ESCALATION_PATHS, type EscalationPath } from '../escalation-paths.js';
import { type Field, known, type Policy, type Statement } from '../policy.js';

/** Whether `f` (an Action or NotAction) names `action`; unknown items name nothing. */
const names = (f: Field | undefined, action: string) => known(f).some((p) => matchesAction(p, action));

/** A NotAction with an unknown item could exclude anything, so it grants nothing for sure. */
function covers(s: Statement, action: string): boolean {
  if (s.action) return names(s.action, action);
  if (!s.notAction || s.notAction.items.some((i) => i.value === null)) return false;
  return !names(s.notAction, action);
}

const EVERY_ROLE = /^(\*|arn:[\w-]+:iam::\*:role\/\*)$/;

function onEveryResource(s: Statement): boolean {
  return s.notResource !== undefined || known(s.resource).some((r) => EVERY_ROLE.test(r.trim()));
}

/** An unconditional Deny on every resource takes the action away whatever the Allows say. */
function deniedEverywhere(policy: Policy, action: string): boolean {
  return policy.statements.some(
    (s) =>
      s.effect === 'Deny' &&
      s.conditions?.length === 0 &&
      s.notResource === undefined &&
      (s.resource === undefined || known(s.resource).includes('*')) &&
      covers(s, action),
  );
}

function grantor(policy: Policy, action: string, everyResource: boolean): Statement | undefined {
  if (deniedEverywhere(policy, action)) return undefined;
  return policy.statements.find(
    (s) => allows(s) && covers(s, action) && (!everyResource || onEveryResource(s)),
  );
}

function advice(action: string): string {
  if (/^iam:PassRole$/i.test(action))
    return 'restrict "iam:PassRole" to the role ARNs it must pass, with an "iam:PassedToService" condition';
  if (/^sts:/i.test(action)) return 'name the roles it may assume in "Resource"';
  if (/^iam:/i.test(action))
    return 'limit "Resource" to the users, groups, roles or policies it must manage (e.g. "arn:aws:iam::123456789012:role/app-*") or leave IAM changes to a deployment role';
  return 'limit "Resource" to the specific resources it must change';
}

function describe(paths: readonly EscalationPath[]): string {
  const shown = paths.slice(0, 3).map((p) => `${p.actions.join(' + ')} (${p.how})`);
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** One finding per statement that opens a path, listing every path it opens. */
export const privilegeEscalation: IamCheck = {
  id: 'privilege-escalation',
  kinds: ['identity'],
  run(policy) {
    const byAnchor = new Map<Statement, EscalationPath[]>();
    for (const path of ESCALATION_PATHS) {
      const grantors = path.actions.map((a) => grantor(policy, a, path.onEveryResource === true));
      const anchor = grantors[0];
      if (!anchor || grantors.some((g) => g === undefined)) continue;
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), path]);
    }
    return [...byAnchor].map(([s, paths]) => {
      const first = paths[0]!.actions[0]!;
      const item = s.action?.items.find((i) => i.value !== null && matchesAction(i.value, first));
      return {
        statement: s,
        at: item?.at ?? s.notAction?.at ?? s.at,
        message: `opens privilege escalation: ${describe(paths)}; ${advice(first)}`,
      };
    });
  },
};
