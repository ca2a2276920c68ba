/**
 * Where Gatehouse's IaC rules deliberately report something else than the public KICS test files
 * (../shared/corpora/iac-kics) expect, and why. bench/accuracy-iac.ts still counts them in its raw
 * numbers, and prints a second recall/precision with the entries listed here excused, so that a
 * new miss stands out. Every entry is a decision, not a bug left open: a real gap in a rule or a
 * parser is fixed, never listed here.
 */
export interface IacDifference {
  /** The KICS check, as `query_dir` in labels.jsonl. */
  query_dir: string;
  /** The test file, as in labels.jsonl. */
  file: string;
  /** A labelled line we do not report; absent: a negative file we report findings in. */
  line?: number;
  /** What kind of difference it is (the bench counts them by kind). */
  kind: DifferenceKind;
  reason: string;
}

export type DifferenceKind =
  /** KICS reads a registry module's inputs; Gatehouse only sees resources in the scanned code. */
  | 'remote-module'
  /** The same problem, reported on the related resource that causes it. */
  | 'location'
  /** The test input is not valid for the tool or cloud API it targets. */
  | 'invalid-input'
  /** KICS flags a provider or service default that is safe today. */
  | 'safe-default'
  /** The check is defined differently, on purpose (scope, threshold, standard followed). */
  | 'definition'
  /** KICS splits one problem into several checks; the rule reports the problem whole. */
  | 'split-check'
  /** The label points at a line the test file does not have. */
  | 'corpus-artifact';

const test = (query_dir: string, file: string) => `${query_dir}/test/${file}`;

/** Labelled lines of one file, all for the same reason. */
const lines = (
  query_dir: string,
  file: string,
  at: readonly number[],
  kind: DifferenceKind,
  reason: string,
): IacDifference[] => at.map((line) => ({ query_dir, file: test(query_dir, file), line, kind, reason }));

/** Negative files the rule reports, all for the same reason. */
const flagged = (
  query_dir: string,
  files: readonly string[],
  kind: DifferenceKind,
  reason: string,
): IacDifference[] => files.map((file) => ({ query_dir, file: test(query_dir, file), kind, reason }));

const REMOTE_MODULE =
  'the line is an input of a registry module (terraform-aws-modules/…): its resources are not in the scanned ' +
  'code, and Gatehouse does not guess what a module does with its inputs.';
const INLINE_LIST =
  'invalid test input: the attribute is a bool or string, and a one-element list (`[true]`, `["TLS1_0"]`) is ' +
  'rejected by `terraform validate`.';
const NON_FINAL_STAGE =
  'the line is in a build stage the final image does not copy from: its layers never ship, so the image-size ' +
  'and cache rules only judge the stages of the final image.';
const PSP_REMOVED =
  'PodSecurityPolicy was removed in Kubernetes 1.25; Gatehouse checks the pods themselves (Pod Security ' +
  'Standards) and has no PodSecurityPolicy rules.';
const INVALID_ROOT_ARN =
  'invalid test input: "arn:aws:iam::root" has no account id, IAM rejects it as a principal; ' +
  '"arn:aws:iam::123456789012:root" would name one account, not every principal.';
const ESCALATION_ON_POLICY =
  'reported on the aws_iam_*_policy statement that grants the escalation (where it is fixed), not on the ' +
  'group, role or user KICS labels.';
const ESCALATION_SPLIT =
  'iam:PassRole and the service action sit in two policies attached to the principal: the rule judges ' +
  'each policy on its own and reports no combination across policies.';
const S3_PAB_DEFAULT =
  'no PublicAccessBlockConfiguration: since April 2023 S3 turns all four Block Public Access settings on ' +
  'for new buckets, so the bucket is blocked.';
const S3_SOURCE_IP =
  'the Condition limits callers to aws:SourceIp 8.8.8.8/32, which AWS itself does not count as public ' +
  '(S3 "The meaning of public"); the rule reports only grants nothing narrows.';
const S3_ACL_SPLIT =
  'KICS has one check per canned ACL; iac/aws-s3-bucket-public-acl-cfn reports every public one, and this ' +
  'negative file sets another public ACL (PublicRead or AuthenticatedRead).';
const S3_PAB_SPLIT =
  'KICS has one check per Block Public Access flag; iac/aws-s3-public-access-block-disabled reports any ' +
  'flag left off, and this negative file leaves another flag off.';
const SQS_SSE_DEFAULT =
  'no kms_master_key_id: since October 2022 SQS encrypts new queues with SSE-SQS by default ' +
  '(sqs_managed_sse_enabled), so the queue is encrypted at rest.';
const API_GW_EXECUTION_LOGS =
  'the stage has access logging (access_log_settings); KICS also asks for execution logging ' +
  '(logging_level in method settings), a different log the rule does not cover.';
const MFA_NEEDS_VERSIONING =
  'versioning is off, which iac/aws-s3-bucket-versioning-disabled reports; MFA delete only exists on a ' +
  'versioned bucket, so there is nothing more to report.';
const HOST_DATA_DIR =
  'an application data directory of the node, not a system one: iac/k8s-host-path-volume reports every ' +
  'hostPath, iac/k8s-host-path-sensitive only /, /etc, /proc, /sys, /var/lib/kubelet, runtime sockets and the like.';
