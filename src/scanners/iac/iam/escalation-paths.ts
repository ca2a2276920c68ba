/**
 * Known ways an IAM identity turns limited permissions into broader ones, from public research
 * (Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation", 2018, and the
 * follow-up catalogues of Bishop Fox's iam-vulnerable). A path is open when one policy allows
 * every action of it.
 */
export interface EscalationPath {
  /** The actions that together open the path; the first one is where findings point. */
  actions: readonly string[];
  /** What the holder can do with them. */
  how: string;
  /** `sts:AssumeRole` escalates only when allowed on every role. */
  onEveryResource?: boolean;
}

const PASS_ROLE = 'iam:PassRole';

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'rewrite a policy attached to itself as administrator' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'switch a policy to an older, broader version' },
  { actions: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to a user' },
  { actions: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to a group' },
  { actions: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to a role' },
  { actions: ['iam:PutUserPolicy'], how: 'write an administrator inline policy on a user' },
  { actions: ['iam:PutGroupPolicy'], how: 'write an administrator inline policy on a group' },
  { actions: ['iam:PutRolePolicy'], how: 'write an administrator inline policy on a role' },
  { actions: ['iam:CreateAccessKey'], how: 'create access keys for another user and act as them' },
  { actions: ['iam:CreateLoginProfile'], how: 'set a console password for a user without one' },
  { actions: ['iam:UpdateLoginProfile'], how: "change another user's console password" },
  { actions: ['iam:UpdateAssumeRolePolicy'], how: 'make a privileged role trust itself' },
  { actions: ['iam:AddUserToGroup'], how: 'join a more privileged group' },
  { actions: ['lambda:UpdateFunctionCode'], how: "run its own code with an existing function's role" },
  { actions: ['glue:UpdateDevEndpoint'], how: 'log in to an existing Glue dev endpoint and use its role' },
  { actions: ['sts:AssumeRole'], how: 'assume any role that trusts the account', onEveryResource: true },
  { actions: [PASS_ROLE, 'ec2:RunInstances'], how: 'launch an instance with a more privileged role' },
  {
    actions: [PASS_ROLE, 'lambda:CreateFunction', 'lambda:InvokeFunction'],
    how: 'create and invoke a function running as a more privileged role',
  },
  {
    actions: [PASS_ROLE, 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
    how: 'create a function running as a more privileged role and trigger it from an event source',
  },
  {
    actions: [PASS_ROLE, 'glue:CreateDevEndpoint'],
    how: 'create a Glue dev endpoint with a more privileged role',
  },
  {
    actions: [PASS_ROLE, 'cloudformation:CreateStack'],
    how: 'create a stack that runs with a more privileged role',
  },
  {
    actions: [PASS_ROLE, 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
    how: 'run pipeline commands with a more privileged role',
  },
  { actions: [PASS_ROLE, 'ecs:RunTask'], how: 'run a task with a more privileged task role' },
  {
    actions: [PASS_ROLE, 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'],
    how: 'open a notebook running as a more privileged role',
  },
  {
    actions: [PASS_ROLE, 'codebuild:CreateProject', 'codebuild:StartBuild'],
    how: 'run a build with a more privileged service role',
  },
];
