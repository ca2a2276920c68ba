import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { isActive } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/server-version-disclosure',
  title: 'Server header discloses a version number',
  description:
    'A Server header such as `Apache/2.4.49` or `nginx/1.18.0` tells an attacker which known vulnerabilities to ' +
    'try without any probing. Reported only when a product is followed by a version (`product/1.2`, ' +
    '`product(1.2)`): a bare product name (`nginx`, `cloudflare`, `Kestrel`) is not a finding, nor are ' +
    'identifiers that merely contain digits (`ECS (dcb/7F84)`). Reported once per site.',
  severity: 'low',
  cwe: ['CWE-200', 'CWE-497'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'SI-11'],
  mode: 'passive',
  remediation:
    'Send the product name without version: Apache `ServerTokens Prod` and `ServerSignature Off`; nginx ' +
    '`server_tokens off;`; IIS `<requestFiltering removeServerHeader="true">`.',
  references: [
    'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#server',
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server',
  ],
});

/** `product/1.2.3`, `product/2`, `product(1.2)`, `OpenSSL/1.1.1k`; the version must end the token. */
const VERSIONED = /[A-Za-z][\w.+-]{0,40}(?:\/|\s?\()v?\d{1,6}(?:\.\d{1,9}){0,4}[a-z]?(?![\w])/;

export const serverVersionDisclosure: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (isActive(ex)) return [];
    const value = ctx.header('server');
    const match = value === undefined ? null : VERSIONED.exec(value.slice(0, 500));
    if (!value || !match) return [];
    return [
      {
        message: `the Server header discloses ${clip(match[0], 60)}`,
        evidence: clip(`Server: ${value}`),
        param: 'server',
      },
    ];
  },
};
