import type { Rule } from '../core/rule.js';
import type { Severity } from '../core/severity.js';
import { escapeHtml } from './markdown-escape.js';

type Json = Record<string, unknown>;

/** The score GitHub code scanning reads from `properties['security-severity']` (CVSS-like). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export type SarifLevel = 'error' | 'warning' | 'note';

/** critical/high -> error, medium -> warning, low/info -> note. */
export const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** A SARIF reportingDescriptor: what GitHub shows as the rule title, help and severity. */
export function sarifRule(rule: Rule): Json {
  const helpUri = rule.references.find((r) => /^https?:\/\//.test(r));
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description || rule.title },
    ...(helpUri ? { helpUri } : {}),
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ruleTags(rule),
      precision: rule.confidence,
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

/** `secrets/aws-access-key-id` -> `AwsAccessKeyId`: SARIF names are identifiers, not text. */
export function ruleName(id: string): string {
  const last = id.slice(id.lastIndexOf('/') + 1);
  return last
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `security`, the rule's tags, and each CWE both as `CWE-798` and as GitHub's `external/cwe/cwe-798`. */
export function ruleTags(rule: Rule): string[] {
  const tags = new Set(['security', ...rule.tags]);
  for (const cwe of rule.cwe) {
    const n = /(\d+)/.exec(cwe)?.[1];
    if (!n) continue;
    tags.add(`CWE-${Number(n)}`);
    tags.add(`external/cwe/cwe-${n.padStart(3, '0')}`);
  }
  return [...tags].sort();
}

function helpText(rule: Rule): string {
  const parts = [rule.remediation];
  if (rule.cwe.length) parts.push(`Weaknesses: ${rule.cwe.join(', ')}`);
  if (rule.controls.length) parts.push(`Controls: ${rule.controls.join(', ')}`);
  if (rule.references.length) parts.push(`References:\n${rule.references.map((r) => `- ${r}`).join('\n')}`);
  return parts.join('\n\n');
}

/** Rule text is plain text: kept as Markdown, but never read as HTML (`FROM node@<digest>`). */
function helpMarkdown(rule: Rule): string {
  const parts = [
    `**${escapeHtml(rule.title)}**`,
    escapeHtml(rule.description),
    '**How to fix**',
    escapeHtml(rule.remediation),
  ];
  if (rule.cwe.length) parts.push(`Weaknesses: ${rule.cwe.join(', ')}`);
  if (rule.controls.length) parts.push(`Controls: ${rule.controls.map((c) => `\`${c}\``).join(', ')}`);
  if (rule.references.length) parts.push(rule.references.map((r) => `- <${r}>`).join('\n'));
  return parts.filter(Boolean).join('\n\n');
}
