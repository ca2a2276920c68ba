import { describe, expect, it } from 'vitest';
import { exchange } from '../testing/exchange.js';
import { learnNotFound, probeUrl } from './not-found.js';
import { ORIGIN, siteSend, softNotFound } from './testing/fake-site.js';

describe('probeUrl', () => {
  it('resolves under the origin or a crawled folder', () => {
    expect(probeUrl('http://h:1', '.git/HEAD')).toBe('http://h:1/.git/HEAD');
    expect(probeUrl('http://h:1/', '/.env')).toBe('http://h:1/.env');
    expect(probeUrl('http://h:1/shop/', '.env')).toBe('http://h:1/shop/.env');
    expect(probeUrl('http://h:1/shop', '.env')).toBe('http://h:1/shop/.env');
  });
});

describe('learnNotFound', () => {
  it('learns a soft-404 that echoes the path, and tells real pages apart', async () => {
    const { send, requested } = siteSend({});
    const looksNotFound = await learnNotFound(send, ORIGIN);
    expect(requested).toHaveLength(2);
    expect(requested[0]).toMatch(/^\/gh-\w+\.php$/);
    expect(requested[1]).toMatch(/^\/gh-\w+$/);
    const soft = exchange({ url: `${ORIGIN}/shop/.git/HEAD`, ...softNotFound('/shop/.git/HEAD') });
    expect(looksNotFound(soft)).toBe(true);
    expect(
      looksNotFound(exchange({ url: `${ORIGIN}/.git/HEAD`, headers: {}, body: 'ref: refs/heads/main\n' })),
    ).toBe(false);
    expect(looksNotFound(exchange({ url: `${ORIGIN}/x`, status: 404 }))).toBe(true);
    expect(looksNotFound(exchange({ url: `${ORIGIN}/x`, status: 410 }))).toBe(true);
    expect(looksNotFound(exchange({ url: `${ORIGIN}/x`, status: 500, ...softNotFound('/x') }))).toBe(false);
  });

  it('learns a catch-all redirect to the login page', async () => {
    const { send } = siteSend({}, () => ({ status: 302, headers: { location: '/login' }, body: '' }));
    const looksNotFound = await learnNotFound(send, ORIGIN);
    expect(
      looksNotFound(exchange({ url: `${ORIGIN}/.env`, status: 302, headers: { location: '/login' } })),
    ).toBe(true);
  });

  it('falls back to 404 and 410 only when learning fails', async () => {
    const { send } = siteSend({}, () => ({ status: 404 }));
    const failing = async () => undefined;
    for (const s of [send, failing]) {
      const looksNotFound = await learnNotFound(s, ORIGIN);
      expect(looksNotFound(exchange({ url: `${ORIGIN}/x`, ...softNotFound('/x') }))).toBe(false);
      expect(looksNotFound(exchange({ url: `${ORIGIN}/x`, status: 404 }))).toBe(true);
    }
  });
});
