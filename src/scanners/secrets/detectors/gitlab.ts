import type { Detector } from '../detector.js';

/**
 * GitLab prefixes every token type (`glpat-`, `gldt-`, ...). Classic tokens are the prefix plus
 * 20 URL-safe base64 characters; routable tokens (GitLab 17.x+) are the prefix plus a base64url
 * payload, a dot, an optional two-character version and dot, and nine base36 characters (the
 * payload length and a CRC-32). An instance prefix (`mycompany-glpat-`) may precede the type.
 */
const ROUTABLE = String.raw`[A-Za-z0-9_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}`;

function gitlabToken(prefix: string, classic: string, routable = true): RegExp {
  const body = routable ? `(?:${ROUTABLE}|${classic})` : classic;
  return new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}${body})(?![A-Za-z0-9_-])`);
}

const TOKENS_OVERVIEW = 'https://docs.gitlab.com/ee/security/token_overview.html';
const MIN_ENTROPY = 3.0;

export const gitlabDetectors: Detector[] = [
  {
    id: 'gitlab-pat',
    title: 'GitLab personal, project or group access token',
    description:
      'A GitLab access token (`glpat-`): a personal, impersonation, project or group access token. With the `api` or `write_repository` scope it reads and pushes code, edits CI/CD variables and settings, and acts as its user or bot across the instance.',
    provider: 'GitLab',
    severity: 'critical',
    keywords: ['glpat-'],
    pattern: gitlabToken('glpat-', '[A-Za-z0-9_-]{20}'),
    minEntropy: MIN_ENTROPY,
    remediation:
      'Revoke the token (User settings > Access tokens, or the project/group Settings > Access tokens page; administrators can use the revoke API), review the audit events for its use, and create a replacement with the narrowest scopes and an expiry date.',
    references: ['https://docs.gitlab.com/ee/user/profile/personal_access_tokens.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'GITLAB_TOKEN=glpat-uf7eIGuiJuvKFJIQdhn8',
        "curl --header 'PRIVATE-TOKEN: glpat-jD2qaIzfaBpu_dMfoQGT' https://gitlab.example.com/api/v4/projects",
        'token: glpat-VHx0M7w4tq3YDMP_2ERWBKf4UuM9qEGkK207fT.01.0y58idql5',
        'export GL_TOKEN="glpat-lQ5vCHzPH6KK7BJF8lR1rgbriQN9snl.g3g76a7dm"',
        'url = "https://oauth2:acme-glpat-uf7eIGuiJuvKFJIQdhn8@gitlab.acme.io/infra/tf.git"',
      ],
      negative: [
        'GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx',
        'GITLAB_TOKEN=glpat-uf7eIGuiJuvKFJIQdhn', // 19 characters
        'GITLAB_TOKEN=$GITLAB_TOKEN',
        'const PREFIX = "glpat-";',
        'token: glpat-<your-token>',
      ],
    },
  },
  {
    id: 'gitlab-deploy-token',
    title: 'GitLab deploy token',
    description:
      "A GitLab deploy token (`gldt-`). Depending on its scopes it clones and pushes to a project's repository, pulls and pushes container images and packages — without belonging to any user, so its use is easy to miss.",
    provider: 'GitLab',
    severity: 'high',
    keywords: ['gldt-'],
    pattern: gitlabToken('gldt-', '[A-Za-z0-9_-]{20}'),
    minEntropy: MIN_ENTROPY,
    remediation:
      'Revoke it in the project or group Settings > Repository > Deploy tokens, check the registry and package audit events, and create a new token with only the scopes needed (usually `read_registry`).',
    references: ['https://docs.gitlab.com/ee/user/project/deploy_tokens/', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'docker login registry.gitlab.com -u gitlab+deploy-token-42 -p gldt-E-FK3q5HhtY96VMkjVqZ',
        'CI_DEPLOY_PASSWORD: gldt-tT_Lgt5jm5UvTIjgONxK',
      ],
      negative: [
        'CI_DEPLOY_PASSWORD: gldt-XXXXXXXXXXXXXXXXXXXX',
        'CI_DEPLOY_PASSWORD: gldt-tT_Lgt5jm5',
        'prefix = "gldt-"',
      ],
    },
  },
  {
    id: 'gitlab-runner-auth-token',
    title: 'GitLab runner authentication token',
    description:
      "A GitLab runner authentication token (`glrt-`, `glrtr-`), as written to a runner's `config.toml`. Whoever holds it can pose as the runner and pick up CI jobs — receiving their source code, job tokens and CI/CD variables, secrets included.",
    provider: 'GitLab',
    severity: 'high',
    keywords: ['glrt-', 'glrtr-'],
    pattern: gitlabToken('glrtr?-', String.raw`(?:t\d_)?[A-Za-z0-9_-]{20}`),
    minEntropy: MIN_ENTROPY,
    remediation:
      "Reset the runner's authentication token (CI/CD > Runners > the runner > Reset token, or the runners API), re-register the runner with the new token, and review which jobs the runner ran since the leak.",
    references: ['https://docs.gitlab.com/ee/ci/runners/new_creation_workflow.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        '  token = "glrt-8PiCzE-2cFB6etqNyqFW"',
        'gitlab-runner register --url https://gitlab.com --token glrt-t2_Xcj68u1NuO6nvc8l-eqJNQ27qb1HnH.qoy6r4rab',
        'RUNNER_TOKEN=glrtr-9IMMXb6qV7_9t9SXnOQd',
      ],
      negative: ['  token = "glrt-REDACTED"', '  token = "glrt-8PiCzE-2cFB6"', '  token = "${RUNNER_TOKEN}"'],
    },
  },
  {
    id: 'gitlab-runner-registration-token',
    title: 'GitLab runner registration token',
    description:
      'A legacy runner registration token (`GR1348941` prefix) for an instance, group or project. Anyone holding it can register their own runner, which then receives the CI jobs — and the secrets — of every project it is registered for.',
    provider: 'GitLab',
    severity: 'high',
    keywords: ['gr1348941'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/,
    minEntropy: MIN_ENTROPY,
    remediation:
      'Reset the registration token (CI/CD > Runners > Reset registration token), remove any runner you do not recognise, and move to runner authentication tokens created in the UI; registration tokens are deprecated.',
    references: ['https://docs.gitlab.com/ee/ci/runners/new_creation_workflow.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'REGISTRATION_TOKEN=GR1348941s_EAgk2IFfNUY-3f8gMz',
        'gitlab-runner register --registration-token "GR1348941L6bBa8yyiNHZi1jb9dgr"',
      ],
      negative: [
        'REGISTRATION_TOKEN=GR1348941xxxxxxxxxxxxxxxxxxxx',
        'REGISTRATION_TOKEN=GR1348941L6bBa8yyiNHZ',
        'REGISTRATION_TOKEN=$REGISTRATION_TOKEN',
      ],
    },
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    title: 'GitLab pipeline trigger token',
    description:
      'A pipeline trigger token (`glptt-`). It starts pipelines on any branch or tag of its project as the user who owns it, and can pass variables that change what the pipeline does.',
    provider: 'GitLab',
    severity: 'high',
    keywords: ['glptt-'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>glptt-[0-9a-f]{40})(?![A-Za-z0-9_-])/,
    minEntropy: MIN_ENTROPY,
    remediation:
      "Revoke the trigger in the project's Settings > CI/CD > Pipeline trigger tokens, create a new one, and check recent pipelines started by the trigger.",
    references: ['https://docs.gitlab.com/ee/ci/triggers/', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'curl -X POST --form token=glptt-12e3b23467256646bbd67ec3c2578fa56eae5279 --form ref=main https://gitlab.com/api/v4/projects/9/trigger/pipeline',
        'TRIGGER_TOKEN: "glptt-dad73a87a37ac397b460c710e78e408533218254"',
      ],
      negative: [
        'TRIGGER_TOKEN: "glptt-dad73a87a37ac397b460c710e78e40853321825"', // 39 characters
        'TRIGGER_TOKEN: "glptt-0000000000000000000000000000000000000000"',
        'TRIGGER_TOKEN: "$TRIGGER_TOKEN"',
      ],
    },
  },
  {
    id: 'gitlab-ci-job-token',
    title: 'GitLab CI/CD job token',
    description:
      'A CI/CD job token (`glcbt-`, the value of `CI_JOB_TOKEN`). It is valid only while its job runs, but during that time it can clone repositories, pull and push packages and images, and call parts of the API as the user who started the job.',
    provider: 'GitLab',
    severity: 'medium',
    keywords: ['glcbt-'],
    pattern: gitlabToken('glcbt-', `(?:[0-9a-z]{1,5}_)?[A-Za-z0-9_-]{20}`),
    minEntropy: MIN_ENTROPY,
    remediation:
      "The token dies with its job; cancel the job if it is still running, then remove whatever printed or stored `CI_JOB_TOKEN` (logs, artifacts, caches) and restrict the project's job token allowlist.",
    references: ['https://docs.gitlab.com/ee/ci/jobs/ci_job_token.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'CI_JOB_TOKEN=glcbt-64_1qFMqsPr349C7MGMs9DR',
        'git clone https://gitlab-ci-token:glcbt-Ps1hZPMwVRLkwXol7vtQ@gitlab.com/acme/lib.git',
      ],
      negative: ['CI_JOB_TOKEN=$CI_JOB_TOKEN', 'CI_JOB_TOKEN=glcbt-64_1qFMqsPr349', 'prefix: glcbt-'],
    },
  },
  {
    id: 'gitlab-incoming-mail-token',
    title: 'GitLab incoming email token',
    description:
      "A user's incoming email token (`glimt-`), embedded in the reply-by-email and create-issue-by-email addresses. It lets anyone who knows it create issues and merge requests as that user by sending mail.",
    provider: 'GitLab',
    severity: 'medium',
    keywords: ['glimt-'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>glimt-[0-9a-z]{20,32})(?![A-Za-z0-9_])/,
    minEntropy: MIN_ENTROPY,
    remediation:
      "Reset the incoming email token from the project's issue list (Email a new issue > Reset this token) or the user's access token settings, and delete issues created through it.",
    references: ['https://docs.gitlab.com/ee/user/project/issues/create_issues.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'to: incoming+acme-web-42-glimt-ctsvtetayj32ld4kev95tjpew-issue@incoming.gitlab.com',
        'INCOMING_TOKEN=glimt-3819o8zoodu7pxpsjv6a03ulf',
      ],
      negative: [
        'INCOMING_TOKEN=glimt-<token>',
        'INCOMING_TOKEN=glimt-3819o8zoo',
        'INCOMING_TOKEN=glimt-3819O8ZOODU7PXPSJV6A03ULF',
      ],
    },
  },
  {
    id: 'gitlab-agent-token',
    title: 'GitLab agent for Kubernetes token',
    description:
      'The token (`glagent-`) with which a GitLab agent for Kubernetes (`agentk`) authenticates to GitLab. A stolen token lets an attacker impersonate the agent: receive its GitOps manifests and CI access configuration, and feed GitLab false cluster state.',
    provider: 'GitLab',
    severity: 'high',
    keywords: ['glagent-'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>glagent-[A-Za-z0-9_-]{50})(?![A-Za-z0-9_-])/,
    minEntropy: MIN_ENTROPY,
    remediation:
      "Revoke the token under Operate > Kubernetes clusters > the agent > Access tokens, create a new one, and update the `config.token` value of the agent's Helm release.",
    references: ['https://docs.gitlab.com/ee/user/clusters/agent/work_with_agent.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'helm upgrade --install gitlab-agent gitlab/gitlab-agent --set config.token=glagent-KbcCA9pCsJROOdlQ01uTUmYncGcK8-shZ2pNbmIgY-JvxxrkpL',
        'token: glagent-ojtNggO3MBz-nBa-26hQiiI6lXeq-Adq4QwIezv23h8rX9ZbwT',
      ],
      negative: [
        'token: glagent-ojtNggO3MBz-nBa-26hQiiI6lXeq',
        'token: glagent-<token>',
        '--set config.token=${AGENT_TOKEN}',
      ],
    },
  },
  {
    id: 'gitlab-scim-token',
    title: 'GitLab SCIM token',
    description:
      'A GitLab SCIM token (`glsoat-`) that an identity provider uses to provision users into a GitLab.com group. It can create, update and deprovision group members, and so grant itself access.',
    provider: 'GitLab',
    severity: 'high',
    keywords: ['glsoat-'],
    pattern: gitlabToken('glsoat-', '[A-Za-z0-9_-]{20}'),
    minEntropy: MIN_ENTROPY,
    remediation:
      "Reset the SCIM token in the group's Settings > SAML SSO > SCIM token, update the identity provider, and review recently provisioned or changed members.",
    references: ['https://docs.gitlab.com/ee/user/group/saml_sso/scim_setup.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'scim_token: glsoat-rT2Uag2BTOKPXsffzJ36',
        'Authorization: Bearer glsoat-X2DyKV2EFXwnLkeGPJx2',
      ],
      negative: [
        'scim_token: glsoat-XXXXXXXXXXXXXXXXXXXX',
        'scim_token: glsoat-rT2Uag2BTOK',
        'scim_token: "{{ scim_token }}"',
      ],
    },
  },
  {
    id: 'gitlab-oauth-app-secret',
    title: 'GitLab OAuth application secret',
    description:
      "The secret (`gloas-`) of an OAuth application registered on GitLab. With the application ID it lets an attacker exchange authorisation codes and refresh tokens as the application, and so obtain users' GitLab tokens.",
    provider: 'GitLab',
    severity: 'high',
    keywords: ['gloas-'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>gloas-[A-Za-z0-9_-]{43,64})(?![A-Za-z0-9_-])/,
    minEntropy: MIN_ENTROPY,
    remediation:
      "Renew the secret in the application's settings (User, group or Admin settings > Applications > the application > Renew secret) and deploy the new one; the old secret stops working at once.",
    references: ['https://docs.gitlab.com/ee/integration/oauth_provider.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'GITLAB_OAUTH_SECRET=gloas-2e890328ec97ce05115801b428f62783394a01dfe20a2b5044f5da11737e357e',
        'client_secret: "gloas-4c5224ed9b20d7a21b9a9e86ee4687fed75b68fe8f8a63ee2ebd2989ce1b6979"',
      ],
      negative: [
        'client_secret: "gloas-4c5224ed9b20d7a21b9a9e86ee4687fed75"', // 37 characters
        'client_secret: "gloas-${SECRET}"',
        'client_secret: "gloas-<secret>"',
      ],
    },
  },
  {
    id: 'gitlab-feature-flags-client-token',
    title: 'GitLab feature flags client token',
    description:
      "The instance token (`glffct-`) with which Unleash clients read a project's feature flags. It exposes the project's flag names, strategies and user lists (which may hold user IDs or emails).",
    provider: 'GitLab',
    severity: 'medium',
    keywords: ['glffct-'],
    pattern: gitlabToken('glffct-', '[A-Za-z0-9_-]{20}'),
    minEntropy: MIN_ENTROPY,
    remediation:
      'Reset the instance ID token under Deploy > Feature flags > Configure, and update the Unleash clients that use it.',
    references: ['https://docs.gitlab.com/ee/operations/feature_flags.html', TOKENS_OVERVIEW],
    examples: {
      positive: [
        'UNLEASH_INSTANCE_ID=glffct-cadL7JPdESha1szso_Fw',
        "instanceId: 'glffct-qkaOIzqtdXDKMVjD9kIY'",
      ],
      negative: [
        'UNLEASH_INSTANCE_ID=glffct-xxxxxxxxxxxxxxxxxxxx',
        'UNLEASH_INSTANCE_ID=glffct-cadL7JPd',
        'UNLEASH_INSTANCE_ID=${ID}',
      ],
    },
  },
  {
    id: 'gitlab-feed-token',
    title: 'GitLab feed token',
    description:
      "A user's feed token (`glft-`), used in RSS/Atom and calendar URLs. It reveals the user's activity, issues and merge requests — including those of private projects — to anyone with the URL.",
    provider: 'GitLab',
    severity: 'medium',
    keywords: ['glft-'],
    pattern: gitlabToken('glft-', '[A-Za-z0-9_-]{20}'),
    minEntropy: MIN_ENTROPY,
    remediation:
      'Reset the feed token in User settings > Access tokens > Feed token; every feed URL that used it stops working.',
    references: ['https://docs.gitlab.com/ee/security/token_overview.html#feed-token'],
    examples: {
      positive: [
        'https://gitlab.com/dashboard/issues.atom?feed_token=glft-IiaGcCBBP1DS1jfJMelc&state=opened',
        'calendar_url: "https://gitlab.example.com/-/issues.ics?feed_token=glft-rx7YwGGFz_Nk4hfP5SLb"',
      ],
      negative: [
        'feed_token=glft-XXXXXXXXXXXXXXXXXXXX',
        'feed_token=glft-IiaGcCBB',
        'feed_token=glft-{{token}}',
      ],
    },
  },
  {
    id: 'gitlab-session-cookie',
    title: 'GitLab session cookie',
    description:
      'A `_gitlab_session` cookie value, typically pasted with a `curl` command or a HAR file. Until the session expires or the user signs out, it gives full web access as that user, bypassing two-factor authentication.',
    provider: 'GitLab',
    severity: 'high',
    keywords: ['_gitlab_session'],
    pattern: /_gitlab_session=(?<secret>[0-9a-z]{32})(?![A-Za-z0-9])/,
    minEntropy: MIN_ENTROPY,
    remediation:
      'Have the user sign out of all sessions (User settings > Active sessions > Revoke), and scrub the HAR file, log or script the cookie came from.',
    references: ['https://docs.gitlab.com/ee/user/profile/active_sessions.html'],
    examples: {
      positive: [
        "curl -b '_gitlab_session=e435befe119ec191e75d0afc2751e1ce' https://gitlab.example.com/-/profile",
        'Cookie: known_sign_in=abc; _gitlab_session=419db690d1a2f2081a82c9dfd6728e31; event_filter=all',
      ],
      negative: [
        'Cookie: _gitlab_session=<session>',
        'Cookie: _gitlab_session=419db690d1a2f2081a82c9dfd6728e3', // 31 characters
        "cookies.delete('_gitlab_session')",
      ],
    },
  },
];
