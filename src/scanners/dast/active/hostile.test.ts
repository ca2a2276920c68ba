import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTIVE_CHECKS } from './index.js';
import { type FakeApp, fakeContext, point } from './testing/fake-target.js';

const HOSTILE: Record<string, FakeApp> = {
  'every request failing': () => undefined,
  'a binary body without a content type': () => ({ headers: {}, body: randomBytes(4096) }),
  'a huge HTML body of unclosed tags': () => ({
    headers: { 'content-type': 'text/html' },
    body: '<a '.repeat(1024 * 1024),
  }),
  'a body of quotes and slashes in a script': () => ({
    headers: { 'content-type': 'text/html' },
    body: `<script>${'"\'/`\\'.repeat(100_000)}</script>`,
  }),
  'a reflection after half a megabyte of script': (v) => ({
    headers: { 'content-type': 'text/html' },
    body: `<script>${'"\'/`\\'.repeat(100_000)}${v.replace(/</g, '\\u003c')}</script>`,
  }),
  'a redirect without Location': () => ({ status: 302, headers: {}, body: '' }),
};

describe('active checks on hostile answers', () => {
  for (const [name, app] of Object.entries(HOSTILE))
    it(`neither throws nor reports on ${name}`, async () => {
      const p = point({ name: 'next', value: '/shop/' });
      for (const check of ACTIVE_CHECKS) await expect(check.run(p, fakeContext(app, p))).resolves.toEqual([]);
    });
});