const IMAGE_PULL_ALWAYS =
  'the image has a fixed tag, so IfNotPresent/Never cannot run a stale "latest"; iac/k8s-image-pull-policy-stale ' +
  'only reports floating tags, while KICS demands Always on every container.';
const BARE_POD_PROBES =
  'a bare Pod runs once and no controller acts on its probes; the probe rules judge long-running workloads ' +
  '(Deployment, StatefulSet, DaemonSet…).';
const AZ_RETENTION_FOREVER =
  'retention_in_days 0 (or unset) keeps audit records forever, which satisfies a 90-day minimum.';
const AZ_RETENTION_90 =
  'exactly 90 days meets the rule, as in the Azure Policy built-in "SQL servers with auditing to storage ' +
  'account destination should be configured with 90 days retention or higher"; KICS reads the CIS wording ' +
  '"greater than 90" as 91 or more.';

const DOCKERFILE: IacDifference[] = [
  ...lines(
    'dockerfile/add_instead_of_copy',
    'positive.dockerfile',
    [8],
    'definition',
    'ADD ${JAR_FILE}: the source is a build argument that could be a URL or an archive, where ADD is the ' +
      'right instruction; an unresolved value is never reported.',
  ),
  ...lines(
    'dockerfile/apt_get_install_lists_were_not_deleted',
    'positive.dockerfile',
    [2, 5, 8],
    'definition',
    NON_FINAL_STAGE,
  ),
  ...lines(
    'dockerfile/pip_install_keeping_cached_packages',
    'positive.dockerfile',
    [2],
    'definition',
    NON_FINAL_STAGE,
  ),
  ...['positive.dockerfile', 'positive2.dockerfile'].flatMap((f) =>
    lines(
      'dockerfile/apt_get_install_pin_version_not_defined',
      f,
      [6],
      'invalid-input',
      '`apt-get install -y -t python`: -t (--target-release) takes "python" as its value, so no package is ' +
        'installed at all.',
    ),
  ),
  ...flagged(
    'dockerfile/missing_user_instruction',
    ['negative.dockerfile'],
    'definition',
    'the final stage is FROM scratch without USER: a scratch image has no user of its own, so the process ' +
      'runs as UID 0.',
  ),
  ...flagged(
    'dockerfile/run_command_cd_instead_of_workdir',
    ['negative2.dockerfile'],
    'definition',
    'a lone `RUN cd /usr/share/nginx/html` is the misuse the rule is about (it changes nothing for the next ' +
      'instruction); KICS only flags relative paths.',
  ),
  ...flagged(
    'dockerfile/unpinned_package_version_in_apk_add',
    ['negative.dockerfile', 'negative2.dockerfile'],
    'split-check',
    'the apk packages are pinned, but `pip install --upgrade pip` is not: iac/dockerfile-unpinned-package ' +
      'covers every package manager, the KICS check only apk.',
  ),
  ...flagged(
    'dockerfile/unpinned_package_version_in_pip_install',
    ['negative1.dockerfile'],
    'invalid-input',
    '`pip=20.3` and `requests=2.7.0` are not version pins: pip only accepts `==` and fails on a single `=`.',
  ),
  ...['positive4.dockerfile', 'positive5.dockerfile'].flatMap((f) =>
    lines(
      'dockerfile/update_instruction_alone',
      f,
      [3],
      'definition',
      '`yum update` / `dnf update` upgrade the installed packages rather than refresh an index, and yum/dnf ' +
        'refresh expired metadata on install by themselves: no stale index is cached.',
    ),
  ),
  ...lines(
    'dockerfile/update_instruction_alone',
    'positive6.dockerfile',
    [3],
    'definition',
    '`pacman -Syu` refreshes and upgrades in one RUN, which the rule accepts like `apt-get update && apt-get ' +
      'upgrade`; it reports an index refresh left alone, KICS the later install.',
  ),
  ...flagged(
    'dockerfile/update_instruction_alone',
    ['negative5.dockerfile'],
    'definition',
    "a lone `RUN apk update` is the rule's very pattern: an index refresh cached in its own layer and left " +
      'in the image.',
  ),
  ...flagged(
    'dockerfile/update_instruction_alone',
    ['negative7.dockerfile'],
    'invalid-input',
    '`apt update && install nginx` runs coreutils `install`, not apt: the apt update stands alone.',
  ),
  ...lines(
    'dockerfile/workdir_path_not_absolute',
    'positive.dockerfile',
    [5],
    'definition',
    '`WORKDIR workdir` follows `WORKDIR /path/to/workdir`, so Docker resolves it to /path/to/workdir/workdir: ' +
      'a relative WORKDIR is only reported when nothing absolute anchors it.',
  ),
  ...lines(
    'dockerfile/yum_clean_all_missing',
    'positive.dockerfile',
    [12],
    'invalid-input',
    'the continuation makes one command, `yum clean all yum -y install`: nothing is installed.',
  ),
  ...flagged(
    'dockerfile/yum_clean_all_missing',
    ['negative.dockerfile'],
    'invalid-input',
    'the continuation makes one command, `yum -y install yum clean all`, which installs packages named clean ' +
      'and all and never cleans the cache: the finding is right.',
  ),
];

