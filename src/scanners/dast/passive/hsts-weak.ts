import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { parseHsts } from './lib/hsts.js';
import { isActive } from './lib/response.js';
import { clip } from './lib/text.js';

/** 180 days: shorter policies lapse between visits for many users. */
const MIN_MAX_AGE = 15_552_000;

const rule = dastRule({
  id: 'dast/hsts-weak',
  title: 'Strict-Transport-Security is too short or malformed',
  description:
    'An HSTS policy protects a browser only while it is remembered: a max-age under 180 days (15552000 s) lapses ' +
    'between visits for many users, max-age=0 tells browsers to forget the policy, and a malformed header (no ' +
    'max-age, a non-numeric value, a directive given twice) is ignored altogether. Parsed as RFC 6797 says: ' +
    'directive names in any case and order, quoted values accepted, only the first header counted. A missing ' +
    'includeSubDomains is deliberately not reported: whether every subdomain can serve HTTPS is a deployment ' +
    'decision, not a defect. Judged wherever the header appears (over plain HTTP it shows what the app sends ' +
    'behind its TLS proxy). Reported once per site.',
  severity: 'low',
  cwe: ['CWE-523'],
  owasp: ['A05:2021', 'A02:2021'],
  nist: ['SC-8', 'SC-23'],
  mode: 'passive',
  remediation:
    'Use at least six months, ideally one or two years: `Strict-Transport-Security: max-age=31536000; includeSubDomains`.',
  references: [
    'https://www.rfc-editor.org/rfc/rfc6797#section-6.1',
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security',
    'https://hstspreload.org/#deployment-recommendations',
  ],
});

function duration(seconds: number): string {
  const [n, unit] =
    seconds < 3_600
      ? [seconds / 60, 'minute']
      : seconds < 86_400
        ? [seconds / 3_600, 'hour']
        : [seconds / 86_400, 'day'];
  const rounded = Math.round(n * 10) / 10;
  return `${rounded} ${unit}${rounded === 1 ? '' : 's'}`;
}

export const hstsWeak: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    const value = ctx.header('strict-transport-security');
    if (isActive(ex) || value === undefined) return [];
    const evidence = clip(`Strict-Transport-Security: ${value}`);
    const hsts = parseHsts(value);
    if (!hsts.valid)
      return [
        { message: `the Strict-Transport-Security header is ignored by browsers: ${hsts.reason}`, evidence },
      ];
    if (hsts.maxAge === 0)
      return [
        {
          message: 'Strict-Transport-Security has max-age=0, which tells browsers to forget the policy',
          evidence,
        },
      ];
    if (hsts.maxAge < MIN_MAX_AGE)
      return [
        {
          message: `Strict-Transport-Security max-age is ${hsts.maxAge} s (${duration(hsts.maxAge)}), under the 180 days that keep the policy between visits`,
          evidence,
        },
      ];
    return [];
  },
};
