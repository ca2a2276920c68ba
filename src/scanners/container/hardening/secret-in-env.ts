import { secretInfo } from '../../../core/redact.js';
import { BEST_PRACTICES, CIS_DOCKER, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import { configOrigin, setBy } from './origin.js';
import { hardeningRule } from './rule.js';
import { detectedSecrets, namedSecret, type SecretValue } from './secret-values.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/secret-in-env',
  title: 'Secret in the image’s environment variables',
  description:
    'An Env entry of the image config holds a credential: a value the secrets detectors recognise (AWS ' +
    'keys, provider tokens, connection strings with a password), or a literal given to a variable named ' +
    'like one (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `API_KEY`; not `*_FILE`, `*_URL`, references or ' +
    'placeholders). The config travels with the image: anyone who can pull it reads the value with ' +
    '`docker inspect`, every container and child process inherits it, and it lands in every registry, ' +
    'cache and host the image reaches. Rotate it: removing the ENV from the next build does not unpublish ' +
    'this one.',
  severity: 'high',
  cis: ['cis-docker:4.10'],
  nist: ['IA-5(7)', 'SC-28'],
  cwe: ['CWE-798', 'CWE-526'],
  remediation:
    'Rotate the credential, then pass it at run time instead of baking it in:\n\n```dockerfile\n' +
    '# no ENV DB_PASSWORD=...; read it from a mounted secret\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n```\n\n' +
    '(`docker run --env-file`, Docker/Kubernetes secrets; build-time secrets with `RUN --mount=type=secret`)',
  references: [
    'https://docs.docker.com/build/building/secrets/',
    `${BEST_PRACTICES}#env`,
    `${DOCKERFILE_REFERENCE}#env`,
    CIS_DOCKER,
  ],
});

/** A detector's recognition first: it names what the value is, and its severity. */
function envSecret(name: string, value: string): SecretValue | undefined {
  const detected = detectedSecrets(`${name}=${value}`).find((s) => value.includes(s.value));
  return detected ?? namedSecret(name, value, 'literal value of a credential-named variable');
}

function result(input: HardeningInput, name: string, secret: SecretValue): HardeningResult {
  const info = secretInfo(secret.value);
  const origin = configOrigin(input, (line) => /^ENV\s/i.test(line) && line.includes(`${name}=`), [
    secret.value,
  ]);
  return {
    ruleId: rule.id,
    message: `Env ${name}${setBy(origin)} holds a secret (${secret.what}) ${info.redacted} (sha256:${info.hash}): anyone who pulls the image reads it with docker inspect`,
    location: `config:Env:${name}`,
    key: `config:Env:${name}:${info.hash}`,
    secret: info,
    ...(secret.severity ? { severity: secret.severity } : {}),
    ...(secret.detector ? { properties: { detector: secret.detector } } : {}),
    ...origin,
  };
}

export const secretInEnv: HardeningCheck = {
  rule,
  check(input) {
    const out: HardeningResult[] = [];
    for (const entry of input.config?.env ?? []) {
      const eq = entry.indexOf('=');
      if (eq <= 0) continue;
      const secret = envSecret(entry.slice(0, eq), entry.slice(eq + 1));
      if (secret) out.push(result(input, entry.slice(0, eq), secret));
    }
    return out;
  },
};
