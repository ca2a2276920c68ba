import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { findPrivateKeys } from './lib/secrets.js';
import { bodyText, isTextual, redact } from './lib/text.js';

const rule = dastRule({
  id: 'dast/private-key-disclosure',
  title: 'Private key in the response',
  description:
    'The response contains a PEM private key (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted or PGP): whoever has it ' +
    'can impersonate the server or user it belongs to, or decrypt what was encrypted for them. Reported only ' +
    'when the BEGIN line is followed by a base64 key body (a header followed by "..." in documentation is not ' +
    'a key), and not when the key appears in the request (an echoed upload). Binary bodies are not read; the ' +
    'evidence shows the key type and four characters of its body.',
  severity: 'high',
  cwe: ['CWE-321', 'CWE-200'],
  owasp: ['A02:2021', 'A05:2021'],
  nist: ['SC-12', 'SC-28', 'IA-5'],
  mode: 'passive',
  remediation:
    'Remove the key from the web root or the code that returns it, then treat it as compromised: revoke it ' +
    '(and any certificate issued for it) and issue a new one kept in a secret store.',
  references: ['https://cwe.mitre.org/data/definitions/321.html', 'https://www.rfc-editor.org/rfc/rfc7468'],
});

/** Key bodies compared without line breaks, raw or JSON-escaped. */
function squeeze(text: string): string {
  return text.replace(/\\[nr]|\s/g, '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export const privateKeyDisclosure: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    if (ex.response.body.length === 0 || !isTextual(ex, ctx)) return [];
    const text = bodyText(ctx);
    if (!text.includes('PRIVATE KEY')) return [];
    const echoed = squeeze(`${ex.request.body ?? ''}\n${decode(ex.request.body ?? '')}`);
    const hits: PassiveHit[] = [];
    for (const key of findPrivateKeys(text).slice(0, 3)) {
      if (echoed.includes(key.value.slice(0, 40))) continue;
      const header = `-----BEGIN ${key.kind.toUpperCase()}-----`;
      hits.push({
        message: `the response contains a private key (${header})`,
        evidence: `${header} ${redact(key.value)}`,
      });
    }
    return hits;
  },
};
