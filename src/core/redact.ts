import { createHash } from 'node:crypto';
import type { SecretInfo } from './finding.js';

const ELLIPSIS = '…';

/** How much of a secret's start may be shown: provider prefixes are public, the rest is not. */
function visiblePrefixLength(value: string): number {
  if (value.length >= 20) return 4;
  if (value.length >= 12) return 2;
  return 0;
}

export function secretHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

export function redactValue(value: string): string {
  return `${value.slice(0, visiblePrefixLength(value))}${ELLIPSIS}`;
}

export function secretInfo(value: string): SecretInfo {
  return { redacted: redactValue(value), hash: secretHash(value) };
}

/** Replace every occurrence of each secret in `text` by its redacted form. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length === 0) continue;
    out = out.split(s).join(redactValue(s));
  }
  return out;
}

/** A key that names a credential, followed by `=`, `:` or whitespace (Dockerfile `ENV KEY value`) and a value. */
const SENSITIVE_ASSIGNMENT =
  /((?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)[\w.-]*["']?\s*(?:[=:]\s*|\s+))(["']?)([^\s"',}]{4,})/gi;

/**
 * Snippets quote the source line, and an IaC line that sets a credential would print it: the
 * values the rule names are redacted, and so is any value assigned to a credential-like key.
 */
export function redactLine(line: string, secrets: readonly string[] = []): string {
  return redactText(line, secrets).replace(
    SENSITIVE_ASSIGNMENT,
    (_m, head: string, quote: string, value: string) =>
      value.startsWith('${') || value.startsWith('var.') || value.includes('…')
        ? `${head}${quote}${value}`
        : `${head}${quote}${redactValue(value)}`,
  );
}
