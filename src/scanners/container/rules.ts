import type { Rule } from '../../core/rule.js';
import { VULNDB_STALE, VULNERABLE_DEPENDENCY } from '../sca/rules.js';
import { HARDENING_RULES } from './hardening/index.js';
import { SCANNER } from './hardening/rule.js';

/**
 * Vulnerabilities in an image get their own rules, not the `sca` ones: a gate, an exception or
 * a dashboard can then tell "the repository's lockfile" from "what the image ships".
 */
const base = {
  scanner: SCANNER,
  references: [],
  controls: VULNERABLE_DEPENDENCY.controls,
  cwe: ['CWE-1395'],
};

export const VULNERABLE_OS_PACKAGE: Rule = {
  ...base,
  id: 'container/vulnerable-os-package',
  title: 'OS package with a known vulnerability',
  description:
    'A package the image’s distribution installed (dpkg, apk, rpm) is built from a source package that an advisory of that distribution release (OSV: Debian, Ubuntu, Alpine, Rocky, AlmaLinux…) says is affected. The finding names the binary packages, the source package, the layer that installed them and its Dockerfile step.',
  severity: 'high',
  confidence: 'high',
  remediation:
    'Rebuild on a patched base image (pull the newest tag of the same release), or upgrade the package in the Dockerfile (`apt-get install --only-upgrade PKG`, `apk upgrade PKG`, `dnf upgrade PKG`). When the distribution publishes no fix, assess whether the package is needed at all (a slimmer or distroless base), or record an exception with an expiry date.',
  tags: ['container', 'dependency', 'vulnerability'],
};

export const VULNERABLE_IMAGE_LIBRARY: Rule = {
  ...base,
  id: 'container/vulnerable-library',
  title: 'Language package in the image with a known vulnerability',
  description:
    'A package installed into the image by a language package manager (npm, pip, Maven jars, modules compiled into Go or Rust binaries) is affected by a published advisory. It is matched exactly as the `sca` scanner matches lockfiles; the finding names the file it was read from, the layer that wrote it and its Dockerfile step.',
  severity: 'high',
  confidence: 'high',
  remediation:
    'Upgrade the package in the project the image is built from (its lockfile, `requirements.txt`, `pom.xml`, `go.mod`), rebuild the image, and check the vulnerable version is gone. A package that comes from the base image is fixed by a newer base image.',
  tags: ['container', 'dependency', 'vulnerability'],
};

export const IMAGE_VULNDB_STALE: Rule = {
  ...VULNDB_STALE,
  scanner: SCANNER,
  id: 'container/vulndb-stale',
  description:
    'The image’s packages were matched against a vulnerability database that is empty, or older than `sca.database.max_age_days` (the setting the `sca` scanner uses for the same database): vulnerabilities published since are missed. Raised only when `sca.database.stale: fail`; otherwise a warning diagnostic says the same.',
  tags: ['container', 'configuration'],
};

export const SECRET_IN_LAYER: Rule = {
  scanner: SCANNER,
  id: 'container/secret-in-layer',
  title: 'Secret in a file of an image layer',
  description:
    'A file of one of the image’s layers holds a credential the secrets scanner recognises (a provider key, a private key, a password given to a credential-named setting). Every layer is searched, with the files a later layer deleted or replaced: `RUN rm .env` does not take the file out of the image, since anyone who pulls it can unpack the earlier layer. Files that packages install (`usr/share`, `usr/lib`, `node_modules`, `site-packages`…) are not searched: their example keys are not the image’s. The severity is the detector’s.',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-538'],
  controls: ['nist-800-53:IA-5(7)', 'nist-800-53:SC-28', 'cis-docker:4.10'],
  references: ['https://docs.docker.com/build/building/secrets/'],
  remediation:
    'Rotate the credential first: it is published with every copy of the image. Then keep it out of every layer — pass it at build time with a BuildKit secret mount (`RUN --mount=type=secret,id=npmrc …`), or at run time from the orchestrator’s secret store — and rebuild; deleting the file in a later step is not enough.',
  tags: ['container', 'secret'],
};

/** Every rule an image scan can raise. */
export const IMAGE_RULES: readonly Rule[] = [
  ...HARDENING_RULES,
  VULNERABLE_OS_PACKAGE,
  VULNERABLE_IMAGE_LIBRARY,
  IMAGE_VULNDB_STALE,
  SECRET_IN_LAYER,
];