const COMPOSE: IacDifference[] = [
  ...lines(
    'dockerCompose/container_capabilities_unrestricted',
    'positive4.yaml',
    [4],
    'definition',
    'the service adds no capability; KICS also asks every service to drop capabilities, the rule reports ' +
      "dangerous ones added (Docker's default set is accepted).",
  ),
  ...lines(
    'dockerCompose/default_seccomp_profile_disabled',
    'positive1.yaml',
    [13],
    'invalid-input',
    '`label:seccomp:unconfined` is an SELinux label option, not a seccomp one, and Docker rejects it.',
  ),
  ...lines(
    'dockerCompose/volume_has_sensitive_host_directory',
    'positive1.yaml',
    [11],
    'invalid-input',
    '`- /var/lib/backup/data` (one path, no colon) is an anonymous volume at that container path, not a host mount.',
  ),
  ...lines(
    'dockerCompose/volume_has_sensitive_host_directory',
    'positive2.yaml',
    [18],
    'definition',
    'a named volume bound to /var/lib/backup/data: an application data directory, not one of the host ' +
      'system directories the rule reports (/etc, /root, /proc, /var/lib/docker…).',
  ),
  ...lines(
    'dockerCompose/volume_has_sensitive_host_directory',
    'positive3.yaml',
    [12],
    'definition',
    'a top-level volume no service uses, with mountpoint /var/data: an application data directory, not a ' +
      'host system one.',
  ),
];

const KUBERNETES: IacDifference[] = [
  ...lines('k8s/cluster_allows_unsafe_sysctls', 'positive1.yaml', [24], 'definition', PSP_REMOVED),
  ...flagged(
    'k8s/containers_running_as_root',
    ['negative2.yaml'],
    'definition',
    'runAsNonRoot: false on a container that runs as 1000: iac/k8s-run-as-non-root follows the restricted ' +
      'Pod Security Standard, which requires runAsNonRoot true; KICS only reports effective root.',
  ),
  ...flagged(
    'k8s/containers_running_as_root',
    ['negative3.yaml'],
    'definition',
    'the pod sets runAsUser: 0 and runAsNonRoot: false, which the restricted Pod Security Standard rejects ' +
      'even when the one container overrides them (a container added later inherits them).',
  ),
  ...['positive1.yaml', 'positive2.yaml', 'positive3.yaml'].flatMap((f, i) =>
    lines(
      'k8s/image_pull_policy_of_container_is_not_always',
      f,
      [[9, 18, 16][i]!],
      'definition',
      IMAGE_PULL_ALWAYS,
    ),
  ),
  ...lines('k8s/liveness_probe_is_not_defined', 'positive.yaml', [9], 'definition', BARE_POD_PROBES),
  ...lines('k8s/readiness_probe_is_not_configured', 'positive.yaml', [9], 'definition', BARE_POD_PROBES),
  ...flagged(
    'k8s/non_kube_system_pod_with_host_mount',
    ['negative.yaml'],
    'definition',
    'the workloads are in kube-system: a hostPath mount gives the same access to the node in any namespace, ' +
      'so the hostPath rules do not exempt it (add-ons that need one are suppressed explicitly).',
  ),
  ...lines(
    'k8s/permissive_access_to_create_pods',
    'positive1.yaml',
    [48, 60],
    'invalid-input',
    '`c*e` and `p*ds` are not wildcards in RBAC: only a whole `*` is, so these rules grant nothing.',
  ),
  ...flagged(
    'k8s/permissive_access_to_create_pods',
    ['negative2.yaml'],
    'split-check',
    'resources `*` in apiextensions.k8s.io (create and delete any CRD) is what iac/k8s-rbac-wildcard reports; ' +
      'it grants no pods, so the KICS check passes it.',
  ),
  ...flagged(
    'k8s/seccomp_profile_is_not_configured',
    ['negative1.yaml'],
    'invalid-input',
    'seccomp.security.alpha.kubernetes.io/defaultProfileName is a PodSecurityPolicy annotation: on a pod it ' +
      'sets no profile, so the container runs without seccomp.',
  ),
  ...flagged(
    'k8s/service_account_allows_access_secrets',
    ['negative.yaml'],
    'definition',
    'a Role that reads Secrets is reported whatever binds it (the binding may live in another file or come ' +
      'later); KICS only reports roles bound to a ServiceAccount in the same file.',
  ),
  ...lines(
    'k8s/service_account_token_automount_not_disabled',
    'positive1.yaml',
    [28, 54],
    'definition',
    'automountServiceAccountToken: true is written out: a stated decision that the pod calls the API; the ' +
      'rule reports the token mounted by default, unasked.',
  ),
  ...['positive3.yaml', 'positive4.yaml'].flatMap((f) =>
    lines(
      'k8s/using_unrecommended_namespace',
      f,
      [5],
      'definition',
      'the rule follows CIS Kubernetes 5.7.4 (the default namespace); kube-system and kube-public hold ' +
        'cluster add-ons that belong there.',
    ),
  ),
  ...lines(
    'k8s/workload_mounting_with_sensitive_os_directory',
    'positive.yaml',
    [145, 193],
    'definition',
    HOST_DATA_DIR,
  ),
];

