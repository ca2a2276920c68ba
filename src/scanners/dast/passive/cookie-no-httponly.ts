import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { cookieEvidence, isRemoval, isSessionCookie, setCookies } from './lib/cookies.js';
import { isActive } from './lib/response.js';

const rule = dastRule({
  id: 'dast/cookie-no-httponly',
  title: 'Session cookie readable by JavaScript (no HttpOnly)',
  description:
    'Without `HttpOnly`, `document.cookie` exposes the cookie to every script on the page, so one cross-site ' +
    'scripting flaw hands the session to an attacker. Only session and authentication cookies are reported ' +
    '(sid, session, PHPSESSID, JSESSIONID, ASP.NET_SessionId, connect.sid, auth and JWT tokens…): cookies scripts ' +
    'are meant to read (theme, language, csrftoken, XSRF-TOKEN) are not findings. Attribute names are matched in ' +
    'any case and spacing; cookies being deleted are skipped. Reported once per site and cookie name.',
  severity: 'low',
  cwe: ['CWE-1004'],
  owasp: ['A05:2021'],
  nist: ['SC-23', 'SC-8'],
  mode: 'passive',
  remediation:
    'Set `HttpOnly` on session cookies: `Set-Cookie: sid=…; HttpOnly; Secure; SameSite=Lax` (Express: ' +
    '`cookie: { httpOnly: true }`; PHP: `session.cookie_httponly = 1`; Java: `<http-only>true</http-only>`).',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#restrict_access_to_cookies',
    'https://owasp.org/www-community/HttpOnly',
  ],
});

export const cookieNoHttpOnly: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (isActive(ex)) return [];
    const hits: PassiveHit[] = [];
    for (const cookie of setCookies(ctx)) {
      if (cookie.attributes.has('httponly') || isRemoval(cookie) || !isSessionCookie(cookie.name)) continue;
      hits.push({
        message: `the session cookie ${cookie.name} has no HttpOnly attribute, so any script on the page can read it`,
        evidence: cookieEvidence(cookie),
        param: cookie.name,
      });
    }
    return hits;
  },
};
