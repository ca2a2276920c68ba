import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ExchangeSpec } from '../testing/exchange.js';
import { FILE_PROBES } from './index.js';
import { siteContext } from './testing/fake-site.js';

const PATHS = [
  '/.git/HEAD',
  '/.git/config',
  '/.env',
  '/backup.zip',
  '/db.sql',
  '/admin/',
  '/actuator',
  '/actuator/env',
  '/debug/vars',
  '/phpinfo.php',
];

const HOSTILE: Record<string, ExchangeSpec | 'fail'> = {
  'failed requests': 'fail',
  'binary bodies without a content type': { headers: {}, body: randomBytes(8192) },
  'huge bodies of brackets': { headers: { 'content-type': 'text/html' }, body: '<['.repeat(1024 * 1024) },
  'empty 200s': { headers: {}, body: '' },
  'JSON of the wrong shape': {
    headers: { 'content-type': 'application/json' },
    body: '[null, {"_links": 1}]',
  },
};

describe('file probes on hostile answers', () => {
  for (const [name, answer] of Object.entries(HOSTILE))
    it(`neither throw nor report on ${name}`, async () => {
      const ctx = await siteContext(Object.fromEntries(PATHS.map((p) => [p, answer])));
      for (const probe of FILE_PROBES) await expect(probe.run(ctx)).resolves.toEqual([]);
    });
});