const CLOUDFORMATION: IacDifference[] = [
  ...lines(
    'cloudFormation/aws/alb_listening_on_http',
    'positive3.yaml',
    [16],
    'definition',
    'the HTTP listener only redirects to HTTPS (301), the recommended setup; the rule reports HTTP listeners ' +
      'that serve content.',
  ),
  ...lines(
    'cloudFormation/aws/iam_role_allows_all_principals_to_assume',
    'positive1.yaml',
    [6],
    'invalid-input',
    INVALID_ROOT_ARN,
  ),
  ...lines(
    'cloudFormation/aws/iam_role_allows_all_principals_to_assume',
    'positive2.json',
    [7],
    'invalid-input',
    INVALID_ROOT_ARN,
  ),
  ...['positive1.yaml', 'positive2.json'].flatMap((f, i) =>
    lines(
      'cloudFormation/aws/lambda_permission_principal_is_wildcard',
      f,
      [[9, 10][i]!],
      'definition',
      'SourceAccount and SourceArn restrict the `*` principal to calls a service makes for that account and ' +
        'bucket, as AWS recommends for S3 triggers.',
    ),
  ),
  ...['positive2.yaml', 'positive4.json'].flatMap((f, i) =>
    lines(
      'cloudFormation/aws/rds_storage_not_encrypted',
      f,
      [[30, 45][i]!],
      'safe-default',
      'a read replica (SourceDBInstanceIdentifier) inherits encryption from its source, and CloudFormation ' +
        'says not to set StorageEncrypted on one.',
    ),
  ),
  ...['positive1.yaml', 'positive2.json'].flatMap((f, i) =>
    lines(
      'cloudFormation/aws/s3_bucket_access_to_any_principal',
      f,
      [
        [2, 27],
        [3, 42],
      ][i]!,
      'location',
      'reported on the AWS::S3::BucketPolicy statement that grants `*` (where it is fixed), not on the bucket ' +
        'KICS labels.',
    ),
  ),
  ...[
    'cloudFormation/aws/s3_bucket_acl_allows_read_or_write_to_all_users',
    'cloudFormation/aws/s3_bucket_acl_allows_read_to_all_users',
    'cloudFormation/aws/s3_bucket_acl_allows_read_to_any_authenticated_user',
  ].flatMap((dir) =>
    flagged(
      dir,
      ['negative3.yaml', 'negative4.yaml', 'negative7.json', 'negative8.json'],
      'split-check',
      S3_ACL_SPLIT,
    ),
  ),
  ...[
    'cloudFormation/aws/s3_bucket_allows_public_acl',
    'cloudFormation/aws/s3_bucket_with_public_policy',
    'cloudFormation/aws/s3_bucket_without_ignore_public_acl',
    'cloudFormation/aws/s3_bucket_without_restriction_of_public_bucket',
  ].flatMap((dir) => lines(dir, 'positive1.yaml', [4], 'safe-default', S3_PAB_DEFAULT)),
  ...['positive2.yaml', 'positive4.json'].flatMap((f, i) =>
    lines(
      'cloudFormation/aws/sqs_policy_with_public_access',
      f,
      [[7, 9][i]!],
      'invalid-input',
      '"arn:aws:iam::437628376:*" is no valid principal (account ids have 12 digits, and a principal ARN ' +
        'takes no wildcard), so it grants nobody.',
    ),
  ),
  ...flagged(
    'cloudFormation/aws/sqs_policy_with_public_access',
    ['negative1.yaml', 'negative4.json'],
    'definition',
    'the AWS principal list holds "*" next to an account: anyone may send to and read from the queue, so ' +
      'the finding is right.',
  ),
];

const ESCALATIONS_ON_POLICY = [
  'glue_UpdateDevEndpoint',
  'iam_AddUserToGroup',
  'iam_AttachGroupPolicy',
  'iam_AttachRolePolicy',
  'iam_AttachUserPolicy',
  'iam_CreateAccessKey',
  'iam_CreateLoginProfile',
  'iam_CreatePolicyVersion',
  'iam_PutGroupPolicy',
  'iam_PutRolePolicy',
  'iam_PutUserPolicy',
  'iam_SetDefaultPolicyVersion',
  'iam_UpdateAssumeRolePolicy_and_sts_AssumeRole',
  'iam_UpdateLoginProfile',
  'lambda_UpdateFunctionCode',
];
const ESCALATIONS_SPLIT = [
  'iam_PassRole_and_cloudformation_CreateStack',
  'iam_PassRole_and_ec2_RunInstances',
  'iam_PassRole_and_glue_CreateDevEndpoint',
];
const escalation = (principal: string, actions: string) =>
  `terraform/aws/${principal}_with_privilege_escalation_by_actions_${actions}`;

