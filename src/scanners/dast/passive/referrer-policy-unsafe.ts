import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { effectiveReferrerPolicy } from './lib/referrer.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/referrer-policy-unsafe',
  title: 'Referrer-Policy sends full URLs to other sites',
  description:
    "`unsafe-url` sends the page's full URL (path and query string, which may hold ids, search terms or tokens) " +
    'with every request, to any site and even over plain HTTP; `no-referrer-when-downgrade` sends it to every ' +
    'HTTPS site (and every site at all when the page itself is on HTTP). Both are weaker than the browser default ' +
    '(strict-origin-when-cross-origin). The effective policy is judged: the last recognised header token, ' +
    'overridden by `<meta name="referrer">`, so a fallback listed before a safe value is not reported. HTML ' +
    'pages only; reported once per site.',
  severity: 'low',
  cwe: ['CWE-200', 'CWE-598'],
  owasp: ['A05:2021'],
  nist: ['SC-8', 'AC-4'],
  mode: 'passive',
  remediation: 'Use `Referrer-Policy: strict-origin-when-cross-origin`, or `no-referrer` for private pages.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Referrer-Policy',
    'https://www.w3.org/TR/referrer-policy/#referrer-policies',
  ],
});

export const referrerPolicyUnsafe: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const effective = effectiveReferrerPolicy(ctx);
    if (
      !effective ||
      (effective.policy !== 'unsafe-url' && effective.policy !== 'no-referrer-when-downgrade')
    )
      return [];
    const where = effective.source === 'meta' ? '<meta name="referrer">' : 'Referrer-Policy';
    return [
      {
        message:
          effective.policy === 'unsafe-url'
            ? `${where} is unsafe-url: the full URL of the page goes to every site it links to or loads from, even over plain HTTP`
            : `${where} is no-referrer-when-downgrade: the full URL of the page goes to every other HTTPS site`,
        evidence: clip(
          effective.source === 'meta'
            ? `<meta name="referrer" content="${effective.raw}">`
            : `Referrer-Policy: ${effective.raw}`,
        ),
      },
    ];
  },
};
