import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../core/config-schema.js';
import type { Finding } from '../core/finding.js';
import { exceptedSentence, exceptionSnippet, expiredSentence, howToPass } from './advice.js';
import { compileException } from './exceptions.js';

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
    location: { path: 'src/app.js', startLine: 12 },
    cwe: [],
    references: [],
    remediation: '',
    controls: [],
    ...over,
  };
}

describe('exceptionSnippet', () => {
  it('is YAML for the exceptions list, naming the finding in a comment', () => {
    expect(exceptionSnippet(finding())).toBe(
      [
        'exceptions:',
        `  - fingerprint: ${FP} # secrets/aws-access-key-id in src/app.js:12`,
        '    reason: "" # why this finding is acceptable',
        '    approver: "" # who accepted the risk',
        '    expires: "" # YYYY-MM-DD: the exception stops applying after that day (UTC)',
        '',
      ].join('\n'),
    );
  });

  it('pasted unchanged, is refused by the config check on every blank', () => {
    const result = configSchema.safeParse(parse(exceptionSnippet(finding())));
    expect(result.success).toBe(false);
    const keys = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(keys).toEqual(['exceptions.0.approver', 'exceptions.0.expires', 'exceptions.0.reason']);
  });

  it('once filled in, is a valid exception', () => {
    const filled = exceptionSnippet(finding())
      .replace('reason: ""', 'reason: "test key"')
      .replace('approver: ""', 'approver: alice')
      .replace('expires: ""', 'expires: 2030-01-01');
    expect(configSchema.parse(parse(filled)).exceptions[0]).toEqual({
      fingerprint: FP,
      reason: 'test key',
      approver: 'alice',
      expires: '2030-01-01',
    });
  });

  it('keeps a hostile path inside its comment', () => {
    const snippet = exceptionSnippet(finding({ location: { path: 'a\nreason: pwned\r\u2028.js' } }));
    expect(snippet.split('\n')).toHaveLength(6);
    expect(parse(snippet).exceptions[0].reason).toBe('');
  });
});

describe('sentences', () => {
  const exception = compileException(
    { id: 'EXC-1', rule: 'secrets/*', reason: 'test fixtures', approver: 'alice', expires: '2025-01-31' },
    'gatehouse.yml: exceptions[0]',
  );

  it('tells a blocked developer both ways past the gate', () => {
    expect(howToPass(finding(), 'gatehouse.yml')).toBe(
      `To pass the gate: fix it, or add an exception for fingerprint ${FP} to gatehouse.yml with a reason, an approver and an expiry date.`,
    );
  });

  it('says who approved an expired exception, when it expired and where to renew it', () => {
    expect(expiredSentence(exception)).toBe(
      'Exception EXC-1 (approved by alice) expired on 2025-01-31 and no longer covers it: renew it in gatehouse.yml: exceptions[0] with a later expires date, or fix the finding.',
    );
  });

  it('quotes the reason, approver and expiry of an active exception', () => {
    expect(exceptedSentence(exception)).toBe(
      'Excepted by EXC-1 (gatehouse.yml: exceptions[0]), approved by alice until 2025-01-31: test fixtures',
    );
    const forever = compileException({ rule: 'x', reason: 'r', approver: 'bob' }, 's');
    expect(exceptedSentence(forever)).toMatch(/approved by bob with no expiry date: r$/);
  });
});
