/**
 * Report fixtures for the format tests (not used by the product). `sampleReport()` has one of
 * everything a format must handle; see the list in `sampleReport`'s comment.
 */
import type { FindingDecision, GateDecision } from '../core/decision.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Finding, Location } from '../core/finding.js';
import { fingerprint } from '../core/fingerprint.js';
import { redactText, secretInfo } from '../core/redact.js';
import type { Report } from '../core/report.js';
import type { ScannerRun } from '../core/result.js';
import type { Rule } from '../core/rule.js';
import type { Confidence, Severity } from '../core/severity.js';
import { compareFindings } from '../core/sort.js';
import { howToPass } from '../policy/advice.js';

/**
 * Secret values the fixture's findings were made from. No output may contain them. Built from
 * parts so that scanning this repository does not report its own test data.
 */
export const RAW_SECRETS = [
  ['AKIA', 'Z7QX3MPL', 'K2VB4N8R'].join(''),
  ['ghp_', 'x9Tq2Lm4Vb7Nc1Zp8Rk3Wd6Yh5Jf0Gs2Ae9U'].join(''),
  ['sk_', 'live_', '51HqV0aB8cD3eF6gH9iJ2kL'].join(''),
];

const ROOT = '/home/dev/shop';

function rule(
  id: string,
  severity: Severity,
  confidence: Confidence,
  cwe: string[],
  extra: Partial<Rule> = {},
): Rule {
  const [scanner = '', name = ''] = id.split('/');
  return {
    id,
    scanner,
    title: name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    description: `Detects ${name.replace(/-/g, ' ')}.`,
    severity,
    confidence,
    cwe,
    controls: [],
    remediation: 'Fix it.',
    references: [],
    tags: [],
    ...extra,
  };
}

export const SAMPLE_RULES: Rule[] = [
  rule('iac/dockerfile-latest-tag', 'medium', 'high', ['CWE-1357'], {
    title: 'Base image pinned to a moving tag',
    remediation: 'Pin the base image to a version and a digest: FROM node:20.11@sha256:<digest>.',
    tags: ['docker', 'supply-chain'],
  }),
  rule('iac/k8s-host-network', 'high', 'high', ['CWE-668'], { title: 'Pod shares the host network' }),
  rule('iac/k8s-missing-resource-limits', 'low', 'medium', ['CWE-770'], {
    title: 'Container without resource limits',
    remediation: 'Set resources.limits.cpu and resources.limits.memory on every container.',
    controls: ['cis-kubernetes:5.7.4'],
  }),
  rule('iac/k8s-privileged-container', 'high', 'high', ['CWE-250'], {
    title: 'Privileged container',
    description: 'A privileged container has every capability of the host: escaping it is trivial.',
    remediation: 'Remove securityContext.privileged: true.\nGrant only the capabilities the container needs.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    controls: ['cis-kubernetes:5.2.1', 'nist-800-53:AC-6'],
    tags: ['kubernetes'],
  }),
  rule('iac/terraform-s3-unencrypted', 'high', 'high', ['CWE-311'], {
    title: 'S3 bucket without encryption at rest',
    remediation: 'Add a server_side_encryption_configuration block using aws:kms.',
    controls: ['nist-800-53:SC-28'],
  }),
  rule('secrets/aws-access-key-id', 'critical', 'high', ['CWE-798'], {
    title: 'AWS access key ID',
    description: 'An AWS access key ID in source code gives whoever reads the code access to the account.',
    remediation:
      'Deactivate the key in AWS IAM now and create a new one: treat the old one as leaked.\n' +
      'Load credentials from the environment or a secrets manager, never from source files.\n' +
      'Remove the value from git history (git filter-repo) once the key is dead.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
    controls: ['nist-800-53:IA-5', 'pci-dss-4:8.3.2'],
    tags: ['aws', 'secret'],
  }),
  rule('secrets/generic-api-key', 'high', 'medium', ['CWE-798'], {
    title: 'Generic API key',
    remediation: 'Revoke the key at its provider and load it from the environment.',
    tags: ['secret'],
  }),
  rule('secrets/github-pat', 'high', 'high', ['CWE-798'], {
    title: 'GitHub personal access token',
    remediation: 'Revoke the token in GitHub settings and use a fine-grained token from CI secrets.',
    tags: ['github', 'secret'],
  }),
  rule('secrets/slack-webhook', 'medium', 'high', ['CWE-798'], { title: 'Slack webhook URL' }),
];