const TERRAFORM_IAM: IacDifference[] = [
  ...['group', 'role', 'user'].flatMap((p) =>
    ESCALATIONS_ON_POLICY.flatMap((a) =>
      lines(escalation(p, a), 'positive1.tf', [1], 'location', ESCALATION_ON_POLICY),
    ),
  ),
  ...['group', 'role', 'user'].flatMap((p) => [
    ...ESCALATIONS_SPLIT.flatMap((a) =>
      lines(escalation(p, a), 'positive1.tf', [1], 'definition', ESCALATION_SPLIT),
    ),
    ...lines(
      escalation(
        p,
        p === 'role'
          ? 'iam_PassRole_and_lambda_CreateFunction_lambda_InvokeFunction'
          : 'iam_PassRole_and_lambda_CreateFunction_and_lambda_InvokeFunction',
      ),
      'positive1.tf',
      [1],
      'definition',
      ESCALATION_SPLIT,
    ),
  ]),
  ...lines(
    'terraform/aws/glue_with_vulnerable_policy',
    'positive.tf',
    [15],
    'location',
    'reported on the statement of the aws_iam_policy_document that grants `*` (where it is fixed), not on ' +
      'the aws_glue_resource_policy that uses it.',
  ),
  ...flagged(
    'terraform/aws/iam_policies_with_full_privileges',
    ['negative.tf'],
    'definition',
    'Action "*" is reported whatever the Resource: on arn:aws:s3:::* it still grants every S3 action on every ' +
      'bucket of the account.',
  ),
  ...lines(
    'terraform/aws/iam_policy_grants_assumerole_permission_across_all_services',
    'positive.tf',
    [70],
    'invalid-input',
    'the statement has no Effect, which IAM requires: the role cannot be created with this trust policy.',
  ),
  ...lines(
    'terraform/aws/iam_role_allows_all_principals_to_assume',
    'positive.tf',
    [37],
    'invalid-input',
    INVALID_ROOT_ARN,
  ),
  ...lines(
    'terraform/aws/lambda_permission_principal_is_wildcard',
    'positive.tf',
    [5],
    'definition',
    'source_arn restricts the `*` principal to invocations by that EventBridge rule, as AWS documents for ' +
      'service triggers.',
  ),
  ...lines(
    'terraform/aws/s3_bucket_access_to_any_principal',
    'positive1.tf',
    [4],
    'definition',
    S3_SOURCE_IP,
  ),
  ...[
    ['delete', [4], [4]],
    ['list', [4], [4]],
    ['put', [4], [5]],
  ].flatMap(([action, one, two]) => [
    ...lines(
      `terraform/aws/s3_bucket_allows_${action}_action_from_all_principals`,
      'positive1.tf',
      one as number[],
      'definition',
      S3_SOURCE_IP,
    ),
    ...lines(
      `terraform/aws/s3_bucket_allows_${action}_action_from_all_principals`,
      'positive2.tf',
      two as number[],
      'definition',
      S3_SOURCE_IP,
    ),
  ]),
  ...lines(
    'terraform/aws/s3_bucket_allows_get_action_from_all_principals',
    'positive1.tf',
    [17, 42],
    'definition',
    S3_SOURCE_IP,
  ),
];

const TERRAFORM_AWS: IacDifference[] = [
  ...[
    ['positive2.tf', [15, 28]],
    ['positive3.tf', [14, 27]],
    ['positive4.tf', [10, 15]],
    ['positive5.tf', [15, 28]],
    ['positive6.tf', [14, 27]],
    ['positive7.tf', [1]],
  ].flatMap(([f, at]) =>
    lines(
      'terraform/aws/api_gateway_access_logging_disabled',
      f as string,
      at as number[],
      'definition',
      API_GW_EXECUTION_LOGS,
    ),
  ),
  ...lines(
    'terraform/aws/cloudfront_without_minimum_protocol_tls_1.2',
    'positive1.tf',
    [1],
    'definition',
    'no viewer_certificate: the distribution serves the default *.cloudfront.net certificate, whose TLS ' +
      'policy cannot be changed; the rule judges custom certificates.',
  ),
  ...lines(
    'terraform/aws/cloudfront_without_minimum_protocol_tls_1.2',
    'positive3.tf',
    [24],
    'definition',
    'cloudfront_default_certificate = true: the default *.cloudfront.net certificate has a fixed TLS policy ' +
      'no setting changes; the rule judges custom certificates.',
  ),
  ...lines(
    'terraform/aws/cmk_rotation_disabled',
    'positive5.tf',
    [1],
    'invalid-input',
    'KMS cannot rotate an asymmetric (RSA_2048) key: enable_key_rotation = true on it is rejected by the API.',
  ),
  ...flagged(
    'terraform/aws/default_security_groups_with_unrestricted_traffic',
    ['negative.tf'],
    'definition',
    'the rule follows CIS AWS (the default security group restricts all traffic): any rule on it is ' +
      'reported, KICS only 0.0.0.0/0.',
  ),
  ...lines(
    'terraform/aws/ec2_instance_has_public_ip',
    'positive1.tf',
    [17],
    'definition',
    "associate_public_ip_address is left out, so the subnet's own setting decides, which the code does not " +
      'show: the rule reports an explicit true only.',
  ),
  ...flagged(
    'terraform/aws/rds_cluster_with_backup_disabled',
    ['negative1.tf'],
    'definition',
    'backups are kept 5 days, below the 7 days iac/aws-rds-backup-retention-short asks for; the KICS check ' +
      'only asks that backups exist.',
  ),
  ...['positive1.tf', 'positive2.tf'].flatMap((f) =>
    lines(
      'terraform/aws/rds_database_cluster_not_encrypted',
      f,
      [1],
      'location',
      'reported on the unencrypted aws_rds_cluster itself (where it is fixed), not on the aws_db_cluster_snapshot ' +
        'of it KICS labels.',
    ),
  ),
  ...[
    'terraform/aws/s3_bucket_allows_public_acl',
    'terraform/aws/s3_bucket_with_public_policy',
    'terraform/aws/s3_bucket_without_ignore_public_acl',
    'terraform/aws/s3_bucket_without_restriction_of_public_bucket',
  ].flatMap((dir) => flagged(dir, ['negative1.tf'], 'split-check', S3_PAB_SPLIT)),
  ...lines(
    'terraform/aws/s3_bucket_without_enabled_mfa_delete',
    'positive3.tf',
    [23, 24],
    'definition',
    MFA_NEEDS_VERSIONING,
  ),
  ...lines(
    'terraform/aws/s3_bucket_without_enabled_mfa_delete',
    'positive8.tf',
    [27],
    'definition',
    MFA_NEEDS_VERSIONING,
  ),
  ...lines(
    'terraform/aws/s3_bucket_without_versioning',
    'positive1.tf',
    [24],
    'corpus-artifact',
    'the 12-line file has no line 24: the label comes from the local module ../modules/aws-simple-bucket, ' +
      'which the corpus does not ship.',
  ),
  ...lines('terraform/aws/sqs_with_sse_disabled', 'positive1.tf', [1], 'safe-default', SQS_SSE_DEFAULT),
  ...lines('terraform/aws/sqs_with_sse_disabled', 'positive2.tf', [3], 'safe-default', SQS_SSE_DEFAULT),
  ...lines('terraform/aws/sqs_with_sse_disabled', 'positive3.tf', [1], 'safe-default', SQS_SSE_DEFAULT),
  ...lines(
    'terraform/aws/vpc_flowlogs_disabled',
    'positive1.tf',
    [5],
    'invalid-input',
    'the aws_flow_log names no VPC, subnet or interface, which the provider requires; the VPC itself has a ' +
      'flow log (example1).',
  ),
];

