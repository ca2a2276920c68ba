import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { isActive } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/framework-version-disclosure',
  title: 'Response headers disclose the framework version',
  description:
    'Headers such as `X-Powered-By: PHP/7.4.3`, `X-AspNet-Version: 4.0.30319` or `X-Generator: Drupal 9` name ' +
    'the language or framework and its version, which points an attacker at its known vulnerabilities. ' +
    'X-Powered-By and X-Generator are reported only when they carry a version (`X-Powered-By: Express`, the ' +
    'Express default, names a framework that is fingerprintable anyway); X-AspNet-Version and ' +
    'X-AspNetMvc-Version always carry one. Timing headers (X-Runtime: 0.0134, Server-Timing) are not version ' +
    'banners and are ignored. Reported once per site and header.',
  severity: 'low',
  cwe: ['CWE-200', 'CWE-497'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'SI-11'],
  mode: 'passive',
  remediation:
    'Remove the headers: Express `app.disable("x-powered-by")` (or `helmet()`); PHP `expose_php = Off`; ASP.NET ' +
    '`<httpRuntime enableVersionHeader="false" />` and `MvcHandler.DisableMvcResponseHeader = true`; or strip ' +
    'them at the reverse proxy (`proxy_hide_header X-Powered-By;`).',
  references: [
    'https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#x-powered-by',
    'https://expressjs.com/en/advanced/best-practice-security.html#reduce-fingerprinting',
  ],
});

const VERSION = /(?:^|[\s/(])v?\d{1,6}(?:\.\d{1,9}){0,4}(?![\w])/;
const HEADERS: readonly { name: string; label: string; always: boolean }[] = [
  { name: 'x-powered-by', label: 'X-Powered-By', always: false },
  { name: 'x-generator', label: 'X-Generator', always: false },
  { name: 'x-aspnet-version', label: 'X-AspNet-Version', always: true },
  { name: 'x-aspnetmvc-version', label: 'X-AspNetMvc-Version', always: true },
];

export const frameworkVersionDisclosure: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (isActive(ex)) return [];
    const hits: PassiveHit[] = [];
    for (const h of HEADERS) {
      const value = ctx
        .headers(h.name)
        .map((v) => v.trim())
        .find((v) => (h.always ? /\d/.test(v) : VERSION.test(v.slice(0, 300))));
      if (value)
        hits.push({
          message: `the ${h.label} header discloses ${clip(value, 80)}`,
          evidence: clip(`${h.label}: ${value}`),
          param: h.name,
        });
    }
    return hits;
  },
};
