import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE } from '../testing/pages.js';
import { apiKeyDisclosure as rule } from './api-key-disclosure.js';

// Shaped like real credentials, but made up.
const AKIA = 'AKIAZ7Q3XK4LMNP2RT5W';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9fake0Qz';
const GHP = `ghp_${'a1B2c3D4e5'.repeat(3)}F6g7H8`;
const respond = (body: string, contentType = 'application/javascript', url?: string) =>
  runPassive(rule, { headers: { 'content-type': contentType }, body, ...(url ? { url } : {}) });

describe('dast/api-key-disclosure', () => {
  it('reports an AWS key id with its secret at high, alone at medium, redacted', () => {
    const pair = respond(`const cfg={accessKeyId:"${AKIA}",secretAccessKey:"${SECRET}"};`);
    expect(pair).toHaveLength(1);
    expect(pair[0]!.severity).toBeUndefined();
    expect(pair[0]!.evidence).toBe('AKIA…');
    expect(`${pair[0]!.message}${pair[0]!.evidence}`).not.toContain(AKIA);
    expect(respond(`{"key":"${AKIA}"}`, 'application/json')[0]!.severity).toBe('medium');
  });

  it('reports GitHub, Slack and Stripe live tokens', () => {
    expect(respond(`token: "${GHP}"`)[0]!.message).toContain('GitHub token (ghp_…)');
    expect(respond('SLACK="xoxb-2048-4096-AbCdEfGhIjKlMnOp"', 'text/plain')[0]!.message).toContain('Slack');
    expect(respond(`stripe("sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}")`)[0]!.message).toContain('Stripe');
  });

  it('accepts documentation keys, public keys, echoed values and binary bodies', () => {
    expect(respond('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'text/html')).toEqual([]);
    expect(
      respond('Stripe("pk_live_4eC39HqLyjWDarjtT1zdp7dc"); maps("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY")'),
    ).toEqual([]);
    expect(
      respond(`You searched for ${AKIA}`, 'text/html', `http://127.0.0.1:8080/search?q=${AKIA}`),
    ).toEqual([]);
    expect(runPassive(rule, { headers: { 'content-type': 'image/png' }, body: `\u0000${AKIA}` })).toEqual([]);
    expect(respond(`xAKIAZ7Q3XK4LMNP2RT5Wx ${GHP}extra`)).toEqual([]);
  });

  it('survives hostile bodies', () => {
    respond(HUGE);
    respond('AKIA'.repeat(1_000_000));
    respond(`xoxb-${'-'.repeat(2_000_000)}`);
    expect(respond(`${AKIA} `.repeat(100_000))).toHaveLength(1);
  });
});
