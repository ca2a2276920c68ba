import { describe, expect, it } from 'vitest';
import type { Detector } from '../detector.js';
import { SecretMatcher } from './matcher.js';

const token: Detector = {
  id: 'test-token',
  title: 'Test token',
  description: 'A token format used only by these tests.',
  provider: 'Test',
  severity: 'high',
  keywords: ['tkn_'],
  pattern: /(?<![A-Za-z0-9])(?<secret>tkn_[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
  remediation: 'Rotate the test token in the test provider.',
  references: [],
  examples: { positive: [], negative: [] },
};
const pem: Detector = {
  ...token,
  id: 'test-pem',
  keywords: ['-----begin test key-----'],
  multiline: 4096,
  pattern: /-----BEGIN TEST KEY-----\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,2000}?)\r?\n-----END TEST KEY-----/,
};
const generic: Detector = {
  ...token,
  id: 'test-generic',
  generic: true,
  keywords: ['secret'],
  pattern: /secret\s*=\s*(?<secret>[A-Za-z0-9_]{16,64})/,
};
const T1 = 'tkn_Q7vX2kR9pLz4TnW8bYc3HsDa';
const T2 = 'tkn_m3Kd8QwZ1xVb6NrT4yLp9JcE';
const m = new SecretMatcher([token, pem, generic]);
const scan = (s: string | Buffer) => m.scan(Buffer.from(s));

describe('SecretMatcher', () => {
  it('reports line and column (1-based), also after CRLF line ends', () => {
    const [r] = scan(`one\r\ntwo\r\n  x = "${T1}"\r\n`);
    expect(r).toMatchObject({
      detectorId: 'test-token',
      secret: T1,
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 36,
    });
  });

  it('finds several secrets on one line and redacts all of them in each snippet', () => {
    const rs = scan(`a=${T1} b=${T2}`);
    expect(rs.map((r) => r.secret)).toEqual([T1, T2]);
    for (const r of rs) {
      expect(r.snippet).not.toContain(T1.slice(4));
      expect(r.snippet).not.toContain(T2.slice(4));
      expect(r.snippet).toBe('a=tkn_… b=tkn_…');
    }
  });

  it('spans lines for multiline detectors and reports the end position', () => {
    const body = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQy\nMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0';
    const [r] = scan(`x\n-----BEGIN TEST KEY-----\n${body}\n-----END TEST KEY-----\n`);
    expect(r).toMatchObject({ detectorId: 'test-pem', line: 3, endLine: 4 });
    expect(r!.snippet).not.toContain('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQy');
  });

  it('honours gatehouse:allow on the same line only', () => {
    const rs = scan(`a=${T1} # gatehouse:allow\nb=${T2}\n`);
    expect(rs.map((r) => r.secret)).toEqual([T2]);
  });

  it('drops a generic guess on the same span as a provider format', () => {
    const rs = scan(`secret = ${T1}\n`);
    expect(rs.map((r) => r.detectorId)).toEqual(['test-token']);
  });

  it('never leaves part of a long secret in a cut snippet', () => {
    const long: Detector = { ...token, id: 'long', pattern: /(?<secret>tkn_[A-Za-z0-9]{500})/ };
    const value = `tkn_${'aB3dE5gH7jK9'.repeat(42).slice(0, 500)}`;
    const [r] = new SecretMatcher([long]).scan(Buffer.from(`${'x'.repeat(300)} ${value} ${'y'.repeat(300)}`));
    expect(r!.secret).toBe(value);
    expect(r!.snippet).not.toMatch(/aB3dE5/);
    expect(r!.snippet.length).toBeLessThan(300);
  });

  it('stays linear on a huge single line full of keywords', () => {
    const line = Buffer.alloc(20 * 1024 * 1024, 'secret=tkn_ ');
    Buffer.from(` ${T1} `).copy(line, 10 * 1024 * 1024 + 3);
    const rs = m.scan(line);
    expect(rs.map((r) => r.secret)).toContain(T1);
  });

  it('handles bytes that are not UTF-8 around a secret', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(` ${T1} `), Buffer.from([0xc3])]);
    expect(m.scan(buf).map((r) => r.secret)).toEqual([T1]);
  });

  it('finds nothing in an empty buffer or one without keywords', () => {
    expect(scan('')).toEqual([]);
    expect(scan('just some code\n'.repeat(1000))).toEqual([]);
  });
});

describe('columns', () => {
  it('counts UTF-16 code units, not bytes, before the secret', () => {
    const [r] = scan(`// naïve 🔑 = ${T1}\n`);
    expect(r!.column).toBe(`// naïve 🔑 = `.length + 1);
    expect(r!.endColumn).toBe(r!.column + T1.length);
  });
});

describe('overlapping detectors', () => {
  const url: Detector = {
    ...token,
    id: 'test-url',
    severity: 'medium',
    keywords: ['https://'],
    pattern: /https:\/\/[a-z]{1,20}:(?<secret>[A-Za-z0-9_]{8,64})@/,
  };
  const both = new SecretMatcher([token, url]);

  it('reports a span once, by the more severe provider format', () => {
    const rs = both.scan(Buffer.from(`git clone https://bot:${T1}@git.example.org/x.git\n`));
    expect(rs.map((r) => r.detectorId)).toEqual(['test-token']);
  });

  it('keeps distinct secrets that only chain through a third overlap', () => {
    const rs = both.scan(Buffer.from(`${T1} https://bot:Zq8xK2mV9rT4pLnW@h ${T2}\n`));
    expect(rs.map((r) => r.detectorId)).toEqual(['test-token', 'test-url', 'test-token']);
  });
});
