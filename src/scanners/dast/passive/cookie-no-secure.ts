import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { cookieEvidence, isRemoval, isSessionCookie, setCookies } from './lib/cookies.js';
import { isActive, isHttps } from './lib/response.js';

const rule = dastRule({
  id: 'dast/cookie-no-secure',
  title: 'Cookie set without the Secure attribute',
  description:
    'A cookie without `Secure` is also sent over plain HTTP, where anyone on the network path can read it: one ' +
    'http:// request (an old link, a downgrade attack) leaks the session. Session and authentication cookies ' +
    '(sid, session, PHPSESSID, JSESSIONID, connect.sid, auth tokens, JWTs…) are reported on any scheme: over ' +
    'plain HTTP the Secure flag cannot work (browsers refuse it from http:// origins other than localhost), so ' +
    'the finding there is that the session travels in clear text. Other cookies are reported over HTTPS only, at ' +
    'info severity. Attribute names are matched in any case. Not reported: cookies being deleted (empty value, ' +
    'Max-Age=0, an Expires date in the past) and __Secure-/__Host- cookies without Secure, which browsers ' +
    'reject. Reported once per site and cookie name.',
  severity: 'low',
  cwe: ['CWE-614', 'CWE-319'],
  owasp: ['A05:2021', 'A02:2021'],
  nist: ['SC-8', 'SC-23'],
  mode: 'passive',
  remediation:
    'Serve the site over HTTPS only and set `Secure` on every cookie: `Set-Cookie: sid=…; Secure; HttpOnly; ' +
    'SameSite=Lax; Path=/` (Express: `cookie: { secure: true }`; PHP: `session.cookie_secure = 1`).',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#restrict_access_to_cookies',
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#secure-attribute',
    'https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.5',
  ],
});

export const cookieNoSecure: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (isActive(ex)) return [];
    const https = isHttps(ex.request.url);
    const hits: PassiveHit[] = [];
    for (const cookie of setCookies(ctx)) {
      if (cookie.attributes.has('secure') || isRemoval(cookie) || /^__(?:secure|host)-/i.test(cookie.name))
        continue;
      const session = isSessionCookie(cookie.name);
      if (!session && !https) continue;
      hits.push({
        message: session
          ? https
            ? `the session cookie ${cookie.name} has no Secure attribute, so browsers also send it over plain HTTP`
            : `the session cookie ${cookie.name} is set over plain HTTP without Secure: it travels in clear text`
          : `the cookie ${cookie.name} has no Secure attribute, so browsers also send it over plain HTTP`,
        evidence: cookieEvidence(cookie),
        param: cookie.name,
        ...(session ? {} : { severity: 'info' as const }),
      });
    }
    return hits;
  },
};
