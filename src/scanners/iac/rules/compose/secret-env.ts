import { isSecretName, isSecretValue } from '../dockerfile/secret-name.js';
import { COMPOSE_REFERENCE, composeRule, environment } from './service.js';

export const composeSecretEnv = composeRule({
  id: 'iac/compose-secret-env',
  title: 'Secret written in a service environment',
  description:
    'A password, token or key written literally in the compose file is in the Git history, in every copy ' +
    'of the repository and in `docker inspect` output of the container. Reference it from the environment ' +
    '(`${DB_PASSWORD}`, filled from a .env file kept out of Git) or, better, use compose secrets.',
  severity: 'high',
  cis: [],
  nist: ['IA-5(7)', 'SC-28'],
  cwe: ['CWE-798'],
  remediation:
    'Use a compose secret (or interpolate from an untracked .env):\n\n```yaml\nservices:\n  db:\n' +
    '    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\n' +
    'secrets:\n  db_password:\n    file: ./secrets/db_password.txt\n```',
  references: ['https://docs.docker.com/compose/how-tos/use-secrets/', `${COMPOSE_REFERENCE}#environment`],
  *check(r) {
    for (const e of environment(r)) {
      // YAML reads `PASSWORD: 123456` as a number.
      const value = typeof e.value === 'number' ? String(e.value) : e.value;
      if (isSecretName(e.key) && isSecretValue(value))
        yield {
          message: 'literal secret written in the compose file',
          at: e.at,
          subject: `environment ${e.key}`,
          redact: [value],
        };
    }
  },
});
