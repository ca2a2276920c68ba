import { describe, expect, it } from 'vitest';
import { SecretMatcher } from '../engine/matcher.js';
import { registriesDetectors } from './registries.js';

const matcher = new SecretMatcher(registriesDetectors);
const first = (text: string) => matcher.scan(Buffer.from(text))[0];

describe('npm token checksum', () => {
  it('is high confidence when the CRC-32 suffix verifies', () => {
    const m = first('NPM_TOKEN=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');
    expect(m?.detectorId).toBe('npm-access-token');
    expect(m?.confidence).toBe('high');
  });

  it('is low confidence when it does not', () => {
    const m = first('NPM_TOKEN=npm_UQYoCvTvq2Z6lgqhu8BaV8WIHjNZBG9cgEWd');
    expect(m?.detectorId).toBe('npm-access-token');
    expect(m?.confidence).toBe('low');
  });
});

describe('maven settings.xml', () => {
  it('reports the password, not the username, of each server block', () => {
    const xml = [
      '<servers>',
      '  <server><id>a</id><username>u1</username><password>lxvwIary5CtaQWYO</password></server>',
      '  <server><id>b</id><username>u2</username><password>${env.B_PASSWORD}</password></server>',
      '  <server><id>c</id><username>u3</username><password>ByIi3JG3gPw7RsAXJJXo</password></server>',
      '</servers>',
    ].join('\n');
    const secrets = matcher.scan(Buffer.from(xml)).map((m) => m.secret);
    expect(secrets).toEqual(['lxvwIary5CtaQWYO', 'ByIi3JG3gPw7RsAXJJXo']);
  });
});
