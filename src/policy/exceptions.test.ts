import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExceptionConfig } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import {
  compileException,
  compileExceptions,
  exceptionId,
  isExpired,
  loadExceptionsFile,
} from './exceptions.js';

const FP = '0123456789abcdef0123456789abcdef';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: FP,
    scanner: 'secrets',
    ruleId: 'secrets/aws-access-key-id',
    title: 'AWS access key',
    message: 'found',
    severity: 'high',
    confidence: 'high',
    location: { path: 'src/app.js', startLine: 3 },
    cwe: [],
    references: [],
    remediation: '',
    controls: [],
    ...over,
  };
}

function exc(over: Partial<ExceptionConfig>): ExceptionConfig {
  return { reason: 'test fixture', approver: 'alice', ...over };
}

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-exc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('matching', () => {
  it('matches a full fingerprint and a prefix of 8+ hex', () => {
    expect(compileException(exc({ fingerprint: FP }), 's').matches(finding())).toBe(true);
    expect(compileException(exc({ fingerprint: '01234567' }), 's').matches(finding())).toBe(true);
    expect(compileException(exc({ fingerprint: '01234568' }), 's').matches(finding())).toBe(false);
  });

  it('matches a rule exactly or by glob', () => {
    expect(compileException(exc({ rule: 'secrets/aws-access-key-id' }), 's').matches(finding())).toBe(true);
    expect(compileException(exc({ rule: 'secrets/*' }), 's').matches(finding())).toBe(true);
    expect(compileException(exc({ rule: 'secrets/aws-*' }), 's').matches(finding())).toBe(true);
    expect(compileException(exc({ rule: 'iac/*' }), 's').matches(finding())).toBe(false);
    expect(compileException(exc({ rule: 'secrets/aws' }), 's').matches(finding())).toBe(false);
  });

  it('narrows a rule by a path glob, dotfiles included', () => {
    const e = compileException(exc({ rule: 'secrets/*', path: 'test/**' }), 's');
    expect(e.matches(finding({ location: { path: 'test/fixtures/keys.txt' } }))).toBe(true);
    expect(e.matches(finding({ location: { path: 'test/.env' } }))).toBe(true);
    expect(e.matches(finding())).toBe(false);
    const other = finding({ ruleId: 'sast/sql-injection', location: { path: 'test/a.js' } });
    expect(e.matches(other)).toBe(false);
  });

  it('requires every criterion given', () => {
    const e = compileException(exc({ fingerprint: FP, path: 'other/**' }), 's');
    expect(e.matches(finding())).toBe(false);
  });
});

describe('ids', () => {
  it('keeps a given id', () => {
    expect(exceptionId(exc({ id: 'EXC-42', rule: 'x' }))).toBe('EXC-42');
  });

  it('derives a stable id from the content, whatever the key order', () => {
    const a = exceptionId({ rule: 'secrets/*', reason: 'r', approver: 'a' });
    const b = exceptionId({ approver: 'a', reason: 'r', rule: 'secrets/*' });
    expect(a).toMatch(/^exc-[0-9a-f]{8}$/);
    expect(a).toBe(b);
    expect(exceptionId({ rule: 'secrets/*', reason: 'r', approver: 'b' })).not.toBe(a);
  });

  it('refuses two exceptions with one id, naming both places', () => {
    const e = errorOf(() =>
      compileExceptions([
        { spec: exc({ id: 'x', rule: 'a' }), source: 'gatehouse.yml: exceptions[0]' },
        { spec: exc({ id: 'x', rule: 'b' }), source: 'exc.yml: exceptions[3]' },
      ]),
    );
    expect(e.message).toBe(
      "exc.yml: exceptions[3]: exception id 'x' is already used by gatehouse.yml: exceptions[0]",
    );
  });
});

