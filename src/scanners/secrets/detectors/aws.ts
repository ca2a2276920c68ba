import type { Detector } from '../detector.js';

const ROTATE =
  'Deactivate the key in IAM (Users > Security credentials), create a new one, store it in a secret manager or use short-lived role credentials (OIDC from CI, instance profiles), and review CloudTrail for use of the leaked key.';
const REFS = ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'];

export const awsDetectors: Detector[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    description:
      "An AWS access key ID (long-term `AKIA` or temporary `ASIA`). It identifies an IAM credential; with its secret key it grants that principal's AWS permissions.",
    provider: 'AWS',
    severity: 'high',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])/,
    remediation: ROTATE,
    references: REFS,
    examples: {
      positive: [
        'aws_access_key_id = AKIA4HXJ7QW2ZL5MPK3R',
        'export AWS_ACCESS_KEY_ID="ASIAZ7XK2M4Q6RJD3PVN"',
      ],
      negative: [
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'id = AKIA4HXJ7QW2ZL5MPK3', // 15 characters after the prefix
        'hash: XAKIA4HXJ7QW2ZL5MPK3RQ',
      ],
    },
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    description:
      "The secret half of an AWS access key, assigned to a name that says so. Whoever holds it can sign requests as the key's IAM principal.",
    provider: 'AWS',
    severity: 'critical',
    keywords: [
      'aws_secret',
      'aws-secret',
      'awssecret',
      'secret_access_key',
      'secretaccesskey',
      'secret-access-key',
    ],
    pattern:
      /(?:aws_?secret(?:_access)?_?key|(?<![A-Za-z0-9_])secret_?access_?key|aws-secret-access-key)["']?\s{0,4}(?:[:=]|=>|:=)\s{0,4}["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
    minEntropy: 4.0,
    remediation: ROTATE,
    references: REFS,
    examples: {
      positive: [
        'aws_secret_access_key = 9dK2mQz7Lr4Vx1Np8TbW3cYh6Fs0GjUe5Ra/XoBi',
        '"SecretAccessKey": "hT7uQ2wK9zR4mX6vP1nB8sL3dF5gJ0cY+eA/iOtN"',
      ],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        'aws_secret_access_key = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
  {
    id: 'aws-session-token',
    title: 'AWS session token',
    description:
      "A temporary AWS session token. It expires, but until then it grants the assumed role's permissions.",
    provider: 'AWS',
    severity: 'high',
    keywords: ['session_token', 'sessiontoken', 'session-token', 'security_token'],
    pattern:
      /(?:aws_?session_?token|aws_?security_?token|sessiontoken)["']?\s{0,4}(?:[:=]|=>)\s{0,4}["']?(?<secret>(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{100,1200})/i,
    remediation:
      "Session tokens expire on their own; revoke the role's active sessions (IAM > Roles > Revoke active sessions) if it may still be valid, and stop writing temporary credentials to files.",
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html'],
    examples: {
      positive: [
        `aws_session_token = IQoJb3JpZ2luX2VjEHaaCXVzLWVhc3QtMSJHMEUCIQD4${'Xk9pLm2Qr7sT1vWz3Yb5Nc8Fd0Gh4Jk6Lp'.repeat(4)}`,
      ],
      negative: ['aws_session_token = IQoJb3JpZ2lu', 'aws_session_token = ${AWS_SESSION_TOKEN}'],
    },
  },
  {
    id: 'aws-mws-auth-token',
    title: 'Amazon MWS auth token',
    description:
      "An Amazon Marketplace Web Service authorisation token, which lets a developer act on a seller's account.",
    provider: 'AWS',
    severity: 'high',
    keywords: ['amzn.mws.'],
    pattern: /(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/,
    remediation:
      "Revoke the developer's access in Seller Central (Apps & Services > Manage Your Apps) and authorise again.",
    references: ['https://developer-docs.amazon.com/sp-api/docs/migrating-from-mws-to-sp-api'],
    examples: {
      positive: ['MWS_AUTH_TOKEN=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaadc7a31'],
      negative: ['MWS_AUTH_TOKEN=amzn.mws.<your-token>', 'amzn.mws.4ea38b7b-f563'],
    },
  },
];
