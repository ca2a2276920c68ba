import { describe, expect, it } from 'vitest';
import { parseChallenges } from './challenge.js';

describe('parseChallenges', () => {
  it('reads a registry bearer challenge', () => {
    const h =
      'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:team/app:pull"';
    expect(parseChallenges(h)).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example.com/token',
          service: 'registry.example.com',
          scope: 'repository:team/app:pull',
        },
      },
    ]);
  });

  it('reads basic, token values, escapes, commas inside quotes and several challenges', () => {
    expect(parseChallenges('Basic realm="test"')).toEqual([{ scheme: 'basic', params: { realm: 'test' } }]);
    expect(parseChallenges('Bearer realm=x, scope="a:b:pull,push"')[0]!.params).toEqual({
      realm: 'x',
      scope: 'a:b:pull,push',
    });
    expect(parseChallenges('Basic realm="a \\"q\\" b"')[0]!.params.realm).toBe('a "q" b');
    expect(parseChallenges('Basic realm="a", Bearer realm="b"').map((c) => c.scheme)).toEqual([
      'basic',
      'bearer',
    ]);
    expect(parseChallenges('Negotiate')).toEqual([{ scheme: 'negotiate', params: {} }]);
  });

  it('survives garbage without throwing', () => {
    for (const h of [
      '',
      '   ',
      '"',
      'Bearer realm="unterminated',
      '=,=,',
      'Bearer realm=',
      '\u0000\u00ff',
      ','.repeat(10_000),
    ])
      expect(() => parseChallenges(h)).not.toThrow();
    expect(parseChallenges('Bearer realm="unterminated')).toEqual([]);
  });
});
