import { bool } from '../../model.js';
import { COMPOSE_REFERENCE, composeRule, interpolated } from './service.js';

export const composeReadOnlyMissing = composeRule({
  id: 'iac/compose-read-only-missing',
  title: 'Service root filesystem is writable',
  description:
    'With a writable root filesystem an attacker who gets code execution can drop tools, modify the ' +
    'application or plant persistence in the container. `read_only: true`, with tmpfs or volumes for the ' +
    'few paths the service writes, makes the image immutable at run time.',
  severity: 'low',
  cis: [],
  nist: ['CM-7', 'SI-7'],
  remediation:
    'Make the root filesystem read-only and give writable space explicitly:\n\n```yaml\nservices:\n  app:\n' +
    '    read_only: true\n    tmpfs:\n      - /tmp\n```',
  references: [`${COMPOSE_REFERENCE}#read_only`],
  *check(r) {
    const v = r.value.read_only;
    if (interpolated(v) || bool(v) === true) return;
    yield { message: 'the root filesystem is writable (read_only is not set)', at: ['read_only'] };
  },
});
