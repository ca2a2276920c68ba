import { describe, expect, it } from 'vitest';
import { SecretMatcher } from '../engine/matcher.js';
import { githubDetectors } from './github.js';

const matcher = new SecretMatcher(githubDetectors);
const scan = (text: string) => matcher.scan(Buffer.from(text));

describe('GitHub token checksums', () => {
  it.each([
    ['github-pat-classic', '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'],
    ['github-oauth-token', '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'],
    ['github-app-user-token', 'ghu_CMWueCoZ8ZN9MmTVF1qXaGWp9GSHWV44mDZu'],
    ['github-app-installation-token', 'ghs_wLIHsmNwIKqaQw4Z1Nz2rni96Psllh3b3Krn'],
    ['github-app-refresh-token', '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'],
  ])('%s with a valid checksum is high confidence', (id, token) => {
    const [m] = scan(`TOKEN=${token}`);
    expect(m?.detectorId).toBe(id);
    expect(m?.secret).toBe(token);
    expect(m?.confidence).toBe('high');
  });

  it('reports a token whose checksum fails at low confidence', () => {
    const [m] = scan('TOKEN=ghp_u29sd7KOvBRfGhDmlAGdF7tbv4fEMLwHrXYs');
    expect(m?.detectorId).toBe('github-pat-classic');
    expect(m?.confidence).toBe('low');
  });

  it('changing one character of a valid token breaks its checksum', () => {
    const [m] = scan('TOKEN=ghp_vJLsJTWMt95fOLNOPsZCnxiKJAjaIK2xbMAg');
    expect(m?.confidence).toBe('low');
  });
});
