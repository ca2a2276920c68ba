import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { enforcedPolicies } from './lib/csp.js';
import { isHtmlDocument } from './lib/response.js';

const rule = dastRule({
  id: 'dast/csp-missing',
  title: 'No Content-Security-Policy is enforced',
  description:
    'A Content-Security-Policy tells the browser which scripts, frames and other resources a page may load, ' +
    'so that an injection flaw does not become script execution. Judged on HTML pages (2xx with a body) only: ' +
    'a policy on JSON answers, images or redirects protects nothing. A policy delivered in ' +
    '`<meta http-equiv="Content-Security-Policy">` counts, since browsers enforce it; a ' +
    '`Content-Security-Policy-Report-Only` header does not, since it only reports. Weak policies are the ' +
    'subject of the other csp-* rules. Reported once per site.',
  severity: 'low',
  cwe: ['CWE-693'],
  owasp: ['A05:2021'],
  nist: ['SC-18', 'CM-6'],
  mode: 'passive',
  remediation:
    'Send an enforced policy on every HTML page, starting strict and loosening as needed, for example:\n' +
    "`Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'` " +
    '(Express: `helmet()`; nginx: `add_header Content-Security-Policy "…" always;`). Pages with inline scripts ' +
    "can use per-response nonces (`script-src 'nonce-R4nd0m' 'strict-dynamic'`).",
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/CSP',
    'https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html',
    'https://www.w3.org/TR/CSP3/',
  ],
});

export const cspMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx) || enforcedPolicies(ctx).length > 0) return [];
    const reportOnly = ctx.header('content-security-policy-report-only');
    if (reportOnly)
      return [
        {
          message:
            'the page has only a Content-Security-Policy-Report-Only header: violations are reported, nothing is blocked',
          evidence: `Content-Security-Policy-Report-Only: ${reportOnly.slice(0, 150)}`,
        },
      ];
    const empty = ctx.headers('content-security-policy').length > 0;
    return [
      {
        message: empty
          ? 'the Content-Security-Policy header is empty, so no policy applies'
          : 'the page has no Content-Security-Policy header and no <meta> policy',
      },
    ];
  },
};
