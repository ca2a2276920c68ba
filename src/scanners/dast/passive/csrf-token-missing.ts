import type { Form } from '../page.js';
import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/csrf-token-missing',
  title: 'POST form without an anti-CSRF token',
  description:
    'A POST form (a state-changing action) with no hidden field that looks like an anti-CSRF token: unless the ' +
    'server checks the Origin header or relies on SameSite cookies (which this passive check cannot see, hence ' +
    "medium confidence), another site can submit it with the user's cookies. Recognised token fields: hidden " +
    'inputs named like csrf, xsrf, _token, authenticity_token, __RequestVerificationToken, csrfmiddlewaretoken, ' +
    '_csrf, nonce, antiforgery. Not reported: GET forms (searches, filters), forms posting to another origin, ' +
    'and pages with a `<meta name="csrf-token">` that frameworks (Rails, Laravel) add to forms from script. ' +
    "Login forms are reported at low severity: login CSRF signs the victim into the attacker's account, which " +
    'is real but less harmful.',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-352'],
  owasp: ['A01:2021'],
  nist: ['SC-23', 'SI-10'],
  mode: 'passive',
  remediation:
    'Add a per-session (or per-form) random token to every state-changing form and verify it on the server: ' +
    'Django `{% csrf_token %}`, Rails `form_with` (authenticity_token), ASP.NET `@Html.AntiForgeryToken()` with ' +
    '`[ValidateAntiForgeryToken]`, Express `csrf-csrf`/`csrf-sync`; and set session cookies `SameSite=Lax`.',
  references: [
    'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html',
    'https://owasp.org/www-community/attacks/csrf',
  ],
});

const TOKEN = /csrf|xsrf|token|nonce|authenticity|verification|antiforgery|anti-forgery/i;
const META = /^(?:csrf-token|csrf_token|_csrf|xsrf-token|csrf-param)$/;
const MAX_HITS = 5;

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function hasToken(form: Form): boolean {
  return form.inputs.some((i) => i.type === 'hidden' && TOKEN.test(i.name));
}

export const csrfTokenMissing: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const page = ctx.page();
    if (!page || !isHtmlDocument(ex, ctx)) return [];
    if (Object.keys(page.meta).some((k) => META.test(k))) return [];
    const hits: PassiveHit[] = [];
    for (const form of page.forms) {
      if (hits.length >= MAX_HITS) break;
      if (form.method !== 'POST' || hasToken(form) || !sameOrigin(form.action, ex.request.url)) continue;
      const login = form.inputs.some((i) => i.type === 'password');
      const fields = form.inputs.filter((i) => i.type !== 'submit' && i.type !== 'button').map((i) => i.name);
      hits.push({
        message: `the ${login ? 'login ' : ''}form posting to ${clip(form.action, 100)} has no anti-CSRF token field (fields: ${clip(fields.join(', ') || 'none', 80)})`,
        evidence: clip(
          `<form method="post" action="${form.action}"> ${fields.map((f) => `<input name="${f}">`).join(' ')}`,
        ),
        param: form.action,
        ...(login ? { severity: 'low' as const } : {}),
      });
    }
    return hits;
  },
};
