import { redactLine, redactValue } from '../core/redact.js';
import { SecretMatcher } from '../scanners/secrets/engine/matcher.js';
import { selectDetectors } from '../scanners/secrets/select.js';

let matcher: SecretMatcher | undefined;

/**
 * Masks every secret the secrets scanner recognises in `text`, and every value assigned to a
 * credential-like key. Gatehouse's own reports arrive redacted; SARIF from other tools often
 * carries the secret itself (in the message or the snippet), and none may reach the database.
 */
export function scrubSecrets(text: string): string {
  if (text.length === 0) return text;
  matcher ??= new SecretMatcher(selectDetectors({ disable: [], generic: true }));
  const found = matcher.scan(Buffer.from(text, 'utf8')).map((m) => m.secret);
  let out = text;
  for (const s of found.sort((a, b) => b.length - a.length)) if (s) out = out.split(s).join(redactValue(s));
  // Line by line: a credential assignment never spans lines (a report's JSON is one line).
  if (!out.includes('\n')) return redactLine(out);
  return out
    .split('\n')
    .map((line) => redactLine(line))
    .join('\n');
}
