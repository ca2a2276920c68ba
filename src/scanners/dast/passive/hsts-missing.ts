import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { isActive, isHtmlDocument, isHttps } from './lib/response.js';

const rule = dastRule({
  id: 'dast/hsts-missing',
  title: 'Strict-Transport-Security is not set',
  description:
    'Without HSTS, a browser that is sent to http:// (a typed address, an old link, an attacker on the network ' +
    'downgrading the first request) talks to the site in clear text, where cookies and pages can be read and ' +
    'changed. Over HTTPS, every 2xx/3xx response without the header is reported (high confidence). Over plain ' +
    'HTTP browsers ignore the header, but a scan of http:// often targets an app that production puts behind a ' +
    'TLS-terminating proxy and the header has to come from the app: there the rule reports HTML pages only, ' +
    'with low confidence, so a gate can leave them out. A header that is present but weak or malformed is ' +
    'hsts-weak. Reported once per site.',
  severity: 'low',
  cwe: ['CWE-319', 'CWE-523'],
  owasp: ['A05:2021', 'A02:2021'],
  nist: ['SC-8', 'SC-23'],
  mode: 'passive',
  remediation:
    'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every HTTPS response (nginx: ' +
    '`add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;`; Express: `helmet()`), ' +
    'after checking every subdomain serves HTTPS.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security',
    'https://www.rfc-editor.org/rfc/rfc6797',
    'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html',
  ],
});

export const hstsMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    const { status } = ex.response;
    if (isActive(ex) || status < 200 || status >= 400 || ctx.headers('strict-transport-security').length > 0)
      return [];
    if (isHttps(ex.request.url))
      return [{ message: 'the HTTPS response has no Strict-Transport-Security header' }];
    if (!isHtmlDocument(ex, ctx)) return [];
    return [
      {
        message:
          'the page, served over plain HTTP here, sends no Strict-Transport-Security header: if the site is published over HTTPS behind a proxy, nothing tells browsers to refuse plain HTTP',
        confidence: 'low',
      },
    ];
  },
};
