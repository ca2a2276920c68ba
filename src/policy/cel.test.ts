import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { celFinding, compileCel, position } from './cel.js';

const WHERE = 'gatehouse.yml: gate.rules[r].when';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: '0123456789abcdef0123456789abcdef',
    scanner: 'secrets',
    ruleId: 'secrets/aws-access-key-id',
    title: 'AWS access key',
    message: 'AWS access key AKIA…',
    severity: 'high',
    confidence: 'high',
    location: { path: 'src/app.js', startLine: 12 },
    cwe: ['CWE-798'],
    references: [],
    remediation: 'rotate',
    controls: ['nist-800-53:IA-5'],
    ...over,
  };
}

function holds(expr: string, f: Finding = finding(), status: 'new' | 'existing' = 'new'): boolean {
  return compileCel(expr, WHERE).test(f, status);
}

function compileError(expr: string): UserError {
  try {
    compileCel(expr, WHERE);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error(`expected ${expr} not to compile`);
}

describe('compileCel: real policy expressions', () => {
  it('matches scanner and confidence', () => {
    const expr = 'finding.scanner == "secrets" && finding.confidence == "high"';
    expect(holds(expr)).toBe(true);
    expect(holds(expr, finding({ confidence: 'low' }))).toBe(false);
  });

  it('reads the location path', () => {
    expect(holds('finding.path.startsWith("test/")', finding({ location: { path: 'test/a.js' } }))).toBe(
      true,
    );
    expect(holds('finding.path.startsWith("test/")')).toBe(false);
  });

  it('tests membership in cwe and in a literal list', () => {
    expect(holds('"CWE-798" in finding.cwe')).toBe(true);
    expect(holds('"CWE-79" in finding.cwe')).toBe(false);
    expect(holds('finding.severity in ["critical","high"]')).toBe(true);
    expect(holds('finding.severity in ["critical","high"]', finding({ severity: 'medium' }))).toBe(false);
  });

  it('reads line (0 when absent), controls, status, fingerprint and properties', () => {
    expect(holds('finding.line == 12')).toBe(true);
    expect(holds('finding.line == 0', finding({ location: { path: 'a' } }))).toBe(true);
    expect(holds('finding.controls.exists(c, c.startsWith("nist-800-53:"))')).toBe(true);
    expect(holds('finding.status == "existing"', finding(), 'existing')).toBe(true);
    expect(holds('finding.fingerprint.startsWith("0123")')).toBe(true);
    const withProps = finding({ properties: { verified: true, occurrences: 3, kind: 'live' } });
    expect(holds('finding.properties.verified && finding.properties.occurrences > 2', withProps)).toBe(true);
    expect(holds('has(finding.properties.verified)')).toBe(false);
  });

  it('accepts a multi-line expression from a YAML block scalar', () => {
    expect(holds('finding.scanner == "secrets" &&\n  finding.ruleId.matches("^secrets/aws")\n')).toBe(true);
  });

  it('exposes the finding as the documented fields only', () => {
    expect(Object.keys(celFinding(finding(), 'new')).sort()).toEqual(
      [
        'scanner',
        'ruleId',
        'title',
        'severity',
        'confidence',
        'path',
        'line',
        'message',
        'cwe',
        'controls',
        'status',
        'fingerprint',
        'properties',
      ].sort(),
    );
  });
});

describe('compileCel: mistakes are UserErrors that name the rule', () => {
  it('reports a syntax error with its column', () => {
    const e = compileError('finding.scanner ==');
    expect(e.message).toBe(`${WHERE}: syntax error at column 19: Unexpected token: EOF`);
  });

  it('reports an unterminated string and a stray character', () => {
    expect(compileError('finding.path == "src').message).toMatch(
      /syntax error at column 17: Unterminated string/,
    );
    expect(compileError('finding.scanner == "a" &&& true').message).toMatch(/syntax error at column 26/);
  });

  it('gives line and column in a multi-line expression', () => {
    expect(compileError('finding.scanner == "x" &&\n  finding.line >>').message).toMatch(
      /syntax error at line 2, column 17/,
    );
  });

  it('rejects an unknown field and lists the fields there are', () => {
    const e = compileError('finding.severty == "high"');
    expect(e.message).toBe(`${WHERE}: unknown field at column 9: No such key: severty`);
    expect(e.hint).toContain('severity');
  });

  it('rejects an unknown variable', () => {
    expect(compileError('findng.scanner == "x"').message).toMatch(
      /unknown name at column 1: Unknown variable: findng/,
    );
  });

  it('rejects a type mismatch', () => {
    expect(compileError('finding.severity == 3').message).toMatch(/type error at column 1: no such overload/);
  });

  it('rejects an expression that cannot give a boolean', () => {
    expect(compileError('finding.path').message).toBe(
      `${WHERE}: must be true or false, but it gives a value of type string`,
    );
    expect(compileError('size(finding.cwe)').message).toMatch(/of type int/);
  });

  it('rejects an empty and an absurdly deep expression', () => {
    expect(compileError('').message).toMatch(/syntax error/);
    expect(compileError(`${'('.repeat(500)}true${')'.repeat(500)}`).message).toMatch(/maxDepth/);
  });
});

describe('evaluation errors', () => {
  it('fails clearly when a dyn expression gives something other than a boolean', () => {
    const cond = compileCel('finding.properties.kind', WHERE);
    expect(() => cond.test(finding({ properties: { kind: 'live' } }), 'new')).toThrow(
      `${WHERE}: gave the string "live" for secrets/aws-access-key-id at src/app.js; it must give true or false`,
    );
  });

  it('names the rule and finding when a property is missing, and hints at has()', () => {
    const cond = compileCel('finding.properties.verified == true', WHERE);
    try {
      cond.test(finding(), 'new');
      expect.unreachable();
    } catch (e) {
      expect((e as UserError).message).toBe(
        `${WHERE}: cannot evaluate for secrets/aws-access-key-id at src/app.js: No such key: verified`,
      );
      expect((e as UserError).hint).toContain('has(finding.properties.KEY)');
    }
  });

  it('absorbs a missing property when the other side of && is already false', () => {
    expect(holds('finding.scanner == "iac" && finding.properties.nope == 1')).toBe(false);
  });
});

describe('position', () => {
  it('counts columns from 1 and lines only when there are several', () => {
    expect(position('abc', 0)).toBe('column 1');
    expect(position('a\nbc', 3)).toBe('line 2, column 2');
  });
});
