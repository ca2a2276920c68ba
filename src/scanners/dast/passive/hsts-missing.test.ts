import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, ORDINARY } from '../testing/pages.js';
import { hstsMissing } from './hsts-missing.js';

const HTTPS = 'https://shop.example.com';
const noHsts = headers({ 'strict-transport-security': undefined });

describe('dast/hsts-missing', () => {
  it('reports HTTPS responses without the header, pages and redirects alike', () => {
    const page = runPassive(hstsMissing, { url: `${HTTPS}/account`, headers: noHsts, body: ORDINARY }, HTTPS);
    expect(page).toEqual([{ message: 'the HTTPS response has no Strict-Transport-Security header' }]);
    const json = { url: `${HTTPS}/api/cart`, headers: { 'content-type': 'application/json' }, body: '{}' };
    expect(runPassive(hstsMissing, json, HTTPS)).toHaveLength(1);
    expect(
      runPassive(hstsMissing, { url: `${HTTPS}/`, status: 301, headers: { location: '/shop/' } }, HTTPS),
    ).toHaveLength(1);
  });

  it('reports plain-HTTP pages with low confidence (the app behind a TLS proxy), HTML only', () => {
    const hits = runPassive(hstsMissing, { headers: noHsts, body: ORDINARY });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.confidence).toBe('low');
    expect(runPassive(hstsMissing, { headers: { 'content-type': 'application/json' }, body: '{}' })).toEqual(
      [],
    );
  });

  it('accepts the header in any form (a weak one is hsts-weak), and skips errors and attack responses', () => {
    expect(runPassive(hstsMissing, { url: `${HTTPS}/`, headers: headers(), body: ORDINARY }, HTTPS)).toEqual(
      [],
    );
    const weak = headers({ 'strict-transport-security': 'max-age=0' });
    expect(runPassive(hstsMissing, { url: `${HTTPS}/`, headers: weak, body: ORDINARY }, HTTPS)).toEqual([]);
    expect(
      runPassive(hstsMissing, { url: `${HTTPS}/x`, status: 404, headers: noHsts, body: 'no' }, HTTPS),
    ).toEqual([]);
    const attack = { url: `${HTTPS}/?q=%0d%0a`, kind: 'active' as const, headers: noHsts, body: ORDINARY };
    expect(runPassive(hstsMissing, attack, HTTPS)).toEqual([]);
  });

  it('reads a 5 MB page', () => {
    runPassive(hstsMissing, { headers: noHsts, body: HUGE });
  });
});
