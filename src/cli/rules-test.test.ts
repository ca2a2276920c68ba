import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatehouse } from '../../test/cli.js';
import { makeTree } from '../../test/tmp.js';

const RULE = `rules:
  - id: acme/no-eval
    title: eval of a variable
    languages: [javascript, python]
    severity: high
    message: eval($X)
    fix: do not evaluate text
    pattern: eval($X)
    where:
      $X: { kind: identifier }
  - id: acme/bucket
    platform: terraform
    title: IaC rules in the same file are not SAST tests
`;

const PASSING_JS = `// ruleid: acme/no-eval
eval(code);
// ok: acme/no-eval
eval('1 + 1');
`;

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

/** A folder to run the CLI in; it sees this checkout's node_modules so `--import tsx` resolves. */
function tree(files: Record<string, string>): string {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  symlinkSync(join(import.meta.dirname, '../../node_modules'), join(t.root, 'node_modules'));
  return t.root;
}

describe('gatehouse rules test', () => {
  it('passes (exit 0) when every annotation holds, in every language of the rule', () => {
    const root = tree({
      '.gatehouse/rules/acme.yml': RULE,
      '.gatehouse/rules/acme.js': PASSING_JS,
      '.gatehouse/rules/acme.py': '# ruleid: acme/no-eval\neval(code)\n# ok: acme/no-eval\neval("1")\n',
    });
    const r = gatehouse(['rules', 'test'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1 rules in 1 files, 2 test files, 4 checks: all passed\n');
    expect(r.code).toBe(0);
  });

  it('prints each failed annotation and exits 1', () => {
    const root = tree({
      'rules/acme.yml': RULE,
      'rules/acme.js': `${PASSING_JS}// ruleid: acme/no-eval\neval('constant');\nfunction f(s) {\n  return eval(s);\n}\n`,
    });
    const r = gatehouse(['rules', 'test', 'rules'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rules/acme.js:6: acme/no-eval: expected a match, found none\n');
    expect(r.stdout).toContain(
      "rules/acme.js:8: acme/no-eval: unexpected match (line has no 'ruleid' annotation): eval(s)\n",
    );
    expect(r.stdout).toMatch(/2 failed\n$/);
  });

  it('fails a rule without both a ruleid and an ok annotation, and annotations naming unknown rules', () => {
    const root = tree({
      'r/acme.yml': RULE,
      'r/acme.js': '// ruleid: acme/no-eval\neval(code);\n// ok: acme/typo\nx();\n',
    });
    const r = gatehouse(['rules', 'test', 'r'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("r/acme.yml: acme/no-eval: no test file line is annotated 'ok: acme/no-eval'");
    expect(r.stdout).toContain('r/acme.js:3: acme/typo: annotation names a rule');
  });

  it('exits 2 with the file, rule and key when a rule is invalid, or the folder is missing', () => {
    const root = tree({ 'r/bad.yml': RULE.replace('severity: high', 'severity: severe') });
    const bad = gatehouse(['rules', 'test', 'r'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('r/bad.yml: rules[0].severity: must be one of');
    const missing = gatehouse(['rules', 'test', 'nowhere'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere: no such folder');
  });

  it('tests the built-in rules with --builtin', () => {
    const r = gatehouse(['rules', 'test', '--builtin']);
    expect(r.stdout).toMatch(/all passed\n$/);
    expect(r.code).toBe(0);
  });
});
