import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { frameworkVersionDisclosure as rule } from './framework-version-disclosure.js';

const check = (changes: Record<string, string | string[]>) =>
  runPassive(rule, { headers: headers(changes), body: ORDINARY });

describe('dast/framework-version-disclosure', () => {
  it('reports versioned X-Powered-By, X-Generator and the ASP.NET version headers', () => {
    expect(check({ 'x-powered-by': 'Express/4.17.1' })).toMatchObject([{ param: 'x-powered-by' }]);
    expect(check({ 'x-powered-by': 'PHP/7.4.3' })[0]!.message).toContain('PHP/7.4.3');
    expect(check({ 'x-aspnet-version': '4.0.30319' })).toMatchObject([
      { evidence: 'X-AspNet-Version: 4.0.30319' },
    ]);
    expect(check({ 'x-aspnetmvc-version': '5.2' })).toHaveLength(1);
    expect(check({ 'x-generator': 'Drupal 9 (https://www.drupal.org)' })).toHaveLength(1);
    expect(check({ 'x-powered-by': ['ASP.NET', 'PHP/8.1.2'] })).toHaveLength(1);
  });

  it('accepts unversioned banners and timing headers that look like versions', () => {
    expect(check({ 'x-powered-by': 'Express' })).toEqual([]);
    expect(check({ 'x-powered-by': 'ASP.NET' })).toEqual([]);
    expect(check({ 'x-powered-by': 'Next.js' })).toEqual([]);
    expect(check({ 'x-runtime': '0.013456', 'server-timing': 'db;dur=53.2' })).toEqual([]);
  });

  it('survives huge values', () => {
    expect(check({ 'x-powered-by': 'x'.repeat(1_000_000) })).toEqual([]);
    expect(check({ 'x-powered-by': `${'x'.repeat(1_000_000)}/1.0` })).toEqual([]);
  });
});
