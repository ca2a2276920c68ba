import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, builtinFolders, builtinRules } from '../format/builtin.js';
import { ruleFilesIn } from '../format/load.js';
import { testRuleFile } from './run.js';

/** `npm test` fails when any built-in rule breaks one of its annotated tests. */
describe.each(builtinFolders())('built-in %s rules', (folder) => {
  const dir = join(BUILTIN_RULES_DIR, folder);
  it.each(ruleFilesIn(dir))('%s passes its annotated tests', (file) => {
    const report = testRuleFile(join(dir, file), `${folder}/${file}`);
    expect(report.failures).toEqual([]);
    expect(report.testFiles).toBeGreaterThan(0);
  });
});

const NIST = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../data/nist-800-53-rev5.json'), 'utf8'),
) as Record<string, string>;
const PREFIX: Record<string, string> = { javascript: 'js', python: 'py', go: 'go', java: 'java' };

describe('built-in SAST rule metadata', () => {
  it('has a rule folder per language and unique ids', () => {
    expect(builtinFolders()).toEqual(expect.arrayContaining(['go', 'java', 'javascript', 'python']));
    const ids = builtinRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(builtinRules().map((r) => [r.id, r] as const))('%s is complete', (id, r) => {
    const folder = r.file.replace(/^\(built-in\) /, '').split('/')[0]!;
    expect(id).toMatch(new RegExp(`^sast/${PREFIX[folder]}-[a-z0-9]+(-[a-z0-9]+)+$`));
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.description.length).toBeGreaterThan(60);
    expect(r.cwe.length).toBeGreaterThan(0);
    expect(r.owasp.length).toBeGreaterThan(0);
    expect(r.fix.length).toBeGreaterThan(40);
    expect(r.example, 'a built-in rule shows safe code').toBeDefined();
    expect(r.references.length).toBeGreaterThan(0);
    for (const c of r.controls.filter((c) => c.startsWith('nist-800-53:')))
      expect(NIST[c.slice('nist-800-53:'.length)], `unknown NIST 800-53 control ${c}`).toBeDefined();
  });
});
