import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST,
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyPassword,
  weakerThan,
} from './passwords.js';

const CHEAP = { logN: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt with its cost and a salt of its own, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([
      hashPassword('correct horse battery', CHEAP),
      hashPassword('correct horse battery', CHEAP),
    ]);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('hashes at OWASP cost by default', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
  });

  it('reads the cost from the stored hash, so a raised cost keeps old hashes valid', async () => {
    const old = await hashPassword('pässwörd long enough', { logN: 4, r: 8, p: 1 });
    expect(await verifyPassword('pässwörd long enough', old)).toBe(true);
    expect(weakerThan(old, CHEAP)).toBe(true);
    expect(weakerThan(await hashPassword('x', CHEAP), CHEAP)).toBe(false);
    expect(weakerThan(await hashPassword('x', CHEAP), { ...CHEAP, p: 2 })).toBe(true);
    expect(weakerThan(await hashPassword('x', DEFAULT_COST), CHEAP)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const h = await hashPassword('caf\u00e9 au lait please', CHEAP);
    expect(await verifyPassword('cafe\u0301 au lait please', h)).toBe(true);
  });

  it('matches nothing against a malformed or tampered hash', async () => {
    const h = await hashPassword('correct horse battery', CHEAP);
    for (const bad of [
      '',
      'plain',
      h.replace('ln=10', 'ln=99'),
      h.replace('$scrypt$', '$argon2id$'),
      h.slice(0, -30),
    ])
      expect(await verifyPassword('correct horse battery', bad), bad).toBe(false);
    expect(weakerThan('plain', CHEAP)).toBe(true);
  });

  it('generates 144-bit passwords and enforces 12 to 1024 characters', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[\w-]{24}$/);
    expect(generatePassword()).not.toBe(a);
    expect(passwordProblem(a)).toBeUndefined();
    expect(passwordProblem('eleven char')).toBe('at least 12 characters');
    expect(passwordProblem('twelve chars')).toBeUndefined();
    expect(passwordProblem('🔑'.repeat(11))).toBe('at least 12 characters');
    expect(passwordProblem('x'.repeat(1025))).toBe('at most 1024 characters');
  });
});
