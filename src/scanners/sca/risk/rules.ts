import type { Rule } from '../../../core/rule.js';

export const SCANNER = 'sca';

export const TYPOSQUAT = 'sca/typosquat';
export const PACKAGE_NOT_FOUND = 'sca/package-not-found';
export const PACKAGE_TOO_NEW = 'sca/package-too-new';
export const INSTALL_SCRIPTS = 'sca/install-scripts';

/** Choosing what to depend on is supply-chain risk management, whichever check raised it. */
const CONTROLS = [
  'nist-800-53:SR-3',
  'nist-800-53:SR-11',
  'nist-800-53:SA-12',
  'pci-dss-4:6.3.2',
  'cis-controls-8:16.4',
];

const OWASP_DEPENDENCY_CHAIN =
  'https://owasp.org/www-project-top-10-ci-cd-security-risks/CICD-SEC-03-Dependency-Chain-Abuse';

function rule(r: Omit<Rule, 'scanner' | 'controls'>): Rule {
  return { ...r, scanner: SCANNER, controls: CONTROLS };
}

export const TYPOSQUAT_RULE = rule({
  id: TYPOSQUAT,
  title: 'Dependency name imitates a popular package',
  description:
    'A direct dependency is not a popular package but its name is one slip away from one: a letter swapped, doubled or dropped, a neighbouring key, separators changed, look-alike characters, `-js` or `python-` bolted on, or a scope imitated. Attackers publish such names (typosquatting) so that a typo, or a code assistant misremembering a name, installs their code instead. Checked offline against the most downloaded packages of each ecosystem.',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-506', 'CWE-829'],
  remediation:
    'Check that the dependency is the package you meant. If it is a look-alike, replace it with the popular package and treat the machines that installed it as exposed (rotate the credentials they held). If it is a legitimate package, add an exception naming it.',
  references: [OWASP_DEPENDENCY_CHAIN, 'https://cwe.mitre.org/data/definitions/506.html'],
  tags: ['supply-chain', 'typosquat'],
});

export const PACKAGE_NOT_FOUND_RULE = rule({
  id: PACKAGE_NOT_FOUND,
  title: 'Dependency does not exist in its public registry',
  description:
    'The registry has no package by this name, or it was unpublished or taken down. Code assistants invent plausible package names ("hallucinated" packages), and attackers register the names they invent; a private package that is missing from the public registry is open to the same takeover (dependency confusion). Only checked with registry look-ups enabled (`--online`).',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-829', 'CWE-1357'],
  remediation:
    'Find the package that was meant and depend on it instead. For a private package, install it only from your private registry (scoped names, a registry per scope, or an index URL that does not fall back to the public one), and consider registering the name publicly as a placeholder.',
  references: [OWASP_DEPENDENCY_CHAIN, 'https://cwe.mitre.org/data/definitions/1357.html'],
  tags: ['supply-chain', 'hallucinated-package', 'dependency-confusion'],
});

export const PACKAGE_TOO_NEW_RULE = rule({
  id: PACKAGE_TOO_NEW,
  title: 'Dependency was published very recently',
  description:
    'The installed version, or the package itself, was first published only days ago. Malicious releases (a hijacked maintainer account, a fresh typosquat) are usually found and removed within days; waiting before adopting new releases avoids most of them. Only checked with registry look-ups enabled (`--online`).',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1357'],
  remediation:
    'Pin the previous release until this one has been public for the configured number of days, or review the release (its changes, its publisher) and add an exception.',
  references: [OWASP_DEPENDENCY_CHAIN],
  tags: ['supply-chain', 'new-release'],
});

export const INSTALL_SCRIPTS_RULE = rule({
  id: INSTALL_SCRIPTS,
  title: 'Dependency runs scripts when installed',
  description:
    "An npm package outside the popular list declares `preinstall`, `install` or `postinstall` scripts, which run with the installing user's rights on every developer machine and CI runner. Most malicious npm packages act through these scripts. Informational: many legitimate packages compile native code this way. Only checked with registry look-ups enabled (`--online`).",
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-829'],
  remediation:
    'Read what the script does. Install with `--ignore-scripts` where the package works without it, or allow scripts only for the packages that need them.',
  references: ['https://docs.npmjs.com/cli/v10/using-npm/scripts', OWASP_DEPENDENCY_CHAIN],
  tags: ['supply-chain', 'install-scripts'],
});

export const RISK_RULES: readonly Rule[] = [
  TYPOSQUAT_RULE,
  PACKAGE_NOT_FOUND_RULE,
  PACKAGE_TOO_NEW_RULE,
  INSTALL_SCRIPTS_RULE,
];
