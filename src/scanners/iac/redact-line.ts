import { redactText, redactValue } from '../../core/redact.js';

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
