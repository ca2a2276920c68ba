import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, ORDINARY } from '../testing/pages.js';
import { permissionsPolicyMissing } from './permissions-policy-missing.js';

const check = (changes: Record<string, string | undefined>, body = ORDINARY) =>
  runPassive(permissionsPolicyMissing, { headers: headers(changes), body });

describe('dast/permissions-policy-missing', () => {
  it('reports a page without Permissions-Policy, naming a leftover Feature-Policy', () => {
    expect(check({ 'permissions-policy': undefined })).toEqual([
      { message: 'the page has no Permissions-Policy header' },
    ]);
    const legacy = check({ 'permissions-policy': undefined, 'feature-policy': "camera 'none'" });
    expect(legacy[0]!.message).toContain('deprecated Feature-Policy');
  });

  it('accepts Permissions-Policy without Feature-Policy, and judges HTML pages only', () => {
    expect(check({ 'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()' })).toEqual(
      [],
    );
    const json = headers({ 'permissions-policy': undefined, 'content-type': 'application/json' });
    expect(runPassive(permissionsPolicyMissing, { headers: json, body: '{}' })).toEqual([]);
    expect(
      runPassive(permissionsPolicyMissing, {
        headers: headers({ 'permissions-policy': undefined }),
        status: 304,
      }),
    ).toEqual([]);
  });

  it('reads a 5 MB page', () => {
    check({ 'permissions-policy': undefined }, HUGE);
  });
});
