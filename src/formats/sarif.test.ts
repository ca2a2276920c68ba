import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../core/fingerprint.js';
import { pathToUri, renderSarif, toSarif } from './sarif.js';
import { ruleName, ruleTags } from './sarif-rule.js';
import { cleanReport, SAMPLE_RULES, sampleReport, shownSecret } from './test-report.js';
import { haveSarifSchema, SARIF_SCHEMA_PATH, sarifValidator } from './testing/sarif-schema.js';

const schemaPath = SARIF_SCHEMA_PATH;
const haveSchema = haveSarifSchema;
if (!haveSchema) console.warn(`SARIF 2.1.0 schema not found at ${schemaPath}: schema validation is skipped`);

// biome-ignore lint/suspicious/noExplicitAny: SARIF is walked as plain JSON in these tests
type Any = any;
const sarif = (report = sampleReport()): Any => JSON.parse(renderSarif(report));
const results = (doc: Any): Any[] => doc.runs[0].results;
const byRule = (doc: Any, id: string): Any => results(doc).find((r: Any) => r.ruleId === id);

describe('sarif format', () => {
  it.skipIf(!haveSchema)(`validates against the SARIF 2.1.0 schema (needs ${schemaPath})`, () => {
    const validate = sarifValidator();
    for (const doc of [sarif(), sarif(cleanReport())]) {
      const ok = validate(doc);
      expect(ok ? [] : validate.errors).toEqual([]);
    }
    const bad = sarif();
    bad.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'src/a|b <c>.js';
    expect(validate(bad)).toBe(false);
  });

  it('describes the tool and only the rules that have results, each with help and severity', () => {
    const driver = sarif().runs[0].tool.driver;
    expect(driver.name).toBe('Gatehouse');
    expect(driver.version).toBe('0.0.0-test');
    expect(driver.informationUri).toBeUndefined();
    const ids = driver.rules.map((r: Any) => r.id);
    expect(ids).not.toContain('secrets/slack-webhook');
    expect(ids).not.toContain('iac/k8s-host-network');
    expect([...ids].sort()).toEqual(ids);
    const aws = driver.rules.find((r: Any) => r.id === 'secrets/aws-access-key-id');
    expect(aws).toMatchObject({
      name: 'AwsAccessKeyId',
      shortDescription: { text: 'AWS access key ID' },
      defaultConfiguration: { level: 'error' },
      properties: { precision: 'high', 'security-severity': '9.5' },
    });
    expect(aws.properties.tags).toEqual(
      expect.arrayContaining(['security', 'CWE-798', 'external/cwe/cwe-798']),
    );
    expect(aws.help.text).toContain('Deactivate the key');
    expect(aws.help.markdown).toContain('**How to fix**');
    expect(aws.helpUri).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('maps severities to levels and GitHub security-severity scores', () => {
    const rules = sarif().runs[0].tool.driver.rules;
    const score = (id: string) => rules.find((r: Any) => r.id === id).properties['security-severity'];
    expect(score('iac/terraform-s3-unencrypted')).toBe('8.0');
    expect(score('iac/dockerfile-latest-tag')).toBe('5.5');
    expect(score('iac/k8s-missing-resource-limits')).toBe('3.0');
    const doc = sarif();
    expect(byRule(doc, 'secrets/aws-access-key-id').level).toBe('error');
    expect(byRule(doc, 'iac/dockerfile-latest-tag').level).toBe('warning');
    expect(byRule(doc, 'iac/k8s-missing-resource-limits').level).toBe('note');
  });

  it('points each result at its rule and carries the fingerprint under gatehouse/v1', () => {
    const doc = sarif();
    const rules = doc.runs[0].tool.driver.rules;
    for (const r of results(doc)) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(FINGERPRINT_KEY).toBe('gatehouse/v1');
  });

  it('writes locations relative to %SRCROOT%, percent-encoded, with region and redacted snippet', () => {
    const doc = sarif();
    expect(doc.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///home/dev/shop/');
    const loc = byRule(doc, 'secrets/aws-access-key-id').locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'src/a%7Cb%20%3Cc%3E.js', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toMatchObject({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 25 });
    const redacted = sampleReport().result.findings[0]!.secret!.redacted;
    expect(loc.region.snippet.text).toBe(`const key = "${redacted}"; // <prod> & "live"`);
    expect(pathToUri('dir/c:x #1?.js')).toBe('dir/c%3Ax%20%231%3F.js');
    expect(pathToUri('bad\ud800.js')).toBe('bad%EF%BF%BD.js');
  });

  it('writes a dataflow trace as codeFlows, source first, and stays valid SARIF', () => {
    const report = sampleReport();
    const finding = report.result.findings.find((f) => f.ruleId === 'iac/dockerfile-latest-tag')!;
    finding.trace = [
      { path: 'src/app.js', line: 3, column: 15, message: 'source: req.query' },
      { path: 'src/app.js', line: 4, column: 9, message: 'assigned to cmd' },
      { path: 'src/run file.js', line: 9, message: 'reaches the sink: cmd' },
    ];
    const doc = sarif(report);
    const flow = byRule(doc, 'iac/dockerfile-latest-tag').codeFlows;
    expect(flow).toHaveLength(1);
    const steps = flow[0].threadFlows[0].locations.map((l: Any) => [
      l.location.physicalLocation.artifactLocation.uri,
      l.location.physicalLocation.region,
      l.location.message.text,
    ]);
    expect(steps).toEqual([
      ['src/app.js', { startLine: 3, startColumn: 15 }, 'source: req.query'],
      ['src/app.js', { startLine: 4, startColumn: 9 }, 'assigned to cmd'],
      ['src/run%20file.js', { startLine: 9 }, 'reaches the sink: cmd'],
    ]);
    expect(byRule(doc, 'secrets/aws-access-key-id').codeFlows).toBeUndefined();
    if (haveSchema) {
      const validate = sarifValidator();
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
  });

  it('suppresses excepted findings with the reason and approver, and marks baseline state', () => {
    const doc = sarif();
    const pat = byRule(doc, 'secrets/github-pat');
    expect(pat.suppressions).toEqual([
      expect.objectContaining({
        kind: 'external',
        status: 'accepted',
        justification:
          'read-only token for a public mirror, rotated monthly (exception EXC-12, approved by alice, expires 2099-12-31)',
      }),
    ]);
    expect(byRule(doc, 'iac/k8s-privileged-container').suppressions).toBeUndefined();
    expect(byRule(doc, 'iac/terraform-s3-unencrypted').baselineState).toBe('unchanged');
    expect(byRule(doc, 'secrets/aws-access-key-id').baselineState).toBe('new');
  });

  it('leaves baselineState out when no baseline was used', () => {
    const report = sampleReport();
    for (const d of report.gate.findings) if (d.status === 'existing') d.status = 'new';
    delete report.gate.baseline;
    for (const r of results(sarif(report))) expect(r.baselineState).toBeUndefined();
  });

  it('puts the gate decision, git commit and secret hash in result properties', () => {
    const doc = sarif();
    const historic = byRule(doc, 'secrets/generic-api-key');
    expect(historic.properties.commit).toEqual({
      sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      author: 'Jane Doe',
      date: '2023-04-01T10:20:30Z',
    });
    expect(historic.properties.gate).toMatchObject({ action: 'fail', policyRule: 'gate.fail_on: high' });
    expect(`${historic.properties.secret.redacted} (sha256 ${historic.properties.secret.hash})`).toBe(
      shownSecret('secrets/generic-api-key'),
    );
    expect(byRule(doc, 'iac/k8s-privileged-container').properties.gate.exception.expired).toBe(true);
  });

  it('reports diagnostics as tool notifications and a failed scanner as an unsuccessful run', () => {
    const inv = sarif().runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    const parse = inv.toolExecutionNotifications.find((n: Any) => n.descriptor.id === 'parse-error');
    expect(parse).toMatchObject({ level: 'error', properties: { scanner: 'iac' } });
    expect(parse.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/k8s/broken.yaml');
    const report = sampleReport();
    report.result.scanners[0]!.status = 'failed';
    expect(sarif(report).runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('records the repository only when it is an absolute URI', () => {
    expect(sarif().runs[0].versionControlProvenance).toEqual([
      {
        repositoryUri: 'https://github.com/acme/shop',
        revisionId: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
        branch: 'feature/checkout',
      },
    ]);
    const report = sampleReport();
    report.result.target.repository = 'git@github.com:acme/shop.git';
    expect(sarif(report).runs[0].versionControlProvenance).toBeUndefined();
  });

  it('describes a rule the report does not list from its finding', () => {
    const report = sampleReport();
    report.result.rules = report.result.rules.filter((r) => r.id !== 'iac/dockerfile-latest-tag');
    const doc = toSarif(report) as Any;
    const rule = doc.runs[0].tool.driver.rules.find((r: Any) => r.id === 'iac/dockerfile-latest-tag');
    expect(rule.shortDescription.text).toBe('Base image pinned to a moving tag');
  });

  it('names rules as identifiers and normalises CWE tags', () => {
    expect(ruleName('secrets/aws-access-key-id')).toBe('AwsAccessKeyId');
    const rule = { ...SAMPLE_RULES[0]!, cwe: ['CWE-079', 'cwe-22: Path Traversal'], tags: ['web'] };
    expect(ruleTags(rule)).toEqual([
      'CWE-22',
      'CWE-79',
      'external/cwe/cwe-022',
      'external/cwe/cwe-079',
      'security',
      'web',
    ]);
  });
});
