import type { Finding } from '../../core/finding.js';
import { redactLine, redactText, redactValue, secretInfo } from '../../core/redact.js';
import { strings } from './shape.js';

/** Tools whose every result is a leaked credential. */
const SECRET_TOOLS =
  /^(?:gitleaks|trufflehog|detect-secrets|ggshield|gitguardian|nosey-?parker|secretlint|talisman|whispers|kingfisher)\b/;
/** Hard-coded credentials, password, cryptographic key. */
const SECRET_CWES: ReadonlySet<string> = new Set(['CWE-798', 'CWE-259', 'CWE-321']);
/** Long tokens mixing letters and digits: what a credential looks like when nothing names it. */
const TOKEN = /[A-Za-z0-9+/_\-.=~]{16,}/g;

/** A result that reports a credential: from a secret scanner, tagged `secret(s)`, or with a credential CWE. */
export function isSecretResult(tool: string, cwe: readonly string[], tags: unknown): boolean {
  return (
    SECRET_TOOLS.test(tool) ||
    cwe.some((c) => SECRET_CWES.has(c)) ||
    strings(tags).some((t) => /^secrets?$/i.test(t.trim()))
  );
}

/**
 * Secret scanners put the secret itself in the SARIF: Gitleaks' snippet is the match, others
 * quote it in the message. The store scrubs what its own detectors recognise, but a bare token
 * with no keyword around it is not recognisable there, so a secret result is redacted here,
 * where we know what it is: a one-token snippet is the secret (it also gives `secret`, and is
 * redacted wherever the message repeats it); otherwise values assigned to credential-like keys
 * (in code), quoted values (in messages) and long letter-and-digit tokens are masked.
 */
export function redactSecretFinding(f: Finding, matched: string | undefined): void {
  const token = matched?.trim();
  const secrets = token && !/\s/.test(token) && token.length >= 8 ? [token] : [];
  if (secrets.length > 0) f.secret = secretInfo(secrets[0]!);
  const code = (text: string) => maskTokens(redactLine(redactText(text, secrets)));
  const prose = (text: string) => maskTokens(maskQuoted(redactText(text, secrets)));
  f.message = prose(f.message);
  if (f.location.snippet !== undefined) f.location.snippet = code(f.location.snippet);
  if (f.properties)
    f.properties = Object.fromEntries(
      Object.entries(f.properties).map(([k, v]) => [k, typeof v === 'string' ? prose(v) : v]),
    );
}

/** Messages quote the value they found (Bandit: `Possible hardcoded password: 'hunter2'`). */
function maskQuoted(text: string): string {
  return text.replace(/(['"`])([^\s'"`]{6,})\1/g, (_m, q: string, v: string) =>
    v.includes('…') ? `${q}${v}${q}` : `${q}${redactValue(v)}${q}`,
  );
}

function maskTokens(text: string): string {
  return text.replace(TOKEN, (t) =>
    /[A-Za-z]/.test(t) && /\d/.test(t) && !t.includes('…') ? redactValue(t) : t,
  );
}
