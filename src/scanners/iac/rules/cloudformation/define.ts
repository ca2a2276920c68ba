import { bool, type IacValue } from '../../model.js';
import type { IacRule } from '../../rule.js';

/** A CloudFormation rule: the platform is implied. */
export const cfnRule = (spec: Omit<IacRule, 'platform'>): IacRule => ({
  ...spec,
  platform: 'cloudformation',
});

/** The CloudFormation reference page of a resource type (`AWS::S3::Bucket` → `aws-resource-s3-bucket.html`). */
export const cfnDoc = (type: string): string =>
  `https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-${type
    .replace(/^AWS::/, '')
    .replace('::', '-')
    .toLowerCase()}.html`;

/** A switch that is off: false, or missing where AWS's default is off. Unknown is never off. */
export const isOff = (v: IacValue | undefined): boolean => v === undefined || v === null || bool(v) === false;

/** A switch explicitly turned on. */
export const isOn = (v: IacValue | undefined): boolean => bool(v) === true;

/** A string property compared case-insensitively; undefined when absent or not known. */
export const text = (v: IacValue | undefined): string | undefined =>
  typeof v === 'string' ? v.toLowerCase() : undefined;
