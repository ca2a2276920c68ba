import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';

const rule = dastRule({
  id: 'dast/x-content-type-options-missing',
  title: 'X-Content-Type-Options: nosniff is not set',
  description:
    'Without `X-Content-Type-Options: nosniff`, browsers may guess ("sniff") a response\'s type from its content ' +
    'and run an uploaded text file or JSON answer as script or HTML. Reported once per site, on responses that ' +
    'have a body; redirects and empty answers are not judged.',
  severity: 'low',
  cwe: ['CWE-693'],
  owasp: ['A05:2021'],
  nist: ['SC-18'],
  mode: 'passive',
  remediation:
    'Send `X-Content-Type-Options: nosniff` on every response (one line of server or framework configuration; Express: `helmet()`).',
  references: ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Content-Type-Options'],
});

export const xContentTypeOptions: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (ex.response.status < 200 || ex.response.status >= 300 || ex.response.body.length === 0) return [];
    const value = ctx.header('x-content-type-options');
    if (value?.trim().toLowerCase() === 'nosniff') return [];
    return [
      {
        message: value
          ? `X-Content-Type-Options is "${value}", not "nosniff"`
          : 'the response has no X-Content-Type-Options header',
        ...(value ? { evidence: `X-Content-Type-Options: ${value}` } : {}),
      },
    ];
  },
};
