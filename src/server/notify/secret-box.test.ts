import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_FILE, seal, secretKey, unseal } from './secret-box.js';

describe('secret box', () => {
  const home = mkdtempSync(join(tmpdir(), 'gatehouse-key-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('seals so that only the same key unseals, and the text is not in the sealed form', () => {
    const key = secretKey({ GATEHOUSE_SECRET_KEY: 'one' });
    const sealed = seal('xoxb-very-secret', key);
    expect(sealed).not.toContain('very-secret');
    expect(seal('xoxb-very-secret', key)).not.toBe(sealed);
    expect(unseal(sealed, key)).toBe('xoxb-very-secret');
    expect(() => unseal(sealed, secretKey({ GATEHOUSE_SECRET_KEY: 'two' }))).toThrow(/GATEHOUSE_SECRET_KEY/);
    expect(() => unseal('v1.garbage', key)).toThrow(/malformed/);
  });

  it('keeps a generated key in $GATEHOUSE_HOME when none is configured, readable by its owner only', () => {
    const first = secretKey({ GATEHOUSE_HOME: home });
    expect(secretKey({ GATEHOUSE_HOME: home }).equals(first)).toBe(true);
    expect(readFileSync(join(home, KEY_FILE), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(home, KEY_FILE)).mode & 0o077).toBe(0);
  });
});
