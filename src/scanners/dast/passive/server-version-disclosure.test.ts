import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { serverVersionDisclosure as rule } from './server-version-disclosure.js';

const server = (value: string | string[]) =>
  runPassive(rule, { headers: headers({ server: value }), body: ORDINARY });

describe('dast/server-version-disclosure', () => {
  it('reports a product with a version', () => {
    const hits = server('Apache/2.4.49 (Unix) OpenSSL/1.1.1k');
    expect(hits).toMatchObject([
      { param: 'server', evidence: 'Server: Apache/2.4.49 (Unix) OpenSSL/1.1.1k' },
    ]);
    expect(hits[0]!.message).toContain('Apache/2.4.49');
    for (const v of [
      'nginx/1.18.0',
      'Microsoft-IIS/10.0',
      'gunicorn/20.0.4',
      'Jetty(9.4.44.v20210927)',
      'Apache/2',
    ])
      expect(server(v), v).toHaveLength(1);
  });

  it('accepts bare product names and ids that merely contain digits', () => {
    for (const v of [
      'nginx',
      'Apache',
      'cloudflare',
      'Kestrel',
      'AmazonS3',
      'ECS (dcb/7F84)',
      'Server 2000',
      '',
    ])
      expect(server(v), v).toEqual([]);
    expect(runPassive(rule, { headers: headers(), body: ORDINARY })).toEqual([]);
  });

  it('survives huge values', () => {
    expect(server('a'.repeat(1_000_000))).toEqual([]);
    expect(server(`${'a/'.repeat(100_000)}1.0`)).toEqual([]);
  });
});
