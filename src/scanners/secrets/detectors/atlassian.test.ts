import { describe, expect, it } from 'vitest';
import { SecretMatcher } from '../engine/matcher.js';
import { atlassianDetectors } from './atlassian.js';

const matcher = new SecretMatcher(atlassianDetectors);
const first = (text: string) => matcher.scan(Buffer.from(text))[0];

describe('Atlassian CRC-32 suffixes', () => {
  it.each([
    [
      'atlassian-api-token',
      'ATATT3xFfGF0QJDdwnSFQGuA7OWh3CwrLypUEUQ9IMr4n6DRPlhhbZwGHLDcdCzS_gmV8GiaomBTNJkM_6eCsE0Vc3F7nTlyscDg3E65nRj218URHmKNgkfWYpiYVQ0Yz1FFJmGKCz5-KMZXMiTQqKvRwmrY2hqh3LTnhlrG1T07dZ-jUVnnM7Z=735648BE',
    ],
    ['bitbucket-app-password', 'ATBBzv0IK53iqs2eoVBtuAtzNAsx93A4C45D'],
    ['trello-api-token', 'ATTAee27d702c3f5bf4abcf2abc977397cf62dc26d27b3dc02960b2e737fdad795b12AA23DE9'],
  ])('%s with a valid checksum is high confidence', (id, token) => {
    const m = first(`trello_or_other_token=${token}`);
    expect(m?.detectorId).toBe(id);
    expect(m?.confidence).toBe('high');
  });

  it('an app password whose checksum fails is low confidence', () => {
    const m = first('BITBUCKET_APP_PASSWORD=ATBBVssEUuYx7qJgzVBAyC8NZkQ3AC33B3F2');
    expect(m?.confidence).toBe('low');
  });

  it('an unprefixed Trello token is medium confidence', () => {
    const m = first('trello_token = "9ae35e17e0a6cc8ae33151c9e5d45306f886239a815b683f7e69b1c65af88108"');
    expect(m?.detectorId).toBe('trello-api-token');
    expect(m?.confidence).toBe('medium');
  });
});
