import { describe, expect, it } from 'vitest';
import { testFinding } from '../../store/test-upload.js';
import { isSecretResult, redactSecretFinding } from './sarif-secrets.js';

describe('isSecretResult', () => {
  it('knows secret scanners, credential CWEs and secret tags', () => {
    expect(isSecretResult('gitleaks', [], undefined)).toBe(true);
    expect(isSecretResult('trufflehog', [], undefined)).toBe(true);
    expect(isSecretResult('bandit', ['CWE-259'], undefined)).toBe(true);
    expect(isSecretResult('semgrep-oss', ['CWE-89'], ['security', 'secrets'])).toBe(true);
    expect(isSecretResult('semgrep-oss', ['CWE-89'], ['security'])).toBe(false);
    expect(isSecretResult('gitleaksish-linter', [], undefined)).toBe(false);
  });
});

describe('redactSecretFinding', () => {
  const token = ['ghx_', 'Qm7Lp2Vr9Tz4Wc6Yb1Nd8Kf3Hs5Jg0Ax'].join('');

  it('treats a one-token snippet as the secret, wherever it appears', () => {
    const f = testFinding(1, {
      message: `found ${token} in config`,
      location: { path: 'a.env', startLine: 1, snippet: token },
      properties: { raw: token, n: 3 },
    });
    redactSecretFinding(f, token);
    expect(JSON.stringify(f)).not.toContain(token.slice(4));
    expect(f.location.snippet).toBe('ghx_…');
    expect(f.message).toBe('found ghx_… in config');
    expect(f.properties).toEqual({ raw: 'ghx_…', n: 3 });
    expect(f.secret).toEqual({ redacted: 'ghx_…', hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });

  it('masks credential assignments and token-like values when the snippet is a whole line', () => {
    const f = testFinding(2, {
      message: "Possible hardcoded password: 'correcthorse'",
      location: { path: 'settings.py', snippet: `DB_PASSWORD = "correcthorse"; other = "${token}"` },
    });
    redactSecretFinding(f, f.location.snippet);
    expect(f.location.snippet).toBe('DB_PASSWORD = "co…"; other = "ghx_…"');
    expect(f.message).toBe("Possible hardcoded password: 'co…'");
    expect(f.secret).toBeUndefined();
  });

  it('leaves ordinary prose and code alone', () => {
    const f = testFinding(3, {
      message: 'Hard-coded credential in settings',
      location: { path: 'a.py', snippet: 'x = load()' },
    });
    redactSecretFinding(f, 'x = load()');
    expect([f.message, f.location.snippet]).toEqual(['Hard-coded credential in settings', 'x = load()']);
  });
});
