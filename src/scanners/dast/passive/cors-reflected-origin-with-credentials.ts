import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { corsEvidence, corsGrant, originOf } from './lib/cors.js';

const rule = dastRule({
  id: 'dast/cors-reflected-origin-with-credentials',
  title: 'CORS trusts the requesting origin, with credentials',
  description:
    "The response copies the request's Origin header into Access-Control-Allow-Origin and sends " +
    "`Access-Control-Allow-Credentials: true`: a page on that (foreign) origin can make the victim's browser " +
    'call this endpoint with its cookies and read the answer. Compared with the Origin the scanner sent in this ' +
    "exchange (preflight OPTIONS answers included). Not reported: the site's own origin (same-origin requests " +
    'need no CORS), a wildcard (see cors-wildcard-with-credentials), `null` (cors-null-origin-with-credentials), ' +
    'answers without credentials, and responses with several Allow-Origin values, which browsers reject. ' +
    'Confidence is medium when the echoed origin is a sibling subdomain of the target, which an allow-list may ' +
    'legitimately contain.',
  severity: 'high',
  cwe: ['CWE-942', 'CWE-346'],
  owasp: ['A05:2021', 'A01:2021'],
  nist: ['AC-4', 'SC-7'],
  mode: 'passive',
  remediation:
    'Compare the Origin with an exact allow-list before echoing it, and send `Vary: Origin`:\n' +
    '`if (ALLOWED.has(req.headers.origin)) { res.set("Access-Control-Allow-Origin", req.headers.origin); ' +
    'res.set("Access-Control-Allow-Credentials", "true"); }` (cors package: `cors({ origin: ["https://app.example.com"], credentials: true })`).',
  references: [
    'https://portswigger.net/web-security/cors',
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#requests_with_credentials',
    'https://fetch.spec.whatwg.org/#cors-check',
  ],
});

/** The last two labels of a host name: enough to tell a sibling subdomain from a foreign site. */
function parentDomain(host: string): string {
  return host.split('.').slice(-2).join('.');
}

export const corsReflectedOriginWithCredentials: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const sent = ex.request.headers.origin?.trim();
    const grant = corsGrant(ctx);
    if (!sent || !grant?.credentials || grant.allowOrigin !== sent || sent === 'null' || sent === '*')
      return [];
    const own = [originOf(ctx.origin), originOf(ex.request.url)];
    const foreign = originOf(sent);
    if (!foreign || own.includes(foreign)) return [];
    const host = new URL(foreign).hostname;
    const target = new URL(ex.request.url).hostname;
    const sibling =
      /[a-z]/i.test(target) && target.includes('.') && parentDomain(host) === parentDomain(target);
    return [
      {
        message: `the response echoes the request's Origin ${foreign.slice(0, 100)} in Access-Control-Allow-Origin and allows credentials, so that site can read this response with the user's cookies`,
        evidence: corsEvidence(grant),
        ...(sibling ? { confidence: 'medium' as const } : {}),
      },
    ];
  },
};
