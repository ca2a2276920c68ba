import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { effectiveReferrerPolicy } from './lib/referrer.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/referrer-policy-missing',
  title: 'No Referrer-Policy is set',
  description:
    'Without a Referrer-Policy a page depends on the browser default to keep its URLs (which may hold ids or ' +
    'tokens) from other sites. Current browsers default to strict-origin-when-cross-origin, so this is ' +
    'informational: it records that the site has not chosen. A `<meta name="referrer">` counts as a policy; a ' +
    'header with only unrecognised values does not. Unsafe values are referrer-policy-unsafe. HTML pages only; ' +
    'reported once per site.',
  severity: 'info',
  cwe: ['CWE-200'],
  owasp: ['A05:2021'],
  nist: ['SC-8', 'AC-4'],
  mode: 'passive',
  remediation:
    'Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer` / `same-origin` for pages whose URLs ' +
    'carry private data).',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Referrer-Policy',
    'https://www.w3.org/TR/referrer-policy/',
  ],
});

export const referrerPolicyMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx) || effectiveReferrerPolicy(ctx)) return [];
    const header = ctx.headers('referrer-policy').join(', ');
    if (header)
      return [
        {
          message: `Referrer-Policy "${clip(header, 60)}" has no value browsers recognise, so the browser default applies`,
          evidence: clip(`Referrer-Policy: ${header}`),
        },
      ];
    return [{ message: 'the page has no Referrer-Policy header and no <meta name="referrer">' }];
  },
};