const TERRAFORM_AZURE: IacDifference[] = [
  ...lines(
    'terraform/azure/aks_network_policy_misconfigured',
    'positive.tf',
    [69],
    'invalid-input',
    'network_policy = "roxanne" is no engine: the provider accepts azure, calico or cilium and rejects it.',
  ),
  ...lines(
    'terraform/azure/cosmosdb_account_ip_range_filter_not_set',
    'positive.tf',
    [1],
    'definition',
    'is_virtual_network_filter_enabled = true: only the listed virtual networks (none here) may connect, so ' +
      'the account is not open to every network.',
  ),
  ...lines(
    'terraform/azure/encryption_on_managed_disk_disabled',
    'positive.tf',
    [18],
    'safe-default',
    'no encryption_settings: Azure encrypts every managed disk at rest with platform keys; the block ' +
      'configures Azure Disk Encryption on top.',
  ),
  ...lines(
    'terraform/azure/mariadb_not_using_latest_tls',
    'positive.tf',
    [7, 18],
    'invalid-input',
    INLINE_LIST,
  ),
  ...flagged(
    'terraform/azure/mssql_server_auditing_disabled',
    ['negative.tf'],
    'invalid-input',
    'azurerm_mssql_server_extended_auditing_policy takes server_id, not database_id: no policy is attached ' +
      'to the server, so the finding is right.',
  ),
  ...lines(
    'terraform/azure/mysql_enforce_ssl_connection_disabled',
    'positive.tf',
    [5],
    'invalid-input',
    INLINE_LIST,
  ),
  ...lines('terraform/azure/mysql_not_using_latest_tls', 'positive.tf', [6], 'invalid-input', INLINE_LIST),
  ...lines(
    'terraform/azure/postgres_enforce_ssl_connection_disabled',
    'positive.tf',
    [8],
    'invalid-input',
    INLINE_LIST,
  ),
  ...lines(
    'terraform/azure/postgres_sql_server_enables_public_access',
    'positive.tf',
    [7],
    'invalid-input',
    INLINE_LIST,
  ),
  ...flagged(
    'terraform/azure/public_storage_account',
    ['negative1.tf', 'negative2.tf', 'negative3.tf'],
    'definition',
    'the accounts keep the default network action Allow (or leave nested items public by default), which ' +
      'the storage rules report after CIS Azure; KICS only reports a 0.0.0.0/0 rule or public blob access.',
  ),
  ...lines(
    'terraform/azure/remote_debugging_enabled_app_service',
    'positive.tf',
    [5, 6, 7, 8, 9, 10, 11, 12, 13],
    'invalid-input',
    INLINE_LIST,
  ),
  ...lines(
    'terraform/azure/small_activity_log_retention_period',
    'positive.tf',
    [41, 64],
    'safe-default',
    'a retention policy without days (0) or disabled keeps the activity log forever; the rule reports ' +
      'profiles that delete records within the year.',
  ),
  ...lines(
    'terraform/azure/small_msql_server_audit_retention',
    'positive.tf',
    [7, 46],
    'safe-default',
    AZ_RETENTION_FOREVER,
  ),
  ...lines(
    'terraform/azure/small_msql_server_audit_retention',
    'positive.tf',
    [28],
    'definition',
    AZ_RETENTION_90,
  ),
  ...lines(
    'terraform/azure/small_mssql_audit_retention_period',
    'positive.tf',
    [47],
    'safe-default',
    AZ_RETENTION_FOREVER,
  ),
  ...lines(
    'terraform/azure/small_mssql_audit_retention_period',
    'positive.tf',
    [29],
    'definition',
    AZ_RETENTION_90,
  ),
  ...lines(
    'terraform/azure/ssl_enforce_is_disabled',
    'positive.tf',
    [22],
    'invalid-input',
    'ssl_enforcement_enabled is left out, which the azurerm provider rejects (the attribute is required), ' +
      'and the service enforces SSL by default.',
  ),
  ...lines(
    'terraform/azure/storage_account_not_forcing_https',
    'positive.tf',
    [10],
    'corpus-artifact',
    'the 8-line file has no line 10: the label is left from another test file.',
  ),
];

