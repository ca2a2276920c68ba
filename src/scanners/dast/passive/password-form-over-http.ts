import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { hostOf, isHtmlDocument, isHttps, isLoopbackHost } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/password-form-over-http',
  title: 'Password form on plain HTTP',
  description:
    'A form with an `<input type="password">` shown on an http:// page, or posting to an http:// action, sends ' +
    'the password in clear text (and a network attacker can rewrite the page to send it elsewhere). Only a real ' +
    'password input counts: fields named password_hint, a "forgot your password?" form or the word password in ' +
    'a label are not findings. Loopback pages are reported too, since the scanner cannot know how the app is ' +
    'published, but with medium confidence: an app scanned on http://localhost is often served over HTTPS in ' +
    'production.',
  severity: 'medium',
  cwe: ['CWE-319', 'CWE-523'],
  owasp: ['A02:2021', 'A07:2021'],
  nist: ['SC-8', 'IA-5'],
  mode: 'passive',
  remediation:
    'Serve the login page and its form action over HTTPS only, redirect http:// to https://, and send ' +
    'Strict-Transport-Security.',
  references: [
    'https://cwe.mitre.org/data/definitions/319.html',
    'https://developer.mozilla.org/en-US/docs/Web/Security/Insecure_passwords',
  ],
});

const MAX_HITS = 5;

export const passwordFormOverHttp: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const page = ctx.page();
    if (!page || !isHtmlDocument(ex, ctx)) return [];
    const pageHttp = !isHttps(ex.request.url);
    const hits: PassiveHit[] = [];
    for (const form of page.forms) {
      if (hits.length >= MAX_HITS) break;
      const password = form.inputs.find((i) => i.type === 'password');
      const actionHttp = form.action.startsWith('http:');
      if (!password || (!pageHttp && !actionHttp)) continue;
      const loopback = isLoopbackHost(hostOf(actionHttp ? form.action : ex.request.url) ?? '');
      hits.push({
        message: pageHttp
          ? `the page is served over plain HTTP and has a password field (${password.name}) in a form posting to ${clip(form.action, 100)}`
          : `the HTTPS page has a form that posts its password field (${password.name}) to the plain-HTTP address ${clip(form.action, 100)}`,
        evidence: clip(
          `<form method="${form.method.toLowerCase()}" action="${form.action}"> … <input type="password" name="${password.name}">`,
        ),
        param: password.name,
        ...(loopback ? { confidence: 'medium' as const } : {}),
      });
    }
    return hits;
  },
};
