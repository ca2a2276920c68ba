import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { corsNullOriginWithCredentials as rule } from './cors-null-origin-with-credentials.js';

const api = (response: Record<string, string | string[]>, origin?: string) =>
  runPassive(rule, {
    requestHeaders: origin ? { origin } : {},
    headers: { 'content-type': 'application/json', ...response },
    body: '{}',
  });

describe('dast/cors-null-origin-with-credentials', () => {
  it('reports null allowed with credentials, whatever Origin was sent', () => {
    const grant = { 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'true' };
    expect(api(grant, 'null')).toHaveLength(1);
    expect(api(grant)).toHaveLength(1);
  });

  it('accepts null without credentials and other origins', () => {
    expect(api({ 'access-control-allow-origin': 'null' })).toEqual([]);
    expect(
      api({ 'access-control-allow-origin': 'https://a.example', 'access-control-allow-credentials': 'true' }),
    ).toEqual([]);
    expect(
      api({ 'access-control-allow-origin': ['null', 'null'], 'access-control-allow-credentials': 'true' }),
    ).toEqual([]);
    expect(api({})).toEqual([]);
  });
});
