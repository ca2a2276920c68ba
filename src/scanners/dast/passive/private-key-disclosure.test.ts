import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE } from '../testing/pages.js';
import { privateKeyDisclosure as rule } from './private-key-disclosure.js';

// Not a real key: random base64 in PEM dress.
const BODY = 'MIIEowIBAAKCAQEAq7BFUpkGp3+XQtzs2SZ7JUkI9UU0L1vjzXmaqsVYGXC3VN9k';
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${BODY}\n${BODY}\n-----END RSA PRIVATE KEY-----`;
const respond = (body: string | Buffer, contentType = 'text/plain', requestBody?: string) =>
  runPassive(rule, {
    headers: { 'content-type': contentType },
    body,
    ...(requestBody ? { requestBody, method: 'POST' } : {}),
  });

describe('dast/private-key-disclosure', () => {
  it('reports PEM private keys, redacted', () => {
    const hits = respond(PEM);
    expect(hits).toEqual([
      {
        message: 'the response contains a private key (-----BEGIN RSA PRIVATE KEY-----)',
        evidence: '-----BEGIN RSA PRIVATE KEY----- MIIE…',
      },
    ]);
    expect(respond(JSON.stringify({ key: PEM.replace('RSA ', '') }), 'application/json')).toHaveLength(1);
    expect(respond(PEM.replaceAll('RSA', 'OPENSSH'))).toHaveLength(1);
    const encrypted = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,5F2B7C9E4D3A4B1C8E6F0A9D2C7B4E1F\n\n${BODY}\n`;
    expect(respond(encrypted)).toHaveLength(1);
  });

  it('accepts documentation placeholders, public keys, binary bodies and echoed uploads', () => {
    expect(respond('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toEqual([]);
    expect(respond(`-----BEGIN PUBLIC KEY-----\n${BODY}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(
      respond(Buffer.concat([Buffer.from([0, 0, 0]), Buffer.from(PEM)]), 'application/octet-stream'),
    ).toEqual([]);
    expect(respond(`Uploaded:\n${PEM}`, 'text/plain', `key=${PEM}`)).toEqual([]);
  });

  it('survives hostile bodies', () => {
    respond(HUGE);
    respond('-----BEGIN PRIVATE KEY-----'.repeat(100_000));
  });
});
