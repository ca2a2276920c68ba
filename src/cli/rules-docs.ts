import type { RulePack } from '../scanners/index.js';
import { rulesMarkdown } from './rules-reference.js';

/** docs/rules/: one page per rule pack and an index, all generated from rule metadata. */
export function rulesDocs(scanners: readonly RulePack[]): Map<string, string> {
  const files = new Map<string, string>();
  const index = [
    '# Rules reference',
    '',
    'Generated from rule metadata (`npm run docs:rules`); do not edit.',
    '',
  ];
  for (const s of scanners) {
    files.set(`${s.name}.md`, rulesMarkdown(s.name, s.rules()));
    index.push(`- [${s.name}](${s.name}.md) — ${s.description} (${s.rules().length} rules)`);
  }
  files.set('README.md', `${index.join('\n')}\n`);
  return files;
}
