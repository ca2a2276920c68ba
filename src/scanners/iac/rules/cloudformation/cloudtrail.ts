import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, isOff } from './define.js';

const TRAIL = 'AWS::CloudTrail::Trail';
const GUIDE = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide';

export const trailMultiRegion = cfnRule({
  id: 'iac/aws-cloudtrail-multi-region-cfn',
  title: 'CloudTrail trail records only its own region',
  description:
    'IsMultiRegionTrail defaults to false: API activity in every other region, where an intruder can start resources unnoticed, is not recorded by the trail, nor are regions AWS opens later.',
  severity: 'medium',
  resourceTypes: [TRAIL],
  cis: [],
  nist: ['AU-2', 'AU-12'],
  cwe: ['CWE-778'],
  remediation:
    'Record every region:\n\n```yaml\nProperties:\n  IsMultiRegionTrail: true\n  IncludeGlobalServiceEvents: true\n```',
  references: [cfnDoc(TRAIL), `${GUIDE}/receive-cloudtrail-log-files-from-multiple-regions.html`],
  *check(r) {
    if (isOff(get(r.value, ['IsMultiRegionTrail'])))
      yield {
        message: 'IsMultiRegionTrail is not true: other regions are not logged',
        at: ['IsMultiRegionTrail'],
      };
  },
});

export const trailLogValidation = cfnRule({
  id: 'iac/aws-cloudtrail-log-validation-cfn',
  title: 'CloudTrail log file validation is off',
  description:
    'EnableLogFileValidation defaults to false: without the signed digest files nobody can prove that log files were not modified or deleted after delivery, which is what an intruder covering tracks does.',
  severity: 'medium',
  resourceTypes: [TRAIL],
  cis: [],
  nist: ['AU-9', 'SI-7'],
  cwe: ['CWE-354'],
  remediation: 'Sign the log files:\n\n```yaml\nProperties:\n  EnableLogFileValidation: true\n```',
  references: [cfnDoc(TRAIL), `${GUIDE}/cloudtrail-log-file-validation-intro.html`],
  *check(r) {
    if (isOff(get(r.value, ['EnableLogFileValidation'])))
      yield {
        message: 'EnableLogFileValidation is not true: log tampering goes undetected',
        at: ['EnableLogFileValidation'],
      };
  },
});

export const CLOUDTRAIL_RULES: readonly IacRule[] = [trailMultiRegion, trailLogValidation];
