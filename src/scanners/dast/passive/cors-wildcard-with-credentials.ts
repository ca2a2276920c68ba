import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { corsEvidence, corsGrant } from './lib/cors.js';

const rule = dastRule({
  id: 'dast/cors-wildcard-with-credentials',
  title: 'CORS wildcard combined with credentials',
  description:
    '`Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true` is refused by ' +
    'browsers, so nothing leaks through it; it is informational because it shows the endpoint was meant to be ' +
    'read cross-site with cookies, and the usual "fix" (echoing the Origin) makes it exploitable. A wildcard ' +
    'without credentials is not reported: that is how public read-only resources are shared.',
  severity: 'info',
  cwe: ['CWE-942'],
  owasp: ['A05:2021'],
  nist: ['AC-4'],
  mode: 'passive',
  remediation:
    'Decide: a public resource keeps `*` and drops Allow-Credentials; a private one lists the exact origins that ' +
    'may read it (never a reflected Origin).',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSNotSupportingCredentials',
    'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
  ],
});

export const corsWildcardWithCredentials: PassiveRule = {
  rule,
  scope: 'page',
  check(_ex, ctx) {
    const grant = corsGrant(ctx);
    if (!grant?.credentials || grant.allowOrigin !== '*') return [];
    return [
      {
        message:
          'Access-Control-Allow-Origin is * with Access-Control-Allow-Credentials: true; browsers refuse the combination, but the endpoint looks meant for credentialed cross-site reads',
        evidence: corsEvidence(grant),
      },
    ];
  },
};
