import { blocks, get, isUnknown, type KeyPath } from '../../model.js';
import { awsRule, tfDoc } from './define.js';
import { expectFlag, flag, hasUnknown, isSet, str, strings } from './values.js';

const EKS_DOCS = 'https://docs.aws.amazon.com/eks/latest/userguide';
const ECR_DOCS = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide';

export const eksPublicEndpoint = awsRule({
  id: 'iac/aws-eks-public-endpoint-open',
  title: 'EKS API server endpoint open to the whole internet',
  description:
    'By default the EKS API endpoint is public and accepts connections from 0.0.0.0/0. Authentication ' +
    'still applies, but the API server becomes reachable for credential attacks and any pre-authentication ' +
    'flaw. Disable public access or restrict public_access_cidrs to known networks.',
  severity: 'medium',
  cis: [],
  nist: ['SC-7', 'AC-17'],
  cwe: ['CWE-284'],
  resourceTypes: ['aws_eks_cluster'],
  remediation:
    'resource "aws_eks_cluster" "main" {\n  # ...\n  vpc_config {\n    subnet_ids              = var.private_subnet_ids\n' +
    '    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}',
  references: [`${EKS_DOCS}/cluster-endpoint.html`, tfDoc('aws_eks_cluster')],
  *check(r) {
    const vpc = blocks(r.value, 'vpc_config')[0];
    if (!vpc || flag(vpc.endpoint_public_access, true) !== true) return;
    const cidrs = vpc.public_access_cidrs;
    if (hasUnknown(cidrs)) return;
    const open = !isSet(cidrs) || strings(cidrs).some((c) => c === '0.0.0.0/0' || c === '::/0');
    if (!open) return;
    const at: KeyPath = ['vpc_config', 0, isSet(cidrs) ? 'public_access_cidrs' : 'endpoint_public_access'];
    yield { message: 'the public API endpoint accepts connections from anywhere', at };
  },
});

export const eksLoggingDisabled = awsRule({
  id: 'iac/aws-eks-control-plane-logging-disabled',
  title: 'EKS control plane audit logging not enabled',
  description:
    'The Kubernetes audit log records every request to the API server: who read which secret, who ' +
    'created which pod. EKS sends it (and the api, authenticator, controllerManager and scheduler logs) ' +
    'to CloudWatch only when listed in enabled_cluster_log_types.',
  severity: 'medium',
  cis: [],
  nist: ['AU-2', 'AU-12'],
  resourceTypes: ['aws_eks_cluster'],
  remediation:
    'resource "aws_eks_cluster" "main" {\n  # ...\n  enabled_cluster_log_types = ["api", "audit", "authenticator"]\n}',
  references: [`${EKS_DOCS}/control-plane-logs.html`],
  *check(r) {
    const types = r.value.enabled_cluster_log_types;
    if (hasUnknown(types)) return;
    if (!isSet(types) || strings(types).length === 0)
      yield {
        message: 'enabled_cluster_log_types is empty: no control plane logs',
        at: ['enabled_cluster_log_types'],
      };
    else if (!strings(types).includes('audit'))
      yield { message: 'the audit log is not enabled', at: ['enabled_cluster_log_types'] };
  },
});

export const eksSecretsEncryption = awsRule({
  id: 'iac/aws-eks-secrets-not-cmk-encrypted',
  title: 'EKS secrets not envelope-encrypted with your KMS key',
  description:
    'EKS clusters on Kubernetes 1.28 and later envelope-encrypt API data with an AWS owned key by default. ' +
    'An encryption_config with your own KMS key for "secrets" adds a key policy you control and CloudTrail ' +
    'records of every decryption, and lets you revoke access to the secrets by disabling the key. Low ' +
    'severity for that reason.',
  severity: 'low',
  cis: [],
  nist: ['SC-28', 'SC-12'],
  resourceTypes: ['aws_eks_cluster'],
  remediation:
    'resource "aws_eks_cluster" "main" {\n  # ...\n  encryption_config {\n    resources = ["secrets"]\n' +
    '    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}',
  references: [`${EKS_DOCS}/envelope-encryption.html`],
  *check(r) {
    if (isUnknown(r.value.encryption_config)) return;
    const configs = blocks(r.value, 'encryption_config');
    if (configs.some((c) => hasUnknown(c.resources) || strings(c.resources).includes('secrets'))) return;
    yield {
      message: 'no encryption_config for "secrets" with a customer managed key',
      ...(configs.length > 0 ? { at: ['encryption_config', 0, 'resources'] } : {}),
    };
  },
});

