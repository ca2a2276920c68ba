import type { Rule } from '../../core/rule.js';

export const SCANNER = 'sca';

const base = { scanner: SCANNER, references: [], tags: ['dependency'] };

export const VULNERABLE_DEPENDENCY: Rule = {
  ...base,
  id: 'sca/vulnerable-dependency',
  title: 'Dependency with a known vulnerability',
  description:
    'A package version this project installs is affected by a published advisory (OSV: GitHub, PyPA, Go, RustSec, distributions). The finding names the advisory, all its aliases, the severity from its CVSS vector and the versions that fix it.',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1395'],
  controls: [
    'nist-800-53:RA-5',
    'nist-800-53:SI-2',
    'nist-800-53:SA-11',
    'pci-dss-4:6.3.3',
    'soc2:CC7.1',
    'cis-controls-8:7.4',
  ],
  remediation:
    'Upgrade the package to a fixed version (for a transitive dependency: upgrade the direct dependency that pulls it in, or pin it with overrides/resolutions/constraints), regenerate the lockfile, and run the tests. When no fix exists, assess reachability and record an exception with an expiry date.',
  tags: ['dependency', 'vulnerability'],
};

export const VULNDB_STALE: Rule = {
  ...base,
  id: 'sca/vulndb-stale',
  title: 'Vulnerability database empty or out of date',
  description:
    'The dependency scan matched against a vulnerability database that is empty, or older than `sca.database.max_age_days`: vulnerabilities published since are missed. Raised only when `sca.database.stale: fail`; otherwise a warning diagnostic says the same.',
  severity: 'high',
  confidence: 'high',
  cwe: [],
  controls: ['nist-800-53:RA-5(2)'],
  remediation:
    'Run `gatehouse db update` before the scan (cache the database between CI runs), or `gatehouse db import` from a mirror where there is no network.',
  tags: ['dependency', 'configuration'],
};