const TERRAFORM_GCP: IacDifference[] = [
  ...lines(
    'terraform/gcp/cloud_dns_without_dnssec',
    'positive2.tf',
    [1],
    'definition',
    'visibility depends on var.vpc_id: the zone may be private, where DNSSEC does not apply, and an unknown ' +
      'value is never reported.',
  ),
  ...lines(
    'terraform/gcp/cloud_storage_anonymous_or_publicly_accessible',
    'positive.tf',
    [5],
    'invalid-input',
    '`members = []` grants the role to nobody, let alone allUsers.',
  ),
  ...lines(
    'terraform/gcp/google_compute_network_using_firewall_rule_allows_all_ports',
    'positive.tf',
    [17],
    'definition',
    'the all-ports rule admits only instances tagged "web" (source_tags, no source_ranges); the rule reports ' +
      'all ports open to any address.',
  ),
  ...['positive1.tf', 'positive2.tf'].flatMap((f) =>
    lines(
      'terraform/gcp/kms_crypto_key_publicly_accessible',
      f,
      [24],
      'invalid-input',
      'the google_iam_policy binding sets `member`, which does not exist (the attribute is `members`): the ' +
        'policy grants nobody.',
    ),
  ),
  ...lines(
    'terraform/gcp/legacy_client_certificate_auth_enabled',
    'positive.tf',
    [7],
    'safe-default',
    'an empty master_auth leaves issue_client_certificate at its default, false (GKE issues no client ' +
      'certificate since 1.12).',
  ),
  ...lines(
    'terraform/gcp/network_policy_disabled',
    'positive.tf',
    [2, 16, 48],
    'safe-default',
    'network_policy is enabled and addons_config leaves the add-on out: GKE adds the add-on itself to a ' +
      'cluster created with network policy.',
  ),
  ...lines(
    'terraform/gcp/node_auto_upgrade_disabled',
    'positive.tf',
    [1, 19],
    'safe-default',
    'auto_upgrade is not set: node pools upgrade automatically by default.',
  ),
  ...lines(
    'terraform/gcp/private_cluster_disabled',
    'positive.tf',
    [30, 58],
    'definition',
    'enable_private_nodes = true: the nodes have no public address, which is what iac/gcp-gke-public-nodes ' +
      'checks; a public control-plane endpoint is a separate matter.',
  ),
  ...lines(
    'terraform/gcp/rdp_access_is_not_restricted',
    'positive.tf',
    [25],
    'definition',
    'the range 21-3390 is open on UDP only: RDP sessions are set up over TCP 3389, UDP only carries an ' +
      'established one.',
  ),
  ...flagged(
    'terraform/gcp/service_has_non_gcp_managed_service_account_keys',
    ['negative.tf'],
    'definition',
    'every google_service_account_key is a user-managed key, which CIS GCP asks to avoid; KICS reports only ' +
      'some of them.',
  ),
  ...flagged(
    'terraform/gcp/sql_db_instance_is_publicly_accessible',
    ['negative.tf'],
    'safe-default',
    'negative2 leaves ipv4_enabled at its default, true: the instance gets a public IP, which ' +
      'iac/gcp-sql-public-ip reports after CIS GCP.',
  ),
];

