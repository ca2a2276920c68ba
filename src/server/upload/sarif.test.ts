import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { renderJson } from '../../formats/json.js';
import { renderSarif } from '../../formats/sarif.js';
import { RAW_SECRETS, sampleReport } from '../../formats/test-report.js';
import type { ScanUpload } from '../../store/upload.js';
import { readUpload } from './read.js';
import { fixture, uploadError } from './test-fixtures.js';

const context = { project: 'shop', branch: 'main' };
const read = (name: string): ScanUpload => readUpload(fixture(`sarif/${name}`), context);
const sarif = (doc: unknown): ScanUpload => readUpload(Buffer.from(JSON.stringify(doc)), context);
const byRule = (u: ScanUpload, ruleId: string) => u.findings.filter((f) => f.ruleId === ruleId);

/** The official schema is draft-04, which ajv 8 loads as draft-07 once its id is renamed. */
function schemaValidator() {
  const schema = JSON.parse(
    readFileSync(join(packageRoot(), 'test/fixtures/upload/sarif-schema-2.1.0.json'), 'utf8'),
  );
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv.default({ strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('SARIF fixtures', () => {
  it('are real SARIF 2.1.0 (all but multi-run.sarif, odd on purpose)', () => {
    const validate = schemaValidator();
    const files = readdirSync(join(packageRoot(), 'test/fixtures/upload/sarif'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files.filter((f) => f !== 'multi-run.sarif')) {
      const ok = validate(JSON.parse(fixture(`sarif/${file}`).toString('utf8')));
      expect({ file, errors: ok ? null : validate.errors }).toEqual({ file, errors: null });
    }
    expect(validate(JSON.parse(fixture('sarif/multi-run.sarif').toString('utf8')))).toBe(false);
  });
});

describe('SARIF from Semgrep', () => {
  const u = read('semgrep.sarif');

  it('makes one finding per result, leaving out results suppressed in the source', () => {
    expect(u.source).toBe('sarif:semgrep-oss');
    expect(u.scanners).toEqual([{ name: 'sarif:semgrep-oss', status: 'ok', findings: 2 }]);
    expect(u.findings.map((f) => f.location.path)).toEqual(['app/db.py', 'app/views.py']);
    expect(u.toolVersion).toBe('1.56.0');
  });

  it('reads rule, severity, confidence, CWE, location and snippet', () => {
    const sql = byRule(u, 'python.lang.security.audit.formatted-sql-query.formatted-sql-query')[0]!;
    expect(sql).toMatchObject({
      scanner: 'sarif:semgrep-oss',
      title: 'Detected possible formatted SQL query. Use parameterized queries instead.',
      message: 'Detected possible formatted SQL query. Use parameterized queries instead.',
      severity: 'high',
      confidence: 'high',
      cwe: ['CWE-89'],
      references: [
        'https://semgrep.dev/r/python.lang.security.audit.formatted-sql-query.formatted-sql-query',
      ],
      location: { path: 'app/db.py', startLine: 14, endLine: 14, startColumn: 5, endColumn: 63 },
    });
    expect(sql.location.snippet).toContain('cursor.execute');
    expect(sql.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const evalFinding = byRule(u, 'python.lang.security.audit.eval-detected.eval-detected')[0]!;
    expect([evalFinding.severity, evalFinding.confidence, evalFinding.cwe]).toEqual([
      'medium',
      'high',
      ['CWE-95'],
    ]);
  });
});

describe('SARIF from CodeQL', () => {
  const u = read('codeql.sarif');

  it('finds rules in query-pack extensions, by toolComponent and index', () => {
    expect(u.findings.map((f) => [f.ruleId, f.title])).toEqual([
      ['js/sql-injection', 'Database query built from user-controlled sources'],
      ['js/code-injection', 'Code injection'],
      ['js/unused-local-variable', 'Unused variable, import, function or class'],
    ]);
  });

  it('ranks by security-severity over level, and reads the level when there is none', () => {
    expect(u.findings.map((f) => f.severity)).toEqual(['high', 'critical', 'low']);
    expect(u.findings.map((f) => f.confidence)).toEqual(['high', 'high', 'high']);
  });

  it('reads CWE tags, related-location links in messages, artifact indexes and code flows', () => {
    const [sql, code] = u.findings;
    expect(sql!.cwe).toEqual(['CWE-89', 'CWE-90', 'CWE-943']);
    expect(sql!.message).toBe('This query string depends on a user-provided value.');
    expect(code!.location.path).toBe('src/lib/calc.js');
    expect(sql!.trace).toEqual([
      { path: 'src/routes/users.js', line: 16, column: 14, message: 'req.query.id' },
      { path: 'src/routes/users.js', line: 16, column: 9, message: 'id' },
      { path: 'src/routes/users.js', line: 18, column: 20, message: '"SELECT ... ere id = " + id' },
    ]);
    expect(sql!.remediation).toContain('query parameters or prepared statements');
  });

  it('takes the commit and repository from versionControlProvenance when the uploader gave none', () => {
    expect(u.context).toEqual({
      ...context,
      repository: 'https://github.com/acme/shop',
      commit: '9f2c4e1a7b3d5f60812e4a6c8b0d2f4a6c8e0a2b',
    });
  });
});

describe('SARIF from Gitleaks', () => {
  const u = read('gitleaks.sarif');

  it('reads the secret findings; the rule name is the title, not the regex', () => {
    expect(u.findings.map((f) => [f.ruleId, f.title, f.location.path, f.location.startLine])).toEqual([
      ['aws-access-token', 'AWS Access Token', 'deploy/config.env', 3],
      ['generic-api-key', 'Generic API Key', 'src/settings.py', 12],
      ['internal-api-token', 'Internal API token', 'ops/notify.sh', 7],
    ]);
  });

  it('rates a leaked credential high when the tool gives no severity', () => {
    expect(u.findings.map((f) => f.severity)).toEqual(['high', 'high', 'high']);
  });

  it('redacts the secret in the snippet and the message, and records its prefix and hash', () => {
    const text = JSON.stringify(u);
    for (const secret of [
      'AKIAIOSFODNN7EXAMPLE',
      'pk9Zr2Lq8Wx4Tn6Vb1Hs3Jd5Kf7Mg0Yc',
      'itk_9Zr2Lq8Wx4Tn6Vb1Hs3Jd5Kf7Mg0YcQe',
    ])
      expect(text).not.toContain(secret.slice(4));
    const [aws, generic, internal] = u.findings;
    expect(aws!.location.snippet).toBe('AKIA…');
    expect(aws!.secret).toEqual({ redacted: 'AKIA…', hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(generic!.location.snippet).toBe('PAYMENT_API_KEY = "pk9Z…"');
    expect(generic!.secret).toBeUndefined();
    expect(internal!.message).toBe('Internal API token detected: itk_… in ops/notify.sh');
    expect(internal!.secret?.redacted).toBe('itk_…');
  });

  it('keys each secret by its value, not by how it is shown', () => {
    const [a, b, c] = u.findings.map((f) => f.fingerprint);
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('does not key findings on the commit, author or date Gitleaks puts in partialFingerprints', () => {
    const doc = JSON.parse(fixture('sarif/gitleaks.sarif').toString('utf8'));
    for (const r of doc.runs[0].results) {
      r.partialFingerprints.commitSha = 'f'.repeat(40);
      r.partialFingerprints.date = '2025-01-01T00:00:00Z';
      r.message.text = r.message.text.replace(/[0-9a-f]{40}/, 'f'.repeat(40));
      r.locations[0].physicalLocation.region.startLine += 10;
    }
    expect(sarif(doc).findings.map((f) => f.fingerprint)).toEqual(u.findings.map((f) => f.fingerprint));
  });
});

describe('SARIF from Trivy', () => {
  const u = read('trivy.sarif');

  it('reads vulnerabilities and misconfigurations, paths relative to ROOTPATH', () => {
    expect(u.findings.map((f) => [f.ruleId, f.severity, f.location.path])).toEqual([
      ['CVE-2021-44228', 'critical', 'pom.xml'],
      ['CVE-2021-45046', 'critical', 'pom.xml'],
      ['DS002', 'high', 'Dockerfile'],
    ]);
    expect(u.findings[0]!.references).toEqual(['https://avd.aquasec.com/nvd/cve-2021-44228']);
    expect(u.findings[0]!.message).toContain('Installed Version: 2.14.1');
  });

  it('keys the two vulnerabilities of one package at line 1 apart', () => {
    expect(new Set(u.findings.map((f) => f.fingerprint)).size).toBe(3);
  });
});

describe('SARIF from Checkov', () => {
  const u = read('checkov.sarif');

  it('reads results without regions, and keeps one finding per resource of the same check', () => {
    expect(u.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([
      ['CKV_AWS_19', 'infra/storage.tf', 1],
      ['CKV_AWS_19', 'infra/storage.tf', 12],
      ['CKV_DOCKER_2', 'Dockerfile', undefined],
    ]);
    expect(new Set(u.findings.map((f) => f.fingerprint)).size).toBe(3);
    expect(u.findings[0]!.title).toBe('Ensure the S3 bucket has server-side-encryption enabled');
  });
});

describe('SARIF from Bandit, ESLint and ZAP', () => {
  it('Bandit: severity and confidence from its result properties, CWE from tags', () => {
    const u = read('bandit.sarif');
    expect(u.findings.map((f) => [f.ruleId, f.severity, f.confidence, f.cwe])).toEqual([
      ['B105', 'low', 'medium', ['CWE-259']],
      ['B602', 'high', 'high', ['CWE-78']],
    ]);
    // CWE-259 makes it a credential finding: the password is masked where Bandit quotes it.
    expect(u.findings[0]!.location.snippet).toBe("DB_PASSWORD = 'hu…'\n");
    expect(u.findings[0]!.message).toBe("Possible hardcoded password: 'hu…'");
    expect(JSON.stringify(u)).not.toContain('hunter2hunter2');
    expect(u.findings[0]!.properties).toEqual({ issue_confidence: 'MEDIUM', issue_severity: 'LOW' });
    expect(u.finishedAt).toBe('2024-03-11T09:15:02Z');
  });

  it('ESLint: absolute file URIs become relative to the working directory', () => {
    const u = read('eslint.sarif');
    expect(u.findings.map((f) => [f.ruleId, f.location.path, f.severity])).toEqual([
      ['no-eval', 'web/src/util.js', 'high'],
      ['no-eval', 'web/src/util.js', 'high'],
      ['no-unused-vars', 'web/src/util.js', 'medium'],
    ]);
    expect(new Set(u.findings.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('ZAP: the URL is the path, CWE from taxonomy relationships, references from properties', () => {
    const [f] = read('zap.sarif').findings;
    expect(f).toMatchObject({
      ruleId: '10038-1',
      title: 'Content Security Policy (CSP) Header Not Set',
      location: { path: 'https://staging.example.com/login' },
      cwe: ['CWE-693'],
      confidence: 'high',
      severity: 'medium',
    });
    expect(f!.references).toHaveLength(2);
  });
});

describe('SARIF with several runs and odd fields', () => {
  const u = read('multi-run.sarif');

  it('marks each tool a scanner; a failed invocation makes it failed so it closes nothing', () => {
    expect(u.source).toBe('sarif:semgrep-oss+hadolint');
    expect(u.scanners).toEqual([
      { name: 'sarif:semgrep-oss', status: 'ok', findings: 0 },
      { name: 'sarif:hadolint', status: 'failed', findings: 2 },
    ]);
    expect([u.startedAt, u.finishedAt]).toEqual(['2024-03-11T08:59:00Z', '2024-03-11T09:02:00Z']);
    expect(u.toolVersion).toBe('semgrep-oss@1.56.0, hadolint@2.12.0');
  });

  it('reads messages by id with arguments, Windows separators and percent-encoded paths', () => {
    expect(u.findings.map((f) => [f.location.path, f.message])).toEqual([
      [
        'docker/api.Dockerfile',
        'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>` (curl)',
      ],
      ['docker/api v2.Dockerfile', 'Pin versions in apt: wget'],
    ]);
  });

  it('leaves out passed checks and results absent since the baseline', () => {
    expect(u.findings).toHaveLength(2);
  });
});

describe('SARIF edge cases', () => {
  const run = (results: unknown[], extra: object = {}) => ({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Tool', rules: [{ id: 'r1', shortDescription: { text: 'Rule one' } }] } },
        results,
        ...extra,
      },
    ],
  });

  it('reads a run without results, and a document without runs content', () => {
    expect(sarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'X' } } }] }).findings).toEqual([]);
    expect(sarif({ version: '2.1.0', runs: [] }).scanners).toEqual([]);
  });

  it('reads a result with no location and no message', () => {
    const [f] = sarif(run([{ ruleId: 'r1' }])).findings;
    expect(f).toMatchObject({ ruleId: 'r1', title: 'Rule one', message: 'Rule one', location: { path: '' } });
    expect(f!.severity).toBe('medium');
  });

  it('finds the rule by ruleIndex when the result has no ruleId', () => {
    const [f] = sarif(run([{ ruleIndex: 0, message: { text: 'm' } }])).findings;
    expect(f!.ruleId).toBe('r1');
  });

  it('keeps externally suppressed results, marked, and drops in-source ones', () => {
    const u = sarif(
      run([
        { ruleId: 'r1', message: { text: 'a' }, suppressions: [{ kind: 'external', status: 'accepted' }] },
        { ruleId: 'r1', message: { text: 'b' }, suppressions: [{ kind: 'inSource' }] },
        { ruleId: 'r1', message: { text: 'c' }, suppressions: [{ kind: 'inSource', status: 'rejected' }] },
      ]),
    );
    expect(u.findings.map((f) => [f.message, f.properties?.suppressed])).toEqual([
      ['a', 'external'],
      ['c', undefined],
    ]);
  });

  it('maps levels and scores to severities', () => {
    const sev = (result: object, rule: object = {}) =>
      sarif({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'T', rules: [{ id: 'r', ...rule }] } },
            results: [{ ruleId: 'r', message: { text: 'm' }, ...result }],
          },
        ],
      }).findings[0]!.severity;
    expect(sev({ level: 'error' })).toBe('high');
    expect(sev({ level: 'warning' })).toBe('medium');
    expect(sev({ level: 'note' })).toBe('low');
    expect(sev({ level: 'none' })).toBe('info');
    expect(sev({ kind: 'informational' })).toBe('info');
    expect(sev({}, { defaultConfiguration: { level: 'note' } })).toBe('low');
    expect(sev({ level: 'note' }, { properties: { 'security-severity': '9.1' } })).toBe('critical');
    expect(sev({ level: 'error' }, { properties: { 'security-severity': 3.9 } })).toBe('low');
    expect(
      sev({ properties: { severity: 'Moderate' } }, { properties: { 'security-severity': '9.8' } }),
    ).toBe('medium');
    expect(sev({}, { properties: { tags: ['security', 'HIGH'] } })).toBe('high');
    expect(sev({}, { properties: { tags: ['low-level', 'info'] } })).toBe('medium');
  });

  it('names the place of a wrong type as a JSON path', () => {
    const err = uploadError(() =>
      sarif(run([{ ruleId: 'r1' }, { ruleId: 'r1' }, { ruleId: 'r1' }, { ruleId: 'r1', locations: [42] }])),
    );
    expect([err.code, err.message]).toEqual([
      'invalid_report',
      'SARIF runs[0].results[3].locations[0]: expected an object, found a number',
    ]);
    expect(uploadError(() => sarif({ version: '2.1.0', runs: {} })).message).toBe(
      'SARIF runs: expected an array, found an object',
    );
    expect(uploadError(() => sarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).message).toBe(
      'SARIF runs[0].tool.driver.name: missing: the tool that wrote the run must be named',
    );
    expect(
      uploadError(() =>
        sarif(run([{ ruleId: 'r1', locations: [{ physicalLocation: { region: { startLine: -3 } } }] }])),
      ).message,
    ).toBe(
      'SARIF runs[0].results[0].locations[0].physicalLocation.region.startLine: expected a non-negative integer, found a number',
    );
  });

  it('refuses other SARIF versions', () => {
    const err = uploadError(() => sarif({ version: '1.0.0', runs: [] }));
    expect([err.code, err.message]).toEqual([
      'unsupported_format',
      'SARIF version "1.0.0" is not supported (2.1.0 is)',
    ]);
  });

  it('reads null as absent for optional parts', () => {
    const u = sarif(
      run([{ ruleId: 'r1', message: { text: 'm' }, locations: null, properties: null, codeFlows: null }], {
        invocations: null,
        artifacts: null,
      }),
    );
    expect(u.findings).toHaveLength(1);
  });
});

describe('SARIF written by Gatehouse', () => {
  it('dedups and closes exactly like the JSON report of the same scan', () => {
    const report = sampleReport();
    const fromJson = readUpload(Buffer.from(renderJson(report)), context);
    const fromSarif = readUpload(Buffer.from(renderSarif(report)), context);
    expect(fromSarif.source).toBe('sarif:gatehouse');
    const key = (u: ScanUpload) =>
      u.findings
        .map((f) => [f.fingerprint, f.scanner, f.ruleId, f.severity, f.confidence, f.location.path])
        .sort();
    expect(key(fromSarif)).toEqual(key(fromJson));
    expect(fromSarif.scanners.map((s) => [s.name, s.status]).sort()).toEqual(
      fromJson.scanners.map((s) => [s.name, s.status]).sort(),
    );
    const secret = fromSarif.findings.find((f) => f.ruleId === 'secrets/aws-access-key-id')!;
    expect(secret.secret).toEqual(
      fromJson.findings.find((f) => f.ruleId === 'secrets/aws-access-key-id')!.secret,
    );
    const text = JSON.stringify(fromSarif);
    for (const raw of RAW_SECRETS) expect(text).not.toContain(raw);
  });
});
