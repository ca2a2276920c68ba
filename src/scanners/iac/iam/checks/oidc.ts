import { matchesAction } from '../actions.js';
import { allows, type IamCheck } from '../check.js';
import { narrows } from '../conditions.js';
import { type ConditionTest, known, type Statement } from '../policy.js';
import { isFederated } from '../principals.js';

/**
 * Providers whose audience is the same for every customer (GitHub's is `sts.amazonaws.com`), so
 * only the subject claim tells one repository, project or service account from another.
 */
const SUBJECT_REQUIRED: readonly [RegExp, string][] = [
  [/^token\.actions\.githubusercontent\.com/i, 'repo:my-org/my-repo:ref:refs/heads/main'],
  [/^gitlab\.com$/i, 'project_path:my-group/my-project:ref_type:branch:ref:main'],
  [/^app\.terraform\.io$/i, 'organization:my-org:project:my-project:workspace:prod:run_phase:apply'],
  [/^oidc\.eks\.[\w-]+\.amazonaws\.com\//i, 'system:serviceaccount:my-namespace:my-service-account'],
];

/** A subject pattern that leaves the owner open (`repo:*`, `*`) narrows nothing. */
const OPEN_SUBJECT = /^([*?]|(repo|project_path|organization|system:serviceaccount):[*?])/i;

/** `token.actions.githubusercontent.com` from `arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com`. */
function hostOf(provider: string | null): string | null {
  if (provider === null) return null;
  return provider.replace(/^arn:[\w-]+:iam::[^:]*:oidc-provider\//i, '').toLowerCase();
}

/** Claim tests of `host` (or of any provider when the principal is not known). */
function claims(tests: readonly ConditionTest[], host: string | null, claim: 'aud' | 'sub'): ConditionTest[] {
  return tests.filter((t) => {
    const key = t.key.toLowerCase();
    return key.endsWith(`:${claim}`) && (host === null || key === `${host}:${claim}`) && narrows(t);
  });
}

const closedSubject = (t: ConditionTest) => t.values.every((v) => v === null || !OPEN_SUBJECT.test(v.trim()));

function problem(s: Statement, host: string | null): string | undefined {
  const tests = s.conditions ?? [];
  const example = host && SUBJECT_REQUIRED.find(([re]) => re.test(host))?.[1];
  const name = host ?? '<provider>';
  if (example) {
    const subs = claims(tests, host, 'sub');
    if (subs.length > 0 && subs.every(closedSubject)) return undefined;
    const why =
      subs.length > 0 ? `a "${name}:sub" condition open to any owner` : `no "${name}:sub" condition`;
    return `trusts every identity of ${name} (${why}), e.g. any repository or project on the platform; add a Condition such as StringLike {"${name}:sub": "${example}"}`;
  }
  if (claims(tests, host, 'aud').length > 0 || claims(tests, host, 'sub').length > 0) return undefined;
  return `trusts any identity of ${name} (no "${name}:aud" or "${name}:sub" condition); add a StringEquals Condition on "${name}:aud" with your application's client id`;
}

const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

/** The statement is for web identities when its actions include it (or are not known). */
function webIdentity(s: Statement): boolean {
  const actions = known(s.action);
  return actions.length === 0 || actions.some((a) => matchesAction(a, WEB_IDENTITY));
}

export const oidcTrustUnrestricted: IamCheck = {
  id: 'oidc-trust-unrestricted',
  kinds: ['trust'],
  run: (policy) =>
    policy.statements.flatMap((s) => {
      if (!allows(s) || s.conditions === null || !webIdentity(s)) return [];
      const entry = s.principal?.entries.find(
        (e) => isFederated(e) && !/saml-provider\//i.test(e.value ?? ''),
      );
      if (!entry) return [];
      const host = hostOf(entry.value) ?? hostFromKeys(s.conditions);
      const message = problem(s, host);
      return message ? [{ statement: s, at: entry.at, message }] : [];
    }),
};

/** When the provider is a reference, its condition keys (`host:sub`) still say which it is. */
function hostFromKeys(tests: readonly ConditionTest[]): string | null {
  const key = tests.map((t) => t.key.toLowerCase()).find((k) => /:(aud|sub)$/.test(k));
  return key ? key.replace(/:(aud|sub)$/, '') : null;
}
