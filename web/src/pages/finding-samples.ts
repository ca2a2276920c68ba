import type { FindingDetail, FindingFull, FindingSummary } from './finding-types';

/**
 * For component tests: findings as GET /api/v1/findings/{id} answers them. The scanner data is
 * what Gatehouse itself reported: `gatehouse scan test/fixtures/sast/app -s sast` (the dataflow
 * trace) and `gatehouse scan -s sca` of a package-lock.json with lodash 4.17.15 against the
 * advisory fixtures of test/fixtures/sca/vulndb (GHSA-p6mc-m468-83gw).
 */

const listed = {
  projectId: 1,
  confidence: 'high',
  firstSeenAt: '2026-03-02T09:15:00.000Z',
  lastSeenAt: '2026-03-20T17:40:00.000Z',
  fixedAt: null,
  closedAt: null,
  reopenedCount: 0,
  exceptionId: null,
} satisfies Partial<FindingSummary>;

const sastFinding: FindingFull = {
  ...listed,
  id: 41,
  project: 'shop-api',
  scanner: 'sast',
  rule: 'sast/js-child-process-injection',
  title: 'OS command built from request data',
  message:
    'Request data (req.body) reaches a shell command: exec(cmd); a crafted value runs any command on the server.',
  severity: 'critical',
  status: 'open',
  path: 'src/server.js',
  line: 10,
  advisory: null,
  purl: null,
  slaDueAt: '2026-03-09T09:15:00.000Z',
  sla: 'overdue',
  fingerprint: '4e8c47ffa78505b74b6efbb9a4a0bf1b',
  location: {
    path: 'src/server.js',
    startLine: 10,
    endLine: 10,
    startColumn: 3,
    endColumn: 12,
    snippet: '  exec(cmd);',
  },
  cwe: ['CWE-78'],
  references: [
    'https://cwe.mitre.org/data/definitions/78.html',
    'https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback',
    'https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html',
  ],
  remediation:
    "Do not build shell commands from request data. Run the program directly with execFile or spawn (no shell) and pass each value as its own argument; where the value selects an action, map it to a fixed command through an allow-list.\n\nSafe example:\n\n    const { execFile } = require('node:child_process');\n    execFile('ping', ['-c', '1', host], (err, out) => res.send(out));",
  controls: ['owasp-top10-2021:A03', 'nist-800-53:SI-10'],
  trace: [
    { path: 'src/server.js', line: 14, column: 11, message: 'source: req.body' },
    { path: 'src/server.js', line: 14, column: 3, message: 'passed to archive()' },
    { path: 'src/server.js', line: 8, column: 18, message: 'parameter name' },
    { path: 'src/server.js', line: 9, column: 9, message: 'assigned to cmd' },
    { path: 'src/server.js', line: 10, column: 8, message: 'reaches the sink: cmd' },
  ],
};

export const sastDetail: FindingDetail = {
  finding: sastFinding,
  history: [
    {
      at: '2026-03-02T09:15:00.000Z',
      actor: 'token:ci-shop-api',
      kind: 'created',
      from: null,
      to: 'open',
      comment: null,
      scanId: 7,
    },
  ],
  occurrences: [
    {
      scanId: 7,
      branch: 'main',
      commit: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
      path: 'src/server.js',
      line: 10,
      at: '2026-03-02T09:15:00.000Z',
    },
  ],
};

const scaFinding: FindingFull = {
  ...listed,
  id: 42,
  project: 'shop-web',
  scanner: 'sca',
  rule: 'sca/vulnerable-dependency',
  title: 'Dependency with a known vulnerability',
  message:
    'lodash@4.17.15 is affected by GHSA-p6mc-m468-83gw (CVE-2020-8203): Prototype Pollution in lodash; upgrade to 4.17.20.',
  severity: 'high',
  status: 'confirmed',
  path: 'package-lock.json',
  line: null,
  advisory: 'GHSA-p6mc-m468-83gw',
  purl: 'pkg:npm/lodash@4.17.15',
  slaDueAt: '2026-04-01T09:15:00.000Z',
  sla: 'ok',
  fingerprint: 'b2ba17a5ec74789653021961040c9a59',
  location: { path: 'package-lock.json' },
  cwe: ['CWE-1395'],
  references: [],
  remediation:
    'Upgrade the package to a fixed version (for a transitive dependency: upgrade the direct dependency that pulls it in, or pin it with overrides/resolutions/constraints), regenerate the lockfile, and run the tests. When no fix exists, assess reachability and record an exception with an expiry date.',
  controls: [
    'nist-800-53:RA-5',
    'nist-800-53:SI-2',
    'nist-800-53:SA-11',
    'pci-dss-4:6.3.3',
    'soc2:CC7.1',
    'cis-controls-8:7.4',
  ],
  vulnerability: {
    id: 'GHSA-p6mc-m468-83gw',
    aliases: ['CVE-2020-8203'],
    package: { ecosystem: 'npm', name: 'lodash', version: '4.17.15', purl: 'pkg:npm/lodash@4.17.15' },
    fixedVersions: ['4.17.20'],
    cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H', score: 7.4 },
  },
  properties: { dev: false, direct: true, ecosystem: 'npm', severitySource: 'cvss' },
};

export const scaDetail: FindingDetail = {
  finding: scaFinding,
  history: [
    {
      at: '2026-03-02T09:15:00.000Z',
      actor: 'token:ci-shop-web',
      kind: 'created',
      from: null,
      to: 'open',
      comment: null,
      scanId: 8,
    },
    {
      at: '2026-03-03T11:02:00.000Z',
      actor: 'dev@shop.example',
      kind: 'status',
      from: 'open',
      to: 'confirmed',
      comment: 'Reachable from the cart merge; upgrade planned.',
      scanId: null,
    },
  ],
  occurrences: [],
};

/** The list's summary of a full finding (what GET /findings answers for it). */
export function summaryOf(f: FindingFull): FindingSummary {
  const {
    fingerprint: _f,
    location: _l,
    cwe: _c,
    references: _r,
    remediation: _m,
    controls: _k,
    vulnerability: _v,
    secret: _s,
    trace: _t,
    properties: _p,
    ...summary
  } = f;
  return summary;
}