export const ecrScanOnPush = awsRule({
  id: 'iac/aws-ecr-scan-on-push-disabled',
  title: 'ECR repository does not scan images on push',
  description:
    'Scanning on push reports known vulnerabilities in every image as it is pushed, before it is ' +
    'deployed. An aws_ecr_registry_scanning_configuration in the same configuration sets scanning for ' +
    'the whole registry and overrides the repository setting: repositories are not reported then.',
  severity: 'medium',
  cis: [],
  nist: ['RA-5', 'SI-2'],
  resourceTypes: ['aws_ecr_repository'],
  remediation:
    'resource "aws_ecr_repository" "app" {\n  name = "app"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}',
  references: [`${ECR_DOCS}/image-scanning.html`, tfDoc('aws_ecr_registry_scanning_configuration')],
  check(r, ctx) {
    if (ctx.ofType('aws_ecr_registry_scanning_configuration').length > 0) return [];
    if (isUnknown(r.value.image_scanning_configuration)) return [];
    return expectFlag(r, {
      path: ['image_scanning_configuration', 0, 'scan_on_push'],
      want: true,
      byDefault: false,
      why: 'pushed images are not scanned for vulnerabilities',
    });
  },
});

export const ecrMutableTags = awsRule({
  id: 'iac/aws-ecr-tag-mutable',
  title: 'ECR repository allows overwriting image tags',
  description:
    'With mutable tags, pushing to an existing tag (v1.4.2, latest) silently replaces the image that ' +
    'deployments and scans refer to: a compromised CI token can swap a released image. Immutable tags ' +
    'make a tag always mean the same image.',
  severity: 'medium',
  cis: [],
  nist: ['SI-7', 'CM-14'],
  cwe: ['CWE-494'],
  resourceTypes: ['aws_ecr_repository'],
  remediation:
    'resource "aws_ecr_repository" "app" {\n  name                 = "app"\n  image_tag_mutability = "IMMUTABLE"\n}',
  references: [`${ECR_DOCS}/image-tag-mutability.html`],
  *check(r) {
    const raw = r.value.image_tag_mutability;
    if (!isSet(raw)) yield { message: 'image_tag_mutability is not set (defaults to MUTABLE)' };
    else if (str(raw)?.startsWith('MUTABLE'))
      yield {
        message: `image_tag_mutability is ${raw}: tags can be overwritten`,
        at: ['image_tag_mutability'],
      };
  },
});

export const ecrNotKms = awsRule({
  id: 'iac/aws-ecr-not-kms-encrypted',
  title: 'ECR repository not encrypted with a KMS key',
  description:
    'ECR encrypts images with S3-managed AES-256 keys by default. KMS encryption adds a key policy ' +
    'that controls who can pull (decrypt) images and logs each use of the key. Low severity: defence in ' +
    'depth for images that embed proprietary code or data.',
  severity: 'low',
  cis: [],
  nist: ['SC-28', 'SC-12'],
  resourceTypes: ['aws_ecr_repository'],
  remediation:
    'resource "aws_ecr_repository" "app" {\n  name = "app"\n  encryption_configuration {\n' +
    '    encryption_type = "KMS"\n    kms_key         = aws_kms_key.ecr.arn\n  }\n}',
  references: [`${ECR_DOCS}/encryption-at-rest.html`],
  *check(r) {
    if (isUnknown(r.value.encryption_configuration)) return;
    const at: KeyPath = ['encryption_configuration', 0, 'encryption_type'];
    const type = get(r.value, at);
    if (type === undefined) yield { message: 'encryption_type is not set (defaults to AES256)', at };
    else if (type === 'AES256') yield { message: 'encryption_type is AES256, not KMS', at };
  },
});