/** Lines inside `module "…" { source = "terraform-aws-modules/…" }` calls: [check, file, ...lines]. */
const IN_REMOTE_MODULES: readonly (readonly [string, string, ...number[]])[] = [
  ['terraform/aws/alb_not_dropping_invalid_headers', 'positive4.tf', 8],
  ['terraform/aws/alb_not_dropping_invalid_headers', 'positive5.tf', 1],
  ['terraform/aws/alb_not_dropping_invalid_headers', 'positive6.tf', 1],
  ['terraform/aws/automatic_minor_upgrades_disabled', 'positive2.tf', 11],
  ['terraform/aws/db_instance_storage_not_encrypted', 'positive2.tf', 1],
  ['terraform/aws/db_instance_storage_not_encrypted', 'positive3.tf', 11],
  ['terraform/aws/ec2_instance_has_public_ip', 'positive2.tf', 1],
  ['terraform/aws/ec2_instance_has_public_ip', 'positive3.tf', 13],
  ['terraform/aws/elb_access_logging_disabled', 'positive3.tf', 1],
  ['terraform/aws/elb_access_logging_disabled', 'positive4.tf', 39],
  ['terraform/aws/iam_database_auth_not_enabled', 'positive3.tf', 1],
  ['terraform/aws/iam_database_auth_not_enabled', 'positive4.tf', 17],
  ['terraform/aws/launch_configuration_is_not_encrypted', 'positive2.tf', 14, 23],
  ['terraform/aws/launch_configuration_is_not_encrypted', 'positive3.tf', 18, 24],
  ['terraform/aws/launch_configuration_is_not_encrypted', 'positive4.tf', 14, 25],
  ['terraform/aws/network_acl_with_unrestricted_access_to_rdp', 'positive4.tf', 14],
  ['terraform/aws/network_acl_with_unrestricted_access_to_ssh', 'positive4.tf', 14],
  ['terraform/aws/rds_db_instance_publicly_accessible', 'positive2.tf', 11],
  ['terraform/aws/rds_with_backup_disabled', 'positive2.tf', 12],
  ['terraform/aws/rds_with_backup_disabled', 'positive4.tf', 1],
  ['terraform/aws/s3_bucket_access_to_any_principal', 'positive2.tf', 12],
  ['terraform/aws/s3_bucket_acl_allows_read_or_write_to_all_users', 'positive3.tf', 6],
  ['terraform/aws/s3_bucket_acl_allows_read_or_write_to_all_users', 'positive4.tf', 6],
  ['terraform/aws/s3_bucket_acl_allows_read_to_any_authenticated_user', 'positive2.tf', 6],
  ['terraform/aws/s3_bucket_allows_delete_action_from_all_principals', 'positive3.tf', 12],
  ['terraform/aws/s3_bucket_allows_get_action_from_all_principals', 'positive2.tf', 23],
  ['terraform/aws/s3_bucket_allows_list_action_from_all_principals', 'positive3.tf', 12],
  ['terraform/aws/s3_bucket_allows_public_acl', 'positive2.tf', 8],
  ['terraform/aws/s3_bucket_allows_public_acl', 'positive3.tf', 1],
  ['terraform/aws/s3_bucket_allows_put_action_from_all_principals', 'positive3.tf', 12],
  ['terraform/aws/s3_bucket_logging_disabled', 'positive2.tf', 1],
  ['terraform/aws/s3_bucket_with_public_policy', 'positive2.tf', 9],
  ['terraform/aws/s3_bucket_with_public_policy', 'positive3.tf', 1],
  ['terraform/aws/s3_bucket_without_enabled_mfa_delete', 'positive4.tf', 8],
  ['terraform/aws/s3_bucket_without_enabled_mfa_delete', 'positive5.tf', 10],
  ['terraform/aws/s3_bucket_without_enabled_mfa_delete', 'positive6.tf', 8, 9],
  ['terraform/aws/s3_bucket_without_ignore_public_acl', 'positive2.tf', 7],
  ['terraform/aws/s3_bucket_without_ignore_public_acl', 'positive3.tf', 1],
  ['terraform/aws/s3_bucket_without_restriction_of_public_bucket', 'positive2.tf', 8],
  ['terraform/aws/s3_bucket_without_restriction_of_public_bucket', 'positive3.tf', 1],
  ['terraform/aws/s3_bucket_without_versioning', 'positive4.tf', 10],
  ['terraform/aws/s3_bucket_without_versioning', 'positive5.tf', 9],
  ['terraform/aws/s3_bucket_without_versioning', 'positive6.tf', 1],
  ['terraform/aws/security_group_with_unrestricted_access_to_ssh', 'positive3.tf', 13],
  ['terraform/aws/security_group_with_unrestricted_access_to_ssh', 'positive4.tf', 13],
  ['terraform/aws/sns_topic_publicity_has_allow_and_not_action_simultaneously', 'positive2.tf', 12],
  ['terraform/aws/sqs_policy_allows_all_actions', 'positive2.tf', 12],
  ['terraform/aws/sqs_with_sse_disabled', 'positive4.tf', 1],
  ['terraform/aws/sqs_with_sse_disabled', 'positive5.tf', 12],
  ['terraform/aws/sqs_with_sse_disabled', 'positive6.tf', 1],
  ['terraform/aws/unrestricted_security_group_ingress', 'positive4.tf', 9],
  ['terraform/aws/unrestricted_security_group_ingress', 'positive5.tf', 9],
  ['terraform/aws/unrestricted_security_group_ingress', 'positive9.tf', 9],
  ['terraform/aws/unrestricted_security_group_ingress', 'positive10.tf', 9],
  ['terraform/aws/vpc_flowlogs_disabled', 'positive3.tf', 14],
  ['terraform/aws/vpc_flowlogs_disabled', 'positive4.tf', 1],
];

const TERRAFORM_MODULES: IacDifference[] = IN_REMOTE_MODULES.flatMap(([dir, file, ...at]) =>
  lines(dir, file, at, 'remote-module', REMOTE_MODULE),
);

export const IAC_DIFFERENCES: readonly IacDifference[] = [
  ...DOCKERFILE,
  ...COMPOSE,
  ...KUBERNETES,
  ...CLOUDFORMATION,
  ...TERRAFORM_IAM,
  ...TERRAFORM_AWS,
  ...TERRAFORM_AZURE,
  ...TERRAFORM_GCP,
  ...TERRAFORM_MODULES,
];

/** The documented difference for a missed line (`line` given) or a flagged negative file. */
export function differenceFor(query_dir: string, file: string, line?: number): IacDifference | undefined {
  return IAC_DIFFERENCES.find((d) => d.query_dir === query_dir && d.file === file && d.line === line);
}
