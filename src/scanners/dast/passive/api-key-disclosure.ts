import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { awsSecretNear, findApiKeys } from './lib/secrets.js';
import { bodyText, isTextual, redact } from './lib/text.js';

const rule = dastRule({
  id: 'dast/api-key-disclosure',
  title: 'Cloud or service credential in the response',
  description:
    'The response contains a credential with a provider-specific shape: an AWS access key id (AKIA…/ASIA…, high ' +
    'when a secret access key is named next to it, medium alone since the id needs its secret), a GitHub token ' +
    '(ghp_, gho_, ghu_, ghs_, ghr_, github_pat_), a Slack token (xoxb-, xoxp-…) or a Stripe live secret key ' +
    '(sk_live_, rk_live_). Only these precise formats are matched, not generic "key=" strings; AWS documentation ' +
    'keys (…EXAMPLE) and keys echoed from the request are skipped. Public-by-design keys (Google Maps AIza…, ' +
    'Stripe pk_) are not reported. Scripts are read (bundles leak keys); binary bodies are not. Values are ' +
    'redacted to their first four characters.',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-200'],
  owasp: ['A07:2021', 'A05:2021'],
  nist: ['IA-5', 'SC-28'],
  mode: 'passive',
  remediation:
    'Remove the credential from the page or bundle (server-side code should call the provider, not the ' +
    'browser), then revoke and rotate it in the provider console: it must be considered leaked.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
});

export const apiKeyDisclosure: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    if (ex.response.body.length === 0 || !isTextual(ex, ctx)) return [];
    const text = bodyText(ctx);
    const echoed = `${ex.request.url}\n${ex.request.body ?? ''}`;
    const seen = new Set<string>();
    const hits: PassiveHit[] = [];
    for (const key of findApiKeys(text)) {
      if (seen.has(key.value) || echoed.includes(key.value) || hits.length >= 5) continue;
      seen.add(key.value);
      const aws = key.kind.startsWith('AWS');
      const withSecret = aws && awsSecretNear(text, key.index);
      hits.push({
        message: `the response contains a ${key.kind} (${redact(key.value)})${withSecret ? ' with its secret access key next to it' : ''}`,
        evidence: redact(key.value),
        ...(aws && !withSecret ? { severity: 'medium' as const } : {}),
      });
    }
    return hits;
  },
};
