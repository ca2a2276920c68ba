import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { cookieEvidence, isRemoval, isSessionCookie, type SetCookie, setCookies } from './lib/cookies.js';
import { isActive } from './lib/response.js';

const rule = dastRule({
  id: 'dast/cookie-no-samesite',
  title: 'Session cookie without a usable SameSite attribute',
  description:
    'SameSite=Lax or Strict keeps the browser from attaching the session cookie to requests other sites start, ' +
    'the basis of cross-site request forgery. Chromium treats a cookie without the attribute as Lax, but other ' +
    'browsers do not, so the attribute has to be explicit. Reported for session and authentication cookies ' +
    'when SameSite is absent, has an unknown value (treated as absent), or is None without Secure (which ' +
    'current browsers reject and older ones send cross-site). SameSite=None with Secure is a deliberate ' +
    'cross-site cookie and is not reported, nor are non-session cookies or cookies being deleted. Values and ' +
    'names are matched in any case. Reported once per site and cookie name.',
  severity: 'low',
  cwe: ['CWE-1275', 'CWE-352'],
  owasp: ['A01:2021', 'A05:2021'],
  nist: ['SC-23'],
  mode: 'passive',
  remediation:
    'Set `SameSite=Lax` (or `Strict` where no cross-site navigation needs to keep the session): ' +
    '`Set-Cookie: sid=…; SameSite=Lax; Secure; HttpOnly` (Express: `cookie: { sameSite: "lax" }`; PHP: ' +
    '`session.cookie_samesite = "Lax"`).',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value',
    'https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7',
    'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html#samesite-cookie-attribute',
  ],
});

function problem(cookie: SetCookie): string | undefined {
  const raw = cookie.attributes.get('samesite');
  if (raw === undefined) return `the session cookie ${cookie.name} has no SameSite attribute`;
  const value = raw.toLowerCase();
  if (value === 'lax' || value === 'strict') return undefined;
  if (value === 'none')
    return cookie.attributes.has('secure')
      ? undefined
      : `the session cookie ${cookie.name} is SameSite=None without Secure: current browsers reject it, older ones send it on cross-site requests`;
  return `the session cookie ${cookie.name} has SameSite=${raw.slice(0, 20)}, a value browsers do not know and treat as absent`;
}

export const cookieNoSameSite: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (isActive(ex)) return [];
    const hits: PassiveHit[] = [];
    for (const cookie of setCookies(ctx)) {
      if (isRemoval(cookie) || !isSessionCookie(cookie.name)) continue;
      const message = problem(cookie);
      if (message) hits.push({ message, evidence: cookieEvidence(cookie), param: cookie.name });
    }
    return hits;
  },
};
