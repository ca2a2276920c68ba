import type { Rule } from '../../../core/rule.js';
import type { LicensePolicy } from './evaluate.js';

const SCANNER = 'sca';

/** Using software within its license terms (CM-10) is an acquisition (SA-4) and supply-chain (SR-3) control. */
const CONTROLS = ['nist-800-53:CM-10', 'nist-800-53:SA-4', 'nist-800-53:SR-3'];

const REFERENCES = [
  'https://spdx.org/licenses/',
  'https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/',
];

export const LICENSE_DENIED_RULE: Rule = {
  id: `${SCANNER}/license-denied`,
  scanner: SCANNER,
  title: 'Dependency license not allowed by policy',
  description:
    "A dependency is licensed only under terms the project's license policy does not accept: every choice its SPDX license expression offers includes a denied license, or, with an allow list, a license the list does not contain. Shipping it can oblige the project to terms the organisation has decided not to accept (copyleft source disclosure, network-use clauses, non-commercial restrictions).",
  severity: 'high',
  confidence: 'high',
  cwe: [],
  controls: CONTROLS,
  remediation:
    'Replace the dependency with one under an accepted license, or remove it. If legal review accepts these terms for this package, add an exception for the finding (with the reviewer as approver), or add the license to `licenses.allow` in gatehouse.yml if it is acceptable everywhere.',
  references: REFERENCES,
  tags: ['license', 'supply-chain'],
};

export const LICENSE_UNKNOWN_RULE: Rule = {
  id: `${SCANNER}/license-unknown`,
  scanner: SCANNER,
  title: 'Dependency license unknown',
  description:
    'A dependency declares no license, or declares one that is not on the SPDX license list (custom terms, `UNLICENSED`, `SEE LICENSE IN …`, a name Gatehouse cannot map to an SPDX id), so the license policy cannot decide whether it may be used. Without a license, the default is that nobody may copy or redistribute the code.',
  severity: 'low',
  confidence: 'high',
  cwe: [],
  controls: CONTROLS,
  remediation:
    "Read the package's license terms. If they are acceptable, add the package's `LicenseRef-…` (or its SPDX id, if it has one) to `licenses.allow`, or add an exception for the finding; otherwise replace the dependency. Ask the maintainer to declare an SPDX license expression.",
  references: REFERENCES,
  tags: ['license', 'supply-chain'],
};

export const LICENSE_RULES: readonly Rule[] = [LICENSE_DENIED_RULE, LICENSE_UNKNOWN_RULE];

export interface LicenseRuleExample {
  policy: LicensePolicy;
  /** Declared licenses the rule must report under `policy`. */
  positive: readonly string[];
  /** Declared licenses it must not report. */
  negative: readonly string[];
}

/** The examples every rule ships with; the tests run each through `evaluateLicense`. */
export const LICENSE_RULE_EXAMPLES: Readonly<Record<string, LicenseRuleExample>> = {
  [LICENSE_DENIED_RULE.id]: {
    policy: { allow: ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-only'], deny: ['AGPL-3.0-only'] },
    positive: ['AGPL-3.0-only', 'MIT AND GPL-2.0-only', 'SSPL-1.0', 'GPL-2.0-only'],
    negative: ['MIT OR AGPL-3.0-only', 'Apache 2.0', 'GPL-2.0-or-later', 'LicenseRef-acme'],
  },
  [LICENSE_UNKNOWN_RULE.id]: {
    policy: { deny: ['AGPL-3.0-only'] },
    positive: ['UNLICENSED', 'SEE LICENSE IN LICENSE.txt', 'LicenseRef-acme', 'MIT AND LicenseRef-acme'],
    negative: ['MIT', 'ISC OR LicenseRef-acme', 'AGPL-3.0-only AND LicenseRef-acme'],
  },
};