interface Spec {
  ruleId: string;
  path: string;
  line?: number;
  message: string;
  content: string;
  severity?: Severity;
  secret?: string;
  snippet?: string;
  commit?: Location['commit'];
  properties?: Finding['properties'];
}

function makeFinding(s: Spec): Finding {
  const r = SAMPLE_RULES.find((x) => x.id === s.ruleId);
  if (!r) throw new Error(`fixture: no rule ${s.ruleId}`);
  const location: Location = { path: s.path };
  if (s.line) Object.assign(location, { startLine: s.line, endLine: s.line, startColumn: 5, endColumn: 25 });
  if (s.snippet) location.snippet = s.secret ? redactText(s.snippet, [s.secret]) : s.snippet;
  if (s.commit) location.commit = s.commit;
  const f: Finding = {
    fingerprint: fingerprint(r.id, s.path, s.content),
    scanner: r.scanner,
    ruleId: r.id,
    title: r.title,
    message: s.message,
    severity: s.severity ?? r.severity,
    confidence: r.confidence,
    location,
    cwe: r.cwe,
    references: r.references,
    remediation: r.remediation,
    controls: r.controls,
  };
  if (s.secret) f.secret = secretInfo(s.secret);
  if (s.properties) f.properties = s.properties;
  return f;
}

function decide(f: Finding, d: Omit<FindingDecision, 'fingerprint'>): FindingDecision {
  return { fingerprint: f.fingerprint, ...d };
}

const [AWS_KEY = '', GH_TOKEN = '', STRIPE_KEY = ''] = RAW_SECRETS;

/**
 * Has: a critical secret (redacted snippet, secret info) in a path needing escaping
 * (`src/a|b <c>.js`); a high finding excepted by an active exception; a finding whose
 * exception expired; a medium warn whose message holds `%`, a newline and `::`; a low report;
 * an existing (baseline) finding; a git-history finding with commit info; diagnostics (an
 * error with a path, warnings, infos); two scanners with timings (one partial); rules that
 * ran without findings.
 */
