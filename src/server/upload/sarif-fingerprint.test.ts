import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding.js';
import { testFinding } from '../../store/test-upload.js';
import { type FingerprintInput, sarifFingerprint, separateDuplicates } from './sarif-fingerprint.js';

const input = (over: Partial<FingerprintInput> = {}): FingerprintInput => ({
  tool: 'semgrep',
  ruleId: 'r1',
  path: 'src/a.js',
  result: {},
  matched: 'eval(input)',
  message: 'eval is dangerous',
  ...over,
});

describe('sarifFingerprint', () => {
  it('is 32 hex digits, the same for the same input', () => {
    expect(sarifFingerprint(input())).toMatch(/^[0-9a-f]{32}$/);
    expect(sarifFingerprint(input())).toBe(sarifFingerprint(input()));
  });

  it("uses Gatehouse's own key when the result carries one", () => {
    const own = 'ab'.repeat(16);
    expect(sarifFingerprint(input({ result: { partialFingerprints: { 'gatehouse/v1': own } } }))).toBe(own);
    expect(
      sarifFingerprint(input({ result: { partialFingerprints: { 'gatehouse/v1': 'not hex!' } } })),
    ).not.toBe('not hex!');
  });

  it('ignores the line: no line number reaches it, so moved code keeps its finding', () => {
    // The result's region is not an input at all; only content is.
    const a = sarifFingerprint(
      input({ result: { locations: [{ physicalLocation: { region: { startLine: 3 } } }] } }),
    );
    const b = sarifFingerprint(
      input({ result: { locations: [{ physicalLocation: { region: { startLine: 90 } } }] } }),
    );
    expect(a).toBe(b);
  });

  it('ignores indentation and line endings of the snippet', () => {
    expect(sarifFingerprint(input({ matched: '   eval(input)\r\n' }))).toBe(sarifFingerprint(input()));
  });

  it('changes with the tool, the rule, the path and the matched content', () => {
    const base = sarifFingerprint(input());
    for (const over of [
      { tool: 'codeql' },
      { ruleId: 'r2' },
      { path: 'src/b.js' },
      { matched: 'eval(other)' },
    ])
      expect(sarifFingerprint(input(over))).not.toBe(base);
  });

  it("prefers the tool's stable fingerprints, then CodeQL's line hash, then the snippet, then the message", () => {
    const withIds = input({ result: { fingerprints: { 'matchBasedId/v1': 'm1' } } });
    expect(sarifFingerprint({ ...withIds, matched: 'changed' })).toBe(sarifFingerprint(withIds));
    const withHash = input({ result: { partialFingerprints: { primaryLocationLineHash: 'abc:1' } } });
    expect(sarifFingerprint({ ...withHash, matched: 'changed' })).toBe(sarifFingerprint(withHash));
    const bare = input({ matched: undefined });
    expect(sarifFingerprint({ ...bare, message: 'another' })).not.toBe(sarifFingerprint(bare));
    expect(sarifFingerprint({ ...input(), message: 'another' })).toBe(sarifFingerprint(input()));
  });

  it('ignores volatile partial fingerprints (Gitleaks: commit, author, date)', () => {
    const at = (commitSha: string) =>
      sarifFingerprint(input({ result: { partialFingerprints: { commitSha, date: commitSha } } }));
    expect(at('a'.repeat(40))).toBe(at('b'.repeat(40)));
  });
});

describe('separateDuplicates', () => {
  const at = (line: number, fp = 'same'): Finding =>
    testFinding(line, { fingerprint: fp, location: { path: 'a.tf', startLine: line } });

  it('gives later occurrences of a key their own key, counted in line order', () => {
    const findings = [at(30), at(10), at(20), at(5, 'other')];
    separateDuplicates(findings);
    const [l30, l10, l20, other] = findings.map((f) => f.fingerprint);
    expect(l10).toBe('same');
    expect(other).toBe('other');
    expect(new Set([l10, l20, l30]).size).toBe(3);
    const again = [at(10), at(20), at(30)];
    separateDuplicates(again);
    expect(again.map((f) => f.fingerprint)).toEqual([l10, l20, l30]);
  });

  it('keeps the keys when one occurrence moves with the others', () => {
    const before = [at(10), at(20)];
    const after = [at(110), at(120)];
    separateDuplicates(before);
    separateDuplicates(after);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });
});
