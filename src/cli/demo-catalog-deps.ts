import type { Ecosystem } from '../core/package.js';
import type { DemoAdvisory, FindingTemplate } from './demo-template.js';

// Real advisories (GitHub Advisory Database, PyPA, Go vulnerability database) as the synthetic
// services' dependencies have them.

/** Where a service of each ecosystem declares its dependencies. */
const MANIFESTS: Partial<Record<Ecosystem, string>> = {
  npm: 'package-lock.json',
  Maven: 'pom.xml',
  PyPI: 'requirements.txt',
  Go: 'go.mod',
};

const advisory = (a: DemoAdvisory): FindingTemplate => ({
  ruleId: 'sca/vulnerable-dependency',
  weight: 1,
  paths: [MANIFESTS[a.ecosystem]!],
  message: `${a.name}@${a.version} is affected by ${a.id} (${a.aliases.join(', ')}): ${a.summary}; ${a.fixed ? `upgrade to ${a.fixed}` : 'no fixed version yet'}.`,
  advisory: a,
});

export const NPM_ADVISORIES = [
  advisory({
    id: 'GHSA-jf85-cpcp-j695',
    aliases: ['CVE-2019-10744'],
    summary: 'Prototype Pollution in lodash',
    severity: 'critical',
    published: '2019-07-10T19:45:23Z',
    ecosystem: 'npm',
    name: 'lodash',
    version: '4.17.11',
    fixed: '4.17.12',
  }),
  advisory({
    id: 'GHSA-hrpp-h998-j3pp',
    aliases: ['CVE-2022-24999'],
    summary: 'qs vulnerable to Prototype Pollution',
    severity: 'high',
    published: '2022-11-27T00:30:50Z',
    ecosystem: 'npm',
    name: 'qs',
    version: '6.10.1',
    fixed: '6.10.3',
  }),
  advisory({
    id: 'GHSA-rv95-896h-c2vc',
    aliases: ['CVE-2024-29041'],
    summary: 'Express.js Open Redirect in malformed URLs',
    severity: 'medium',
    published: '2024-03-25T19:40:26Z',
    ecosystem: 'npm',
    name: 'express',
    version: '4.18.2',
    fixed: '4.19.2',
  }),
  advisory({
    id: 'GHSA-c2qf-rxjj-qqgw',
    aliases: ['CVE-2022-25883'],
    summary: 'semver vulnerable to Regular Expression Denial of Service',
    severity: 'medium',
    published: '2023-06-21T06:30:28Z',
    ecosystem: 'npm',
    name: 'semver',
    version: '7.3.8',
    fixed: '7.5.2',
  }),
];

export const MAVEN_ADVISORIES = [
  advisory({
    id: 'GHSA-jfh8-c2jp-5v3q',
    aliases: ['CVE-2021-44228'],
    summary: 'Remote code injection in Log4j',
    severity: 'critical',
    published: '2021-12-10T00:40:56Z',
    ecosystem: 'Maven',
    name: 'org.apache.logging.log4j:log4j-core',
    version: '2.14.1',
    fixed: '2.17.1',
  }),
  advisory({
    id: 'GHSA-36p3-wjmg-h94x',
    aliases: ['CVE-2022-22965'],
    summary: 'Remote Code Execution in Spring Framework',
    severity: 'critical',
    published: '2022-03-31T18:30:50Z',
    ecosystem: 'Maven',
    name: 'org.springframework:spring-beans',
    version: '5.3.17',
    fixed: '5.3.18',
  }),
  advisory({
    id: 'GHSA-jjjh-jjxp-wpff',
    aliases: ['CVE-2022-42003'],
    summary: 'Uncontrolled Resource Consumption in Jackson-databind',
    severity: 'high',
    published: '2022-10-03T00:00:31Z',
    ecosystem: 'Maven',
    name: 'com.fasterxml.jackson.core:jackson-databind',
    version: '2.13.2',
    fixed: '2.13.4.1',
  }),
];

export const PYPI_ADVISORIES = [
  advisory({
    id: 'PYSEC-2022-203',
    aliases: ['CVE-2022-29361'],
    summary: 'Improper parsing of HTTP requests in Werkzeug',
    severity: 'medium',
    published: '2022-05-25T01:15:00Z',
    ecosystem: 'PyPI',
    name: 'werkzeug',
    version: '2.0.3',
    fixed: '2.1.1',
  }),
  advisory({
    id: 'PYSEC-2022-42969',
    aliases: ['CVE-2022-42969', 'GHSA-w596-4wvx-j9j6'],
    summary: 'ReDoS in the py library',
    severity: 'low',
    published: '2022-11-04T11:00:00Z',
    ecosystem: 'PyPI',
    name: 'py',
    version: '1.11.0',
  }),
];

export const GO_ADVISORIES = [
  advisory({
    id: 'GO-2022-0965',
    aliases: ['GHSA-74fp-r6jw-h4mp'],
    summary: 'Unbounded recursion in JSON parsing in k8s.io/apimachinery',
    severity: 'medium',
    published: '2022-09-02T21:12:51Z',
    ecosystem: 'Go',
    name: 'k8s.io/apimachinery',
    version: '0.0.0-20190612205821-1799e75a0719',
    fixed: '0.0.0-20190927203648-9ce6eca90e73',
  }),
];
