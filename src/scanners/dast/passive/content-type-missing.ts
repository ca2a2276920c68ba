import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';

const rule = dastRule({
  id: 'dast/content-type-missing',
  title: 'Response body without a Content-Type',
  description:
    'A body sent without a Content-Type is typed by the browser from its content (MIME sniffing), so an uploaded ' +
    'or reflected text can be rendered as HTML and run script. Informational: X-Content-Type-Options: nosniff ' +
    'and a correct type on every response close it. Reported for 2xx responses with a non-empty body; 204, 304 ' +
    'and redirects carry no body to type. Reported once per site.',
  severity: 'info',
  cwe: ['CWE-430', 'CWE-693'],
  owasp: ['A05:2021'],
  nist: ['SC-18'],
  mode: 'passive',
  remediation:
    'Set the media type (and charset for text) on every response, e.g. `Content-Type: application/json; charset=utf-8`, ' +
    'and send `X-Content-Type-Options: nosniff`.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Type',
    'https://mimesniff.spec.whatwg.org/',
  ],
});

export const contentTypeMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    const { status, body } = ex.response;
    if (
      status < 200 ||
      status >= 300 ||
      body.length === 0 ||
      ctx.headers('content-type').some((v) => v.trim())
    )
      return [];
    return [{ message: `the ${status} response has a ${body.length}-byte body and no Content-Type header` }];
  },
};