describe('expiry', () => {
  const e = compileException(exc({ rule: 'x', expires: '2025-03-31' }), 's');

  it('applies through the end of the expiry day, UTC', () => {
    expect(isExpired(e, new Date('2025-03-31T00:00:00Z'))).toBe(false);
    expect(isExpired(e, new Date('2025-03-31T23:59:59.999Z'))).toBe(false);
    expect(isExpired(e, new Date('2025-04-01T00:00:00Z'))).toBe(true);
    expect(isExpired(e, new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('never expires without a date', () => {
    expect(isExpired(compileException(exc({ rule: 'x' }), 's'), new Date('2999-01-01'))).toBe(false);
  });
});

describe('loadExceptionsFile', () => {
  it('reads a top-level list', () => {
    const path = file('list.yml', '- fingerprint: 0123456789abcdef\n  reason: fixture\n  approver: bob\n');
    const entries = loadExceptionsFile(path);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.source).toBe(`${path}: exceptions[0]`);
    expect(entries[0]!.spec.approver).toBe('bob');
  });

  it('reads {exceptions: [...]}', () => {
    const path = file(
      'map.yml',
      'exceptions:\n  - rule: secrets/*\n    path: test/**\n    reason: r\n    approver: a\n    expires: 2030-01-01\n',
    );
    expect(loadExceptionsFile(path).map((e) => e.spec.expires)).toEqual(['2030-01-01']);
  });

  it('treats an empty file as no exceptions', () => {
    expect(loadExceptionsFile(file('empty.yml', ''))).toEqual([]);
    expect(loadExceptionsFile(file('empty-list.yml', 'exceptions: []\n'))).toEqual([]);
  });

  it('names the file and key of a misspelt key', () => {
    const path = file('typo.yml', '- rule: x\n  reasn: r\n  approver: a\n');
    const e = errorOf(() => loadExceptionsFile(path));
    expect(e.message).toContain(`${path}: exceptions[0]: unknown key(s) 'reasn'`);
    expect(e.message).toContain(`${path}: exceptions[0].reason:`);
  });

  it('names the key of a bad date and of a missing fingerprint/rule', () => {
    const path = file(
      'bad.yml',
      'exceptions:\n  - rule: x\n    reason: r\n    approver: a\n    expires: 31/12/2030\n',
    );
    expect(errorOf(() => loadExceptionsFile(path)).message).toBe(
      `${path}: exceptions[0].expires: must be a date written YYYY-MM-DD`,
    );
    const feb30 = file('feb30.yml', '- rule: x\n  reason: r\n  approver: a\n  expires: 2025-02-30\n');
    expect(errorOf(() => loadExceptionsFile(feb30)).message).toBe(
      `${feb30}: exceptions[0].expires: is not a real calendar date`,
    );
    const none = file('none.yml', '- reason: r\n  approver: a\n');
    expect(errorOf(() => loadExceptionsFile(none)).message).toMatch(
      /exceptions\[0\]: needs a fingerprint, or a rule/,
    );
  });

  it('refuses an unknown top-level key and a scalar file', () => {
    const path = file('top.yml', 'exeptions: []\n');
    expect(errorOf(() => loadExceptionsFile(path)).message).toBe(
      `${path}: (top level): unknown key(s) 'exeptions'`,
    );
    const scalar = file('scalar.yml', 'just text\n');
    expect(errorOf(() => loadExceptionsFile(scalar)).message).toMatch(/must be a list of exceptions/);
  });

  it('reports a missing file and broken YAML with the path', () => {
    expect(errorOf(() => loadExceptionsFile(join(dir, 'nope.yml'))).message).toMatch(
      /nope\.yml: cannot read the file \(ENOENT\)/,
    );
    const broken = file('broken.yml', '- rule: [unclosed\n');
    expect(errorOf(() => loadExceptionsFile(broken)).message).toMatch(/broken\.yml: invalid YAML/);
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(', ')}]`,
        ),
      )
      .join('\n');
    const path = file('bomb.yml', `${bomb}\n`);
    expect(errorOf(() => loadExceptionsFile(path)).message).toContain(path);
  });
});
