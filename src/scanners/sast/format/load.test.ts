import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { makeTree } from '../../../../test/tmp.js';
import { UserError } from '../../../core/errors.js';
import { analyseSource } from '../engine/analyse.js';
import { loadRuleDir, rulesFromYaml } from './load.js';

const BASE = `
id: my/rule
title: a test rule
languages: [javascript]
severity: medium
message: found $X
fix: change it
pattern: foo($X)
`;

/** Builds one rule from BASE with some keys replaced (null removes a key). */
function rules(overrides: string) {
  const entry: Record<string, unknown> = { ...parse(BASE), ...(parse(overrides) ?? {}) };
  for (const [k, v] of Object.entries(entry)) if (v === null) delete entry[k];
  return rulesFromYaml({ rules: [entry] }, 'rules.yml');
}

function error(overrides: string): string {
  try {
    rules(overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected the rule to be refused');
}

describe('SAST rule format', () => {
  it('loads a valid rule with its metadata and compiles it for its grammars', () => {
    const [r] = rules(
      `{ languages: [javascript, typescript], owasp: ['A03:2021'], cwe: [CWE-78], nist: [SI-10], example: 'bar(x)' }`,
    );
    expect(r!.id).toBe('my/rule');
    expect(r!.confidence).toBe('medium');
    expect(r!.controls).toEqual(['owasp-top10-2021:A03', 'nist-800-53:SI-10']);
    expect([...r!.compiled.keys()]).toEqual(['JavaScript', 'TypeScript', 'Tsx']);
  });

  it('names the file, the rule and the key of every mistake', () => {
    expect(error('{ severity: urgent }')).toMatch(/^rules\.yml: rules\[0\]\.severity: must be one of/);
    expect(error('{ colour: red }')).toBe("rules.yml: rules[0]: unknown key(s) 'colour'");
    expect(error('{ owasp: [A3] }')).toMatch(/rules\[0\]\.owasp\[0\]: must be an OWASP Top 10 category/);
    expect(error('{ languages: [cobol] }')).toMatch(/rules\[0\]\.languages\[0\]: must be one of/);
    expect(error('{ pattern: null }')).toMatch(/rules\[0\]: needs one of 'pattern'/);
  });

  it('refuses a pattern that does not parse, naming where it is', () => {
    expect(error(`{ pattern: 'foo($X' }`)).toMatch(
      /^rules\.yml: rules\[0\] \(my\/rule\)\.\(rule\)\.pattern: does not parse as JavaScript code/,
    );
  });

  it("passes on ast-grep's own objections: unknown node kinds, bad regexes", () => {
    expect(error(`{ all: [{ pattern: 'foo($X)' }, { kind: no_such_kind }] }`)).toMatch(/no_such_kind/);
    expect(error(`{ regex: '(?<=a)b' }`)).toMatch(/look-around/);
    expect(error(`{ where: { $Y: { regex: a } } }`)).toMatch(/Y/);
  });

  it('refuses metavariables no pattern binds (message, focus, propagators)', () => {
    expect(error('{ message: found $NOPE }')).toMatch(/message: \$NOPE is not bound/);
    const taint = `{ mode: taint, pattern: null, message: x, sources: [{ pattern: src() }], sinks: [{ pattern: 'sink($A)', focus: $B }] }`;
    expect(error(taint)).toMatch(/sinks\[0\]\.focus: \$B is not bound/);
  });

  it('keeps matching keys and taint keys apart', () => {
    expect(error('{ sources: [{ pattern: x() }] }')).toMatch(/sources: only taint rules/);
    expect(error('{ mode: taint, message: x }')).toMatch(/pattern: a taint rule matches through/);
    expect(error('{ mode: taint, pattern: null, message: x }')).toMatch(
      /sources: a taint rule needs at least one/,
    );
  });

  it('leaves IaC entries to the IaC scanner and asks which scanner an entry is for', () => {
    const iac = { id: 'x', platform: 'terraform' };
    expect(rulesFromYaml({ rules: [iac] }, 'r.yml')).toEqual([]);
    expect(() => rulesFromYaml({ rules: [{ id: 'x' }] }, 'r.yml')).toThrow(
      /'platform' \(IaC\) or 'languages' \(SAST\)/,
    );
    expect(() => rulesFromYaml({ rule: [] }, 'r.yml')).toThrow(/a 'rules:' list/);
  });

  it('refuses the same id twice in a folder, or an id a built-in rule has', () => {
    const { root, cleanup } = makeTree({});
    try {
      const rule = (id: string) => stringify({ rules: [{ ...parse(BASE), id }] });
      mkdirSync(join(root, 'r'));
      writeFileSync(join(root, 'r', 'a.yml'), rule('one'));
      writeFileSync(join(root, 'r', 'b.yml'), rule('one'));
      expect(() => loadRuleDir(join(root, 'r'), 'r')).toThrow("r/b.yml: rule id 'one' is already used");
      writeFileSync(join(root, 'r', 'b.yml'), rule('two'));
      expect(loadRuleDir(join(root, 'r'), 'r').map((x) => x.id)).toEqual(['one', 'two']);
      expect(() => loadRuleDir(join(root, 'r'), 'r', new Set(['two']))).toThrow(/'two' is already used/);
    } finally {
      cleanup();
    }
  });
});

describe('pattern compilation', () => {
  it('makes bare Go call patterns match (they parse as calls only inside a function)', () => {
    const [r] = rules(`{ languages: [go], pattern: 'exec.Command($$$A)', message: found }`);
    const code = 'package p\nfunc f() {\n\texec.Command("ls", dir)\n}\n';
    expect(analyseSource(code, 'go', [r!], { budgetMs: 5000 }).matches.map((m) => m.span.startLine)).toEqual([
      3,
    ]);
  });

  it('fills $NAME, $$$NAME and $MATCH in messages and leaves unbound ones as written', () => {
    const [r] = rules(
      `{ pattern: null, any: [{ pattern: 'foo($X, $$$REST)' }, { pattern: 'bar($Y)' }], message: '$MATCH: $X, $$$REST, $Y' }`,
    );
    const found = analyseSource('foo(a, b, c);\nbar(d);', 'JavaScript', [r!], { budgetMs: 5000 }).matches;
    expect(found.map((m) => m.message)).toEqual(['foo(a, b, c): a, b, c, $Y', 'bar(d): $X, $$$REST, d']);
  });

  it('never lets a file without a pattern word reach the tree search', () => {
    const [r] = rules(`{ pattern: 'dangerousCall($X)', message: found }`);
    const compiled = r!.compiled.get('JavaScript')!;
    expect(compiled.mode === 'search' && compiled.matcher.anchors).toEqual(['dangerousCall']);
    const [c] = rules(
      `{ pattern: '$A.$B($$$)', where: { $A: { regex: '^(db|pool)$' }, $B: { regex: '^(query|execute)$' } }, message: found }`,
    );
    const taint = c!.compiled.get('JavaScript')!;
    expect(taint.mode === 'search' && taint.matcher.anchors).toEqual(['query', 'execute']);
  });

  it("runs a kind-only search rule only on files with one of its own 'anchors'", () => {
    const [r] = rules(
      `{ pattern: null, kind: pair, regex: '^noEscape:', anchors: [noEscape], message: found }`,
    );
    const compiled = r!.compiled.get('JavaScript')!;
    expect(compiled.mode === 'search' && compiled.matcher.anchors).toEqual(['noEscape']);
    const hit = analyseSource('compile(src, { noEscape: true });', 'JavaScript', [r!], { budgetMs: 5000 });
    expect(hit.matches).toHaveLength(1);
    expect(
      error(
        '{ mode: taint, pattern: null, sources: [{ pattern: a() }], sinks: [{ pattern: b($X) }], anchors: [a] }',
      ),
    ).toMatch(/anchors: only search rules/);
    expect(error('{ anchors: [not a word] }')).toMatch(/anchors\[0\]: an anchor is one identifier-like word/);
  });
});
