import { secretInfo } from '../../../core/redact.js';
import { CIS_DOCKER, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import type { HistoryEntry } from '../image/index.js';
import { describeOrigin, type Origin } from './origin.js';
import { hardeningRule } from './rule.js';
import { commandSecrets, redactCommand, type SecretValue } from './secret-values.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/secret-in-history',
  title: 'Secret recorded in the image’s build history',
  description:
    'A step of the image’s history (`docker history --no-trunc`) holds a credential: a build argument in ' +
    'effect for a RUN (both builders record their values before the command: `|1 NPM_TOKEN=… /bin/sh -c …`), ' +
    'an ARG default or an ENV that a later step overrode, a `--password=…`-style flag, `curl -u user:pass`, or ' +
    'any value the secrets detectors recognise. The history travels with the image config even when no file ' +
    'holds the value and the final environment no longer shows it. Values still in the final Env are ' +
    'reported by container/secret-in-env instead; each value is reported once, at the first step that ' +
    'records it.',
  severity: 'high',
  cis: ['cis-docker:4.10'],
  nist: ['IA-5(7)', 'SC-28'],
  cwe: ['CWE-798', 'CWE-538'],
  remediation:
    'Rotate the credential, then give it to the build as a secret mount, which is never recorded:\n\n' +
    '```dockerfile\n# syntax=docker/dockerfile:1\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n```\n\n' +
    '(`docker build --secret id=npm_token,env=NPM_TOKEN .`)',
  references: [
    'https://docs.docker.com/build/building/secrets/',
    `${DOCKERFILE_REFERENCE}#run---mounttypesecret`,
    `${DOCKERFILE_REFERENCE}#arg`,
    CIS_DOCKER,
  ],
});

interface Sighting {
  secret: SecretValue;
  step: number;
  origin: Origin;
  later: number;
}

/** The layer a step made: steps with `empty_layer` (ENV, ARG, USER…) make none. */
function stepOrigin(history: HistoryEntry[], step: number, cmd: string, value: string): Origin {
  const createdBy = redactCommand(cmd, [value]);
  if (history[step]!.emptyLayer) return { createdBy };
  return { layer: history.slice(0, step).filter((h) => !h.emptyLayer).length, createdBy };
}

function sightings(input: HardeningInput): Sighting[] {
  const history = input.config?.history ?? [];
  const envValues = (input.config?.env ?? []).map((e) => e.slice(e.indexOf('=') + 1));
  const seen = new Map<string, Sighting>();
  history.forEach((h, step) => {
    for (const secret of commandSecrets(h.createdBy ?? '')) {
      if (envValues.some((v) => v.includes(secret.value))) continue;
      const known = seen.get(secret.value);
      if (known) known.later++;
      else
        seen.set(secret.value, {
          secret,
          step,
          origin: stepOrigin(history, step, h.createdBy!, secret.value),
          later: 0,
        });
    }
  });
  return [...seen.values()];
}

function result({ secret, step, origin, later }: Sighting): HardeningResult {
  const info = secretInfo(secret.value);
  const more = later === 0 ? '' : ` and ${later} later step${later === 1 ? '' : 's'}`;
  return {
    ruleId: rule.id,
    message: `history step ${step}${more} records a secret (${secret.what}) ${info.redacted} (sha256:${info.hash}), in ${describeOrigin(origin)}: anyone who pulls the image reads it with docker history`,
    location: 'config:history',
    key: `config:history:${info.hash}`,
    secret: info,
    ...(secret.severity ? { severity: secret.severity } : {}),
    properties: { step, ...(secret.detector ? { detector: secret.detector } : {}) },
    ...origin,
  };
}

export const secretInHistory: HardeningCheck = {
  rule,
  check: (input) => sightings(input).map(result),
};
