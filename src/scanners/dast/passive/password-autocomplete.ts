import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { visitTags } from './lib/html.js';
import { isHtmlDocument } from './lib/response.js';
import { bodyText, clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/password-autocomplete',
  title: 'Password field does not say how it may be autofilled',
  description:
    'Informational. A password input with no autocomplete attribute (or `autocomplete="on"`), on itself or on ' +
    'its form, leaves browsers to guess whether it is a sign-in or a new password: they may offer a saved ' +
    'password in a change-password form or fail to generate a strong one. The aim is not to stop password ' +
    'managers: NIST SP 800-63B wants verifiers to allow them, and browsers ignore `autocomplete="off"` on ' +
    'passwords anyway. So any explicit decision is accepted: `current-password`, `new-password`, ' +
    '`one-time-code`, `off` (on the input, or on the `<form>`, which the input inherits). Only password inputs ' +
    'count, not text fields that mention passwords. HTML pages only.',
  severity: 'info',
  cwe: ['CWE-522'],
  owasp: ['A07:2021'],
  nist: ['IA-5'],
  mode: 'passive',
  remediation:
    'Say what the field is: `<input type="password" name="password" autocomplete="current-password">` on ' +
    'sign-in forms, `autocomplete="new-password"` on sign-up and change-password forms.',
  references: [
    'https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofilling-form-controls:-the-autocomplete-attribute',
    'https://pages.nist.gov/800-63-3/sp800-63b.html#memsecretver',
    'https://www.chromium.org/developers/design-documents/create-amazing-password-forms/',
  ],
});

const TAGS = new Set(['form', 'input']);
const MAX_HITS = 5;

function undecided(value: string | undefined): boolean {
  return value === undefined || /^\s*(?:on)?\s*$/i.test(value);
}

export const passwordAutocomplete: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const html = bodyText(ctx);
    if (!/type\s*=\s*["']?password/i.test(html)) return [];
    const hits: PassiveHit[] = [];
    let form: string | undefined;
    let inForm = false;
    visitTags(html, TAGS, {
      open(name, attrs) {
        if (name === 'form') {
          inForm = true;
          form = attrs.autocomplete;
          return;
        }
        if ((attrs.type ?? '').trim().toLowerCase() !== 'password' || hits.length >= MAX_HITS) return;
        if (
          !undecided(attrs.autocomplete) ||
          (attrs.autocomplete === undefined && inForm && !undecided(form))
        )
          return;
        const field = attrs.name ?? attrs.id ?? '(unnamed)';
        hits.push({
          message: `the password field ${field} has no autocomplete value telling browsers whether it takes the current or a new password`,
          evidence: clip(
            `<input type="password"${attrs.name ? ` name="${attrs.name}"` : ''}${attrs.autocomplete !== undefined ? ` autocomplete="${attrs.autocomplete}"` : ''}>`,
          ),
          param: field,
        });
      },
      close(name) {
        if (name === 'form') {
          inForm = false;
          form = undefined;
        }
      },
    });
    return hits;
  },
};
