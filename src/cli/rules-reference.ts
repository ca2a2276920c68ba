import type { Rule } from '../core/rule.js';

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function anchor(id: string): string {
  return id.replace(/[^a-z0-9-]/g, '-');
}

/** The Markdown reference for one scanner's rules; docs/rules/<scanner>.md is this output. */
export function rulesMarkdown(scanner: string, rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const lines = [
    `# ${scanner} rules`,
    '',
    `Generated from rule metadata by \`gatehouse rules list --scanner ${scanner} --format md\`; do not edit.`,
    '',
    `${sorted.length} rules.`,
    '',
    '| Rule | Title | Severity | Confidence |',
    '| --- | --- | --- | --- |',
    ...sorted.map(
      (r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${escapeCell(r.title)} | ${r.severity} | ${r.confidence} |`,
    ),
    '',
  ];
  for (const r of sorted) lines.push(...ruleSection(r));
  return `${lines.join('\n')}\n`;
}

function ruleSection(r: Rule): string[] {
  return [
    `<a id="${anchor(r.id)}"></a>`,
    `## ${r.id}`,
    '',
    `**${r.title}** — severity ${r.severity}, confidence ${r.confidence}${r.cwe.length ? `, ${r.cwe.join(', ')}` : ''}`,
    '',
    r.description,
    '',
    `**Fix:** ${r.remediation}`,
    '',
    ...(r.controls.length ? [`**Controls:** ${r.controls.join(', ')}`, ''] : []),
    ...(r.references.length ? ['**References:**', '', ...r.references.map((u) => `- <${u}>`), ''] : []),
  ];
}

/** One object per rule, sorted by id: stable for tooling. */
export function rulesJson(rules: readonly Rule[]): string {
  return `${JSON.stringify(
    [...rules].sort((a, b) => (a.id < b.id ? -1 : 1)),
    null,
    2,
  )}\n`;
}
