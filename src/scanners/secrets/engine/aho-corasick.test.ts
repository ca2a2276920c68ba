import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from './aho-corasick.js';

function hits(keywords: string[], text: string | Buffer): [string, number][] {
  const out: [string, number][] = [];
  new KeywordAutomaton(keywords).scan(Buffer.from(text), (k, end) => out.push([keywords[k]!, end]));
  return out.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

function naive(keywords: string[], text: string): [string, number][] {
  const out: [string, number][] = [];
  const lower = text.toLowerCase();
  for (const k of keywords) {
    for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) out.push([k, i + k.length]);
  }
  return out.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

describe('KeywordAutomaton', () => {
  it('finds overlapping and nested keywords, case-insensitively', () => {
    expect(hits(['he', 'she', 'his', 'hers'], 'uSHErs')).toEqual([
      ['he', 4],
      ['she', 4],
      ['hers', 6],
    ]);
  });

  it('finds keywords at both ends of the buffer and in an empty one', () => {
    expect(hits(['ab'], 'ab__ab')).toEqual([
      ['ab', 2],
      ['ab', 6],
    ]);
    expect(hits(['ab'], '')).toEqual([]);
  });

  it('agrees with a naive search on random text', () => {
    const alphabet = 'abcAB_-';
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const keywords = ['ab', 'abc', 'b_', 'ca', 'a-b', 'bca'];
    const text = Array.from({ length: 5000 }, () => alphabet[rnd() % alphabet.length]).join('');
    expect(hits(keywords, text)).toEqual(naive(keywords, text));
  });

  it('is not confused by bytes above 127 or NUL', () => {
    expect(hits(['ghp_'], Buffer.from([0xff, 0x00, 0x67, 0x68, 0x70, 0x5f, 0xc3, 0xa9]))).toEqual([
      ['ghp_', 6],
    ]);
  });
});
