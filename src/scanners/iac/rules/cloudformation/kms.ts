import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, isOff, text } from './define.js';

const KEY = 'AWS::KMS::Key';

export const kmsKeyRotation = cfnRule({
  id: 'iac/aws-kms-key-rotation-cfn',
  title: 'KMS key rotation is off',
  description:
    'EnableKeyRotation defaults to false: the key material of a symmetric encryption key never changes, so everything it ever protected stays exposed to one compromise of it. Asymmetric, HMAC and imported-material keys cannot rotate automatically and are not reported.',
  severity: 'medium',
  resourceTypes: [KEY],
  cis: [],
  nist: ['SC-12'],
  cwe: ['CWE-324'],
  remediation:
    'Rotate the key material yearly (or set RotationPeriodInDays):\n\n```yaml\nProperties:\n  EnableKeyRotation: true\n```',
  references: [cfnDoc(KEY), 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  *check(r) {
    const spec = get(r.value, ['KeySpec']);
    const symmetric = spec === undefined || text(spec) === 'symmetric_default';
    const external = text(get(r.value, ['Origin'])) === 'external';
    if (symmetric && !external && isOff(get(r.value, ['EnableKeyRotation'])))
      yield { message: 'EnableKeyRotation is not true; set it to true', at: ['EnableKeyRotation'] };
  },
});

export const KMS_RULES: readonly IacRule[] = [kmsKeyRotation];
