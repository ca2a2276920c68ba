import { describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';
import { loadConfig, parseConfig } from './config.js';
import { UserError } from './errors.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('config', () => {
  it('fills defaults for an empty file', () => {
    const c = parseConfig(null, 'gatehouse.yml');
    expect(c.gate.fail_on).toBe('high');
    expect(c.gate.min_confidence).toBe('medium');
    expect(c.max_file_size).toBe(10 * 1024 * 1024);
    expect(c.exclude).toEqual([]);
  });

  it('reads sizes with units and lists whose items are commented out', () => {
    const c = parseConfig({ max_file_size: '512KiB', exclude: null, exceptions: null }, 'f');
    expect(c.max_file_size).toBe(512 * 1024);
    expect(c.exclude).toEqual([]);
  });

  it('names the key and the allowed values for a wrong enum', () => {
    expect(errorOf(() => parseConfig({ gate: { fail_on: 'hgh' } }, 'gatehouse.yml'))).toBe(
      'gatehouse.yml: gate.fail_on: must be one of "critical", "high", "medium", "low", "info", "none"',
    );
  });

  it('names unknown keys, nested keys and list indexes', () => {
    const msg = errorOf(() =>
      parseConfig(
        { gaet: {}, exceptions: [{ rule: 'x', reason: 'r', approver: 'a', expires: '2026-13-40' }] },
        'g.yml',
      ),
    );
    expect(msg).toContain("g.yml: (top level): unknown key(s) 'gaet'");
    expect(msg).toContain('g.yml: exceptions[0].expires: is not a real calendar date');
  });

  it('requires a reason and approver on exceptions', () => {
    const msg = errorOf(() => parseConfig({ exceptions: [{ rule: 'secrets/x' }] }, 'g.yml'));
    expect(msg).toContain('exceptions[0].reason');
    expect(msg).toContain('exceptions[0].approver');
  });

  it('rejects a bad size', () => {
    expect(errorOf(() => parseConfig({ max_file_size: 'ten megs' }, 'g.yml'))).toContain(
      'max_file_size: must be a size',
    );
  });

  it('loads gatehouse.yml from the root, and reports YAML errors with a position', () => {
    const t = makeTree({ 'gatehouse.yml': 'gate:\n  fail_on: critical\n', 'bad/gatehouse.yml': 'gate: [\n' });
    try {
      expect(loadConfig(t.root).config.gate.fail_on).toBe('critical');
      expect(errorOf(() => loadConfig(`${t.root}/bad`))).toMatch(
        /gatehouse\.yml: invalid YAML at line \d+, column \d+/,
      );
      expect(errorOf(() => loadConfig(t.root, `${t.root}/missing.yml`))).toContain('config file not found');
    } finally {
      t.cleanup();
    }
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(9)
          .fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`)
          .join(', ')}]`,
      );
    const t = makeTree({ 'gatehouse.yml': `${bomb.join('\n')}\n` });
    try {
      expect(errorOf(() => loadConfig(t.root))).toMatch(/gatehouse\.yml: .*(alias|Excessive)/i);
    } finally {
      t.cleanup();
    }
  });
});
