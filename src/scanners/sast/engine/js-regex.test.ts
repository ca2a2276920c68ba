import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseSource, sourceKindOf } from '../languages.js';
import { jsRegexForAscii } from './js-regex.js';

const RULES = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');

describe('jsRegexForAscii', () => {
  it('turns leading flags into RegExp flags', () => {
    expect(jsRegexForAscii('(?i)(db|pool)$')).toEqual(/(db|pool)$/i);
    expect(jsRegexForAscii('^(?i)sess')).toEqual(/^sess/i);
    expect(jsRegexForAscii('(?s)a.b')).toEqual(/a.b/s);
  });

  it('keeps Rust meanings: `.` passes \\r, POSIX classes, a leading `]`, named groups, ASCII word edges', () => {
    expect(jsRegexForAscii('a.b')?.test('a\rb')).toBe(true);
    expect(jsRegexForAscii('a.b')?.test('a\nb')).toBe(false);
    expect(jsRegexForAscii('^[[:word:]$.]+$')?.source).toBe('^[\\w$.]+$');
    expect(jsRegexForAscii('[]x]')?.test(']')).toBe(true);
    expect(jsRegexForAscii('(?P<n>a)')?.source).toBe('(?<n>a)');
    expect(jsRegexForAscii('(?-u:\\b)get(?-u:\\b)')?.source).toBe('\\bget\\b');
  });

  it('refuses what it cannot translate exactly', () => {
    for (const re of [
      'a(?i)b',
      '(?i:ab)',
      '(?m)^a',
      '(?x) a',
      '\\pL',
      '\\p{Greek}',
      '\\x{41}',
      '\\Aa\\z',
      '\\<word\\>',
      '\\b{start}a',
      '[a-z&&[^aeiou]]',
      '[[:graph:]]',
      '[\\b]',
      'a{,3}',
      '[abc',
      'a\\',
    ])
      expect(jsRegexForAscii(re), re).toBeUndefined();
  });
});

/** Every built-in rule: the regexes it writes, and its example files. */
function ruleRegexes(): { rule: string; regexes: Set<string>; files: string[] }[] {
  return readdirSync(RULES).flatMap((lang) => {
    const dir = join(RULES, lang);
    const names = readdirSync(dir);
    return names
      .filter((n) => n.endsWith('.yml'))
      .map((yml) => {
        const regexes = new Set<string>();
        const collect = (v: unknown, key?: string): void => {
          if ((key === 'regex' || key === 'not-regex') && typeof v === 'string') regexes.add(v);
          else if (Array.isArray(v)) for (const x of v) collect(x);
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
        };
        collect(parseYaml(readFileSync(join(dir, yml), 'utf8')));
        const stem = yml.slice(0, -'.yml'.length);
        const files = names.filter((n) => n.startsWith(`${stem}.`) && sourceKindOf(n));
        return { rule: `${lang}/${stem}`, regexes, files: files.map((n) => join(dir, n)) };
      });
  });
}

/** Each node's text, once with LF and once with CRLF line ends (`.` and `\s` differ there). */
function sampleTrees(files: string[]): SgNode[][] {
  return files.flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    if (/[^\x00-\x7f]/.test(text)) return [];
    const parser = sourceKindOf(path)!.parser;
    return [text, text.replace(/\n/g, '\r\n')].map((t) =>
      parseSource(parser, t)
        .root()
        .findAll({ rule: { regex: '(?s).*' } }),
    );
  });
}

describe('jsRegexForAscii on every regex of the built-in rules', () => {
  it('matches the same nodes of the rules’ example files as ast-grep does', () => {
    let compared = 0;
    for (const { rule, regexes, files } of ruleRegexes()) {
      const trees = sampleTrees(files);
      for (const rust of regexes) {
        const js = jsRegexForAscii(rust);
        if (!js) continue;
        for (const nodes of trees) {
          const root = nodes[0]!.getRoot().root();
          const key = (n: SgNode) => `${n.range().start.index}:${n.range().end.index}:${n.kind()}`;
          const byRust = new Set(root.findAll({ rule: { regex: rust } }).map(key));
          const byJs = new Set(nodes.filter((n) => js.test(n.text())).map(key));
          expect([...byJs].sort(), `${rule}: ${rust}`).toEqual([...byRust].sort());
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  }, 120_000);
});
