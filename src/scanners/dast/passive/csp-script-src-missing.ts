import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { enforcedPolicies, type Policy } from './lib/csp.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/csp-script-src-missing',
  title: 'Content-Security-Policy does not restrict scripts',
  description:
    'The page has an enforced policy, but none of its policies has script-src, script-src-elem or default-src, ' +
    'so any script runs: a policy made only of frame-ancestors, upgrade-insecure-requests or report-uri gives no ' +
    'protection against cross-site scripting. A page with no policy at all is csp-missing, not this rule. HTML ' +
    'pages only; reported once per site.',
  severity: 'low',
  cwe: ['CWE-693'],
  owasp: ['A05:2021'],
  nist: ['SC-18', 'CM-6'],
  mode: 'passive',
  remediation:
    "Add a script directive to the policy, for example `script-src 'self'; object-src 'none'; base-uri 'none'`, " +
    "or a nonce-based `script-src 'nonce-R4nd0m' 'strict-dynamic'` for pages with inline scripts.",
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src',
    'https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html',
  ],
});

function restrictsScripts(policy: Policy): boolean {
  return policy.has('script-src') || policy.has('script-src-elem') || policy.has('default-src');
}

export const cspScriptSrcMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const policies = enforcedPolicies(ctx);
    if (policies.length === 0 || policies.some(restrictsScripts)) return [];
    const shown = ctx.header('content-security-policy') ?? ctx.page()?.meta['content-security-policy'] ?? '';
    return [
      {
        message:
          'the Content-Security-Policy has no script-src or default-src, so it does not limit which scripts run',
        evidence: clip(`Content-Security-Policy: ${shown}`),
      },
    ];
  },
};
