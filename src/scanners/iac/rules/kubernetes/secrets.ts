import { get, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { DOC } from './docs.js';
import { containersOf, isObject, podOf, WORKLOAD_KINDS } from './pod-spec.js';
import { perContainer } from './security-context.js';

/** Name segments that say the variable holds a credential. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'PWD',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'PRIVATEKEY',
  'KEY',
]);

/** Last segments that make it about a credential rather than the credential itself (`DB_PASSWORD_FILE`). */
const NOT_THE_SECRET = new Set(
  (
    'FILE PATH DIR NAME ID URL URI HOST PORT TYPE REF ENABLED LENGTH TTL EXPIRY EXPIRATION HEADER FIELD ' +
    'PARAM SIZE ALGORITHM ALG LOCATION MOUNT ENDPOINT VERSION KIND MODE FORMAT PREFIX SUFFIX USER USERNAME ' +
    'ROTATION SECONDS TIMEOUT AUDIENCE ISSUER SCOPE SCOPES LIFETIME'
  ).split(' '),
);

function namesSecret(name: string): boolean {
  const segments = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const last = segments.at(-1);
  return last !== undefined && !NOT_THE_SECRET.has(last) && segments.some((s) => SECRET_WORDS.has(s));
}

/** A value that is a credential written in the manifest, not a reference, a path or a flag. */
function isLiteralSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 4 || /^(true|false|yes|no|null|none)$/i.test(v) || /^\d+$/.test(v)) return false;
  return !/\$\(|\$\{|\{\{/.test(v) && !v.startsWith('/') && !v.startsWith('file:');
}

export const secretInEnv: IacRule = {
  id: 'iac/k8s-secret-in-env',
  title: 'Credential written in a container environment variable',
  description:
    'A password, token or key written as a literal env value lives in the manifest, in Git history, in ' +
    'every rendered chart and in the pod spec anyone with read access to the workload can see. Keep it in ' +
    'a Secret (or an external secret store) and reference it.',
  severity: 'high',
  confidence: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.4.1'],
  nist: ['IA-5', 'IA-5(7)', 'SC-28'],
  cwe: ['CWE-798'],
  remediation:
    'Move the value into a Secret (mounted as a file, or at least referenced):\n\n' +
    '```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n```',
  references: [DOC.secrets, DOC.secretsGood],
  *check(r) {
    const pod = podOf(r);
    if (!pod) return;
    for (const c of containersOf(pod)) {
      const env = c.value.env;
      if (!Array.isArray(env)) continue;
      for (const [i, e] of env.entries()) {
        if (!isObject(e) || typeof e.name !== 'string' || typeof e.value !== 'string') continue;
        if (!namesSecret(e.name) || !isLiteralSecret(e.value)) continue;
        yield {
          message: `${e.name} is set to a literal value`,
          at: [...c.path, 'env', i, 'value'],
          subject: `${c.subject} env ${e.name}`,
          redact: [e.value],
        };
      }
    }
  },
};

/** Where the container takes Secrets into its environment: `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef`. */
function secretEnvRefs(
  containerPath: KeyPath,
  container: Record<string, unknown>,
): { what: string; at: KeyPath }[] {
  const out: { what: string; at: KeyPath }[] = [];
  const env = container.env;
  if (Array.isArray(env))
    env.forEach((e, i) => {
      if (isObject(e) && isObject(get(e, ['valueFrom', 'secretKeyRef'])))
        out.push({
          what: String(e.name ?? i),
          at: [...containerPath, 'env', i, 'valueFrom', 'secretKeyRef'],
        });
    });
  const from = container.envFrom;
  if (Array.isArray(from))
    from.forEach((e, i) => {
      const ref = isObject(e) ? e.secretRef : undefined;
      if (isObject(ref))
        out.push({
          what: `all of Secret ${String(ref.name ?? '?')}`,
          at: [...containerPath, 'envFrom', i, 'secretRef'],
        });
    });
  return out;
}

export const secretAsEnvVar: IacRule = {
  id: 'iac/k8s-secret-as-env-var',
  title: 'Secret passed to the container as environment variables',
  description:
    'Environment variables leak: they are inherited by every child process, printed by crash reporters and ' +
    'debug endpoints, and readable in /proc by anything running as the same user. Secrets mounted as files ' +
    'can be read only by the process that opens them, and are updated without a restart.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: ['cis-kubernetes:5.4.1'],
  nist: ['SC-28', 'IA-5'],
  cwe: ['CWE-526'],
  remediation:
    'Mount the Secret as files and have the application read them:\n\n' +
    '```yaml\nvolumes:\n  - name: db\n    secret:\n      secretName: db\ncontainers:\n  - name: app\n    volumeMounts:\n      - name: db\n        mountPath: /etc/secrets/db\n        readOnly: true\n```',
  references: [DOC.secretsGood, DOC.cis],
  check: (r) =>
    perContainer(r, (c): Violation | undefined => {
      const refs = secretEnvRefs(c.path, c.value);
      const first = refs[0];
      if (!first) return undefined;
      return {
        message: `takes Secrets as environment variables: ${refs.map((x) => x.what).join(', ')}`,
        at: first.at,
      };
    }),
};

export const SECRET_RULES: readonly IacRule[] = [secretInEnv, secretAsEnvVar];
