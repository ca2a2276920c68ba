import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { headerPolicies } from './lib/csp.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/frame-protection-missing',
  title: 'The page can be framed by any site (clickjacking)',
  description:
    'A page that any site may show in an `<iframe>` can be overlaid with a decoy so that a user clicks its buttons ' +
    'without knowing. Protected means: a Content-Security-Policy header with a frame-ancestors directive that is ' +
    "not a wildcard ('none', 'self', listed hosts), or, when no policy has frame-ancestors, " +
    '`X-Frame-Options: DENY` or `SAMEORIGIN` in any letter case. `X-Frame-Options: ALLOW-FROM` is reported: ' +
    'current browsers ignore it. frame-ancestors in a `<meta>` policy is ignored by browsers and not counted. ' +
    'HTML pages only; reported once per site.',
  severity: 'low',
  cwe: ['CWE-1021'],
  owasp: ['A05:2021', 'A04:2021'],
  nist: ['SC-18', 'AC-4'],
  mode: 'passive',
  remediation:
    "Send `Content-Security-Policy: frame-ancestors 'none'` (or `'self'`, or the partner origins that may frame the " +
    'page), plus `X-Frame-Options: DENY` for older browsers.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors',
    'https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html',
    'https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header',
  ],
});

function restrictive(sources: readonly string[]): boolean {
  return !sources.some((s) => /^(?:\*|https?:|wss?:|(?:\*|https?):\/\/\*\/?)$/.test(s));
}

export const frameProtectionMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const ancestors = headerPolicies(ctx).flatMap((p) => {
      const sources = p.get('frame-ancestors');
      return sources ? [sources] : [];
    });
    // Browsers ignore X-Frame-Options once any policy has frame-ancestors.
    if (ancestors.length > 0) {
      if (ancestors.some(restrictive)) return [];
      return [
        {
          message: 'frame-ancestors allows any site to frame the page',
          evidence: clip(`frame-ancestors ${ancestors[0]!.join(' ')}`),
        },
      ];
    }
    const xfo = ctx.headers('x-frame-options');
    const tokens = xfo.flatMap((v) => v.split(',')).map((t) => t.trim().toLowerCase());
    if (tokens.includes('deny') || tokens.includes('sameorigin')) return [];
    if (xfo.length > 0)
      return [
        {
          message: tokens.some((t) => t.startsWith('allow-from'))
            ? 'X-Frame-Options is ALLOW-FROM, which current browsers ignore, and no frame-ancestors directive is set'
            : `X-Frame-Options is "${clip(xfo.join(', '), 60)}", which browsers do not recognise, and no frame-ancestors directive is set`,
          evidence: clip(`X-Frame-Options: ${xfo.join(', ')}`),
        },
      ];
    return [{ message: 'the page has neither X-Frame-Options nor a CSP frame-ancestors directive' }];
  },
};