export function sampleReport(): Report {
  const aws = makeFinding({
    ruleId: 'secrets/aws-access-key-id',
    path: 'src/a|b <c>.js',
    line: 3,
    message: 'AWS access key ID in source code',
    content: AWS_KEY,
    secret: AWS_KEY,
    snippet: `const key = "${AWS_KEY}"; // <prod> & "live"`,
  });
  const privileged = makeFinding({
    ruleId: 'iac/k8s-privileged-container',
    path: 'deploy/k8s/web.yaml',
    line: 18,
    message: "Container 'web' runs privileged",
    content: 'web',
    snippet: '        privileged: true',
  });
  const s3 = makeFinding({
    ruleId: 'iac/terraform-s3-unencrypted',
    path: 'infra/s3.tf',
    line: 12,
    message: "Bucket 'aws_s3_bucket.assets' has no server-side encryption",
    content: 'aws_s3_bucket.assets',
  });
  const historic = makeFinding({
    ruleId: 'secrets/generic-api-key',
    path: 'old/config.js',
    line: 7,
    message: 'API key in a file removed since, still in git history',
    content: STRIPE_KEY,
    secret: STRIPE_KEY,
    snippet: `  apiKey: '${STRIPE_KEY}',`,
    commit: {
      sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      author: 'Jane Doe',
      email: 'jane@example.com',
      date: '2023-04-01T10:20:30Z',
    },
  });
  const pat = makeFinding({
    ruleId: 'secrets/github-pat',
    path: 'scripts/deploy.sh',
    line: 12,
    message: 'GitHub personal access token',
    content: GH_TOKEN,
    secret: GH_TOKEN,
    snippet: `export GH_TOKEN=${GH_TOKEN}`,
  });
  const latest = makeFinding({
    ruleId: 'iac/dockerfile-latest-tag',
    path: 'Dockerfile',
    line: 1,
    message:
      "Base image 'node:latest' is 100% unpinned\nPin it: FROM node:20.11::sha256 (50% of builds differ)",
    content: 'node:latest',
    snippet: 'FROM node:latest',
  });
  const limits = makeFinding({
    ruleId: 'iac/k8s-missing-resource-limits',
    path: 'deploy/k8s/web.yaml',
    line: 14,
    message: "Container 'web' has no memory limit",
    content: 'web',
    properties: { occurrences: 2, container: 'web' },
  });
  const findings = [aws, privileged, s3, historic, pat, latest, limits].sort(compareFindings);
  const decisions = [
    decide(aws, {
      action: 'fail',
      status: 'new',
      policyRule: 'gate.rules[block-live-secrets]',
      reason: `A secret in the code always blocks. ${howToPass(aws, 'gatehouse.yml')}`,
    }),
    decide(privileged, {
      action: 'fail',
      status: 'new',
      policyRule: 'gate.fail_on: high',
      reason:
        'Severity high is at or above gate.fail_on (high). Exception EXC-7 (approved by bob) expired on 2024-01-31 ' +
        'and no longer covers it: renew it in gatehouse.yml with a later expires date, or fix the finding.',
      exception: {
        id: 'EXC-7',
        reason: 'legacy node agent needs host access',
        approver: 'bob',
        expires: '2024-01-31',
        expired: true,
      },
    }),
    decide(s3, {
      action: 'report',
      status: 'existing',
      policyRule: 'gate.new_only',
      reason: 'Present in the baseline (.gatehouse/baseline.json); only new findings gate.',
    }),
    decide(historic, {
      action: 'fail',
      status: 'new',
      policyRule: 'gate.fail_on: high',
      reason: `Severity high is at or above gate.fail_on (high). ${howToPass(historic, 'gatehouse.yml')}`,
    }),
    decide(pat, {
      action: 'ignore',
      status: 'excepted',
      policyRule: 'exceptions[EXC-12]',
      reason:
        'Excepted by EXC-12 (gatehouse.yml), approved by alice until 2099-12-31: read-only token for a public mirror, rotated monthly',
      exception: {
        id: 'EXC-12',
        reason: 'read-only token for a public mirror, rotated monthly',
        approver: 'alice',
        expires: '2099-12-31',
        expired: false,
      },
    }),
    decide(latest, {
      action: 'warn',
      status: 'new',
      policyRule: 'gate.warn_on: medium',
      reason: 'Severity medium is at or above gate.warn_on (medium).',
    }),
    decide(limits, {
      action: 'report',
      status: 'new',
      policyRule: 'gate.warn_on: medium',
      reason: 'Severity low is below gate.fail_on (high) and gate.warn_on (medium), so it is reported only.',
    }),
  ];
  const scanners: ScannerRun[] = [
    { name: 'iac', status: 'partial', durationMs: 87, files: 23, bytes: 48_128, findings: 4 },
    { name: 'secrets', status: 'ok', durationMs: 1234, files: 412, bytes: 5_452_595, findings: 3 },
  ];
  const diagnostics: Diagnostic[] = [
    {
      level: 'warning',
      code: 'file-too-large',
      path: 'assets/intro.mp4',
      message:
        'skipped: 52428800 bytes is over max_file_size (10485760); raise max_file_size in gatehouse.yml to scan it',
    },
    {
      level: 'info',
      code: 'binary-file',
      scanner: 'secrets',
      path: 'assets/logo.png',
      message: 'binary file skipped',
    },
    {
      level: 'info',
      code: 'binary-file',
      scanner: 'secrets',
      path: 'bin/tool',
      message: 'binary file skipped',
    },
    {
      level: 'error',
      code: 'parse-error',
      scanner: 'iac',
      path: 'deploy/k8s/broken.yaml',
      message: 'invalid YAML at line 4, column 3: bad indentation of a mapping entry',
    },
  ];
  return {
    tool: { name: 'gatehouse', version: '0.0.0-test' },
    result: {
      target: {
        root: ROOT,
        repository: 'https://github.com/acme/shop',
        branch: 'feature/checkout',
        commit: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
      },
      startedAt: '2025-03-14T09:26:53.000Z',
      finishedAt: '2025-03-14T09:26:54.412Z',
      findings,
      scanners,
      diagnostics,
      rules: SAMPLE_RULES,
      discovery: { files: 431, bytes: 5_500_723, skipped: 1 },
    },
    gate: gateOf(decisions, [
      'Exception EXC-7 (gatehouse.yml) expired on 2024-01-31 (approved by bob); 1 finding it covered gate again: renew it with a later expires date, or fix them.',
      'Baseline .gatehouse/baseline.json: 1 of its 3 fingerprint(s) are in this scan (2 gone); 6 findings are new.',
    ]),
  };
}

