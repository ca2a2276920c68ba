import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { corsEvidence, corsGrant } from './lib/cors.js';

const rule = dastRule({
  id: 'dast/cors-null-origin-with-credentials',
  title: 'CORS trusts the null origin, with credentials',
  description:
    '`Access-Control-Allow-Origin: null` with `Access-Control-Allow-Credentials: true` lets any document whose ' +
    "origin is opaque read the response with the user's cookies, and any site can create one (a sandboxed " +
    'iframe, a data: URL). Reported whatever Origin was sent, since the grant itself is the problem; not ' +
    'reported without credentials or when the header has several values (browsers then reject it).',
  severity: 'high',
  cwe: ['CWE-942', 'CWE-346'],
  owasp: ['A05:2021', 'A01:2021'],
  nist: ['AC-4', 'SC-7'],
  mode: 'passive',
  remediation:
    'Never allow-list `null`; compare the Origin header with the exact origins that need access and send no CORS ' +
    'headers otherwise.',
  references: [
    'https://portswigger.net/web-security/cors#whitelisted-null-origin-value',
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Access-Control-Allow-Origin',
  ],
});

export const corsNullOriginWithCredentials: PassiveRule = {
  rule,
  scope: 'page',
  check(_ex, ctx) {
    const grant = corsGrant(ctx);
    if (!grant?.credentials || grant.allowOrigin.toLowerCase() !== 'null') return [];
    return [
      {
        message:
          "the response allows the null origin with credentials: a sandboxed iframe on any site can read it with the user's cookies",
        evidence: corsEvidence(grant),
      },
    ];
  },
};
