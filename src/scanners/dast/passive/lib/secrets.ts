import { looksLikeSecret } from './text.js';

export interface SecretMatch {
  kind: string;
  value: string;
  index: number;
}

const MAX_MATCHES = 20;

function* matches(text: string, re: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m && n < MAX_MATCHES; m = re.exec(text), n++) yield m;
}

const PEM = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;

/**
 * PEM private keys with their base64 body right after the header (JSON-escaped newlines and
 * Proc-Type headers allowed): a header followed by "..." in documentation is not a key.
 */
export function findPrivateKeys(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const m of matches(text, PEM)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 300).replace(/\\[nr]|\s/g, '');
    const body = /[A-Za-z0-9+/]{40,}/.exec(after);
    if (body) out.push({ kind: `${m[1]!.toLowerCase()}`, value: body[0], index: m.index });
  }
  return out;
}

const TOKENS: readonly { kind: string; re: RegExp }[] = [
  { kind: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b/g },
  { kind: 'Slack token', re: /\bxox[abprs]-[0-9A-Za-z-]{10,100}\b/g },
  { kind: 'Stripe live secret key', re: /\b[rs]k_live_[0-9A-Za-z]{24,99}\b/g },
];

/** AWS's own documentation key ids end in EXAMPLE. */
const PLACEHOLDER = /EXAMPLE$|^(?:AKIA|ASIA)X{16}$/;

export function findApiKeys(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const { kind, re } of TOKENS)
    for (const m of matches(text, re))
      if (!PLACEHOLDER.test(m[0])) out.push({ kind, value: m[0], index: m.index });
  return out;
}

/** An AWS secret access key named as such near a key id. */
export function awsSecretNear(text: string, index: number): boolean {
  const window = text.slice(index, index + 400);
  return /secret[\w-]{0,30}["']?\s{0,4}[:=]\s{0,4}["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i.test(window);
}

const LABELLED =
  /\b(api[ _-]?key|api[ _-]?token|access[ _-]?token|auth(?:entication)?[ _-]?token|secret[ _-]?key|client[ _-]?secret|private[ _-]?token)\b[\s:="']{0,12}([A-Za-z0-9][\w\-.~+/]{15,200})/gi;

/**
 * A credential shown under its label, as an account page shows "API key: sk_…". Test keys and
 * placeholders are left out: documentation shows those.
 */
export function findLabelledCredential(text: string): SecretMatch | undefined {
  for (const m of matches(text, LABELLED)) {
    const value = m[2]!;
    if (/test|dummy|sample|placeholder|your|xxxx|1234567/i.test(value) || !looksLikeSecret(value)) continue;
    return { kind: m[1]!.toLowerCase(), value, index: m.index };
  }
  return undefined;
}
