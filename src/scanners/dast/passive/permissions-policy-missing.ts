import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/permissions-policy-missing',
  title: 'No Permissions-Policy is set',
  description:
    'Permissions-Policy switches off browser features (camera, microphone, geolocation, payment…) that the site ' +
    'does not use, so that injected script or a framed third party cannot ask for them. Informational: the ' +
    "features still need the user's consent. The old Feature-Policy header does not count (it is deprecated and " +
    'its syntax differs), but the message says when it is there. HTML pages only; reported once per site.',
  severity: 'info',
  cwe: ['CWE-693'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'SC-18'],
  mode: 'passive',
  remediation:
    'Send a policy denying what the site does not use, e.g. ' +
    '`Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()`.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Permissions-Policy',
    'https://www.w3.org/TR/permissions-policy/',
  ],
});

export const permissionsPolicyMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx) || ctx.headers('permissions-policy').length > 0) return [];
    const legacy = ctx.header('feature-policy');
    if (legacy)
      return [
        {
          message: 'the page sends only the deprecated Feature-Policy header, not Permissions-Policy',
          evidence: clip(`Feature-Policy: ${legacy}`),
        },
      ];
    return [{ message: 'the page has no Permissions-Policy header' }];
  },
};