function gateOf(decisions: FindingDecision[], notes: string[]): GateDecision {
  const counts = { fail: 0, warn: 0, report: 0, ignore: 0, excepted: 0, existing: 0 };
  for (const d of decisions) {
    counts[d.action]++;
    if (d.status === 'excepted') counts.excepted++;
    if (d.status === 'existing') counts.existing++;
  }
  const verdict = counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'pass';
  const gate: GateDecision = { verdict, findings: decisions, counts, notes, exceptionsFile: 'gatehouse.yml' };
  if (counts.existing > 0) gate.baseline = { file: '.gatehouse/baseline.json', fingerprints: 3 };
  return gate;
}

/** How the outputs show the secret of the sample's finding of `ruleId`: redacted value and hash. */
export function shownSecret(ruleId: string): string {
  const secret = sampleReport().result.findings.find((f) => f.ruleId === ruleId)?.secret;
  if (!secret) throw new Error(`fixture: no secret finding of ${ruleId}`);
  return `${secret.redacted} (sha256 ${secret.hash})`;
}

/** A scan that found nothing: the gate passes. */
export function cleanReport(): Report {
  const base = sampleReport();
  return {
    ...base,
    result: { ...base.result, findings: [], diagnostics: [], scanners: base.result.scanners.map(noFindings) },
    gate: gateOf([], []),
  };
}

function noFindings(s: ScannerRun): ScannerRun {
  return { ...s, status: 'ok', findings: 0 };
}

const ACTIONS = ['fail', 'warn', 'report', 'ignore'] as const;

/** `n` findings over a few rules and many files, actions in rotation: for size and scaling. */
export function largeReport(n: number): Report {
  const base = sampleReport();
  const ruleIds = ['iac/k8s-privileged-container', 'iac/dockerfile-latest-tag', 'secrets/generic-api-key'];
  const findings: Finding[] = [];
  const decisions: FindingDecision[] = [];
  for (let i = 0; i < n; i++) {
    const f = makeFinding({
      ruleId: ruleIds[i % ruleIds.length]!,
      path: `services/svc-${String(i % 97).padStart(2, '0')}/file-${i}.ts`,
      line: (i % 400) + 1,
      message: `Finding number ${i} with | pipes, <tags> and \`ticks\``,
      content: `content-${i}`,
    });
    findings.push(f);
    const action = ACTIONS[i % ACTIONS.length]!;
    decisions.push(
      decide(f, { action, status: 'new', policyRule: `gate.rules[r${i % 5}]`, reason: 'generated' }),
    );
  }
  return {
    ...base,
    result: { ...base.result, findings: findings.sort(compareFindings) },
    gate: gateOf(decisions, []),
  };
}
