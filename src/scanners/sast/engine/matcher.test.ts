import { describe, expect, it } from 'vitest';
import { rulesFromYaml } from '../format/load.js';
import { parseSource } from '../languages.js';
import { analyseSource } from './analyse.js';
import { asciiRegex, compileMatcher, searchTree } from './matcher.js';

describe('asciiRegex', () => {
  it('replaces Unicode classes outside and inside character classes', () => {
    expect(asciiRegex('^@\\s*[\\w.]+\\.(get|post)\\b')).toBe(
      '^@[[:space:]]*[[:word:].]+\\.(get|post)(?-u:\\b)',
    );
    expect(asciiRegex('\\S+\\W\\D[^\\s\\d]')).toBe(
      '[^[:space:]]+[^[:word:]][^[:digit:]][^[:space:][:digit:]]',
    );
  });

  it('keeps other escapes, literal brackets and regexes it cannot read safely', () => {
    expect(asciiRegex('\\\\s\\.\\[\\w')).toBe('\\\\s\\.\\[[[:word:]]');
    expect(asciiRegex('[]\\s]')).toBe('[][:space:]]');
    expect(asciiRegex('[a[b]\\s]')).toBe('[a[b]\\s]');
    expect(asciiRegex('[\\s')).toBe('[\\s');
    expect(asciiRegex('^(query|execute)$')).toBe('^(query|execute)$');
  });
});

describe('the ASCII search of a matcher', () => {
  const m = compileMatcher({ pattern: '$F($$$)', where: { $F: { regex: '^\\w+\\s*$' } } }, 'python', 'test');

  it('checks a translatable metavariable regex in JavaScript, not in ast-grep', () => {
    expect(m.config.constraints).toBeDefined();
    expect(m.ascii.config.constraints).toBeUndefined();
    expect(m.ascii.checks.map((c) => [c.name, c.re.source, c.negate])).toEqual([['F', '^\\w+\\s*$', false]]);
  });

  it('leaves a regex it cannot translate, and kinds, to ast-grep', () => {
    const k = compileMatcher(
      { pattern: '$F($$$)', where: { $F: { regex: '(?x) run', kind: 'identifier' } } },
      'python',
      'test',
    );
    expect(k.ascii.checks).toEqual([]);
    expect(k.ascii.config.constraints).toEqual(k.config.constraints);
  });

  it('finds the same nodes as the original on ASCII text, and is not used on other text', () => {
    const root = parseSource('python', 'run(1)\nx.y(2)\nrun_all(3)\nwalk(4)\n').root();
    const texts = (ascii: boolean) => searchTree(root, m, ascii).map((n) => n.text());
    expect(texts(true)).toEqual(root.findAll(m.config).map((n) => n.text()));
    expect(texts(false)).toEqual(['run(1)', 'run_all(3)', 'walk(4)']);
    const negated = compileMatcher(
      { pattern: '$F($$$)', where: { $F: { regex: '^r', 'not-regex': '_all$' } } },
      'python',
      'test',
    );
    expect(searchTree(root, negated, true).map((n) => n.text())).toEqual(['run(1)']);
  });
});

describe('analyseSource on non-ASCII files', () => {
  it('keeps Unicode classes: \\w matches a non-ASCII identifier', () => {
    const [rule] = rulesFromYaml(
      {
        rules: [
          {
            id: 'test/unicode',
            title: 'calls',
            languages: ['python'],
            severity: 'low',
            message: '$MATCH',
            fix: 'none',
            pattern: '$F($$$)',
            where: { $F: { regex: '^\\w+$' } },
          },
        ],
      },
      'test.yml',
    );
    const lines = (code: string) =>
      analyseSource(code, 'python', [rule!], { budgetMs: 10_000 }).matches.map((m) => m.span.startLine);
    expect(lines('run(1)\nx.y(2)\n')).toEqual([1]);
    expect(lines('run(1)\nx.y(2)\nstraße(3)\n')).toEqual([1, 3]);
  });
});
