import type { Detector } from '../detector.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * CI/CD services. Prefixed formats (CircleCI, Buildkite, SonarQube, TeamCity, Harness) are
 * matched on their own; prefix-less ones need the service's name and a credential word in the
 * variable name (`DRONE_TOKEN=...`), so built-in variables such as `CIRCLE_SHA1` are not taken
 * for tokens, and are reported at medium confidence.
 */
/** `=`, `:`, `:=`, `=>` between a name and its value; `var name string =` (Go) too. */
const ASSIGN = String.raw`["'\]]?(?:\s{1,3}string)?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;
const CRED = String.raw`[\w.-]{0,24}?(?:token|key|secret|password|passwd|pass|pat|auth)[\w.-]{0,12}?`;
const END = `(?![A-Za-z0-9_+/=-])`;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `<service>..._TOKEN = <value>`, case-insensitive. */
function named(names: string, value: string): RegExp {
  return new RegExp(`(?:${names})${CRED}${ASSIGN}(?<secret>${value})${END}`, 'i');
}

export const ciDetectors: Detector[] = [
  {
    id: 'circleci-personal-token',
    title: 'CircleCI personal API token',
    description:
      'A CircleCI personal API token (`CCIPAT_`). It calls the CircleCI API as its user on every project the user can see: triggering pipelines (with altered parameters), reading build output and artifacts, and changing project settings, contexts and environment variables.',
    provider: 'CircleCI',
    severity: 'high',
    keywords: ['ccipat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>CCIPAT_[1-9A-HJ-NP-Za-km-z]{18,24}_[0-9a-f]{40})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    remediation:
      'Delete the token in CircleCI (User settings > Personal API Tokens), review the audit log for pipelines and setting changes it made, and create a new token with an expiry date.',
    references: [
      'https://circleci.com/docs/managing-api-tokens/',
      'https://circleci.com/changelog/new-format-for-api-access-tokens/',
    ],
    examples: {
      positive: [
        'CIRCLECI_TOKEN=CCIPAT_VawhgwGvvXUesDW35HBQRq_81f0b0443aa65973cd56da02ba8e891e2dcfe405',
        'curl -H "Circle-Token: CCIPAT_14Ni5nL9vUo2NugE44czEC_961d6b5bde50a22ded64dac63b6e26405eaadf2e" https://circleci.com/api/v2/me',
      ],
      negative: [
        'CIRCLECI_TOKEN=CCIPAT_<token>',
        'CIRCLECI_TOKEN=CCIPAT_VawhgwGvvXUesDW35HBQRq_81f0b0443aa65973cd56da02ba8e891e2dcfe40', // 39 hex
        'CIRCLECI_TOKEN=${CIRCLECI_TOKEN}',
      ],
    },
  },
  {
    id: 'circleci-project-token',
    title: 'CircleCI project API token',
    description:
      "A CircleCI project API token (`CCIPRJ_`). With Admin scope it can trigger builds and read or change the project's settings through the API; Read Only and Status tokens expose build details.",
    provider: 'CircleCI',
    severity: 'high',
    keywords: ['cciprj_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>CCIPRJ_[1-9A-HJ-NP-Za-km-z]{18,24}_[0-9a-f]{40})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    remediation:
      'Delete the token under Project Settings > API Permissions and create a new one with the lowest scope that works (Status for badges).',
    references: ['https://circleci.com/docs/managing-api-tokens/'],
    examples: {
      positive: [
        'CIRCLE_PROJECT_TOKEN=CCIPRJ_UEPH24qCmqwxx2vzhxRWLR_67f74e53a1685665dfabe3a1ed162f271467a189',
        '"token": "CCIPRJ_YipTAZnpJsUnqZ7rGNXPR_10332d34ac273171d814158c8f9e00e16d07f85d"',
      ],
      negative: [
        'CIRCLE_PROJECT_TOKEN=CCIPRJ_UEPH24qCmqwxx2vzhxRWLR',
        'CIRCLE_PROJECT_TOKEN=CCIPRJ_0lOI24qCmqwxx2vzhxRWLR_67f74e53a1685665dfabe3a1ed162f271467a189', // not base58
        'CIRCLE_PROJECT_TOKEN=$CIRCLE_PROJECT_TOKEN',
      ],
    },
  },
  {
    id: 'circleci-token-legacy',
    title: 'CircleCI API token (legacy format)',
    description:
      'A CircleCI personal or project API token of the format issued before the `CCIPAT_`/`CCIPRJ_` prefixes (40 hexadecimal characters), assigned to a CircleCI-named variable or `Circle-Token` header.',
    provider: 'CircleCI',
    severity: 'high',
    confidence: 'medium',
    // Not `circle` alone: drawing code is full of circles.
    keywords: ['circleci', 'circle-token', 'circle_token', 'circletoken', 'circle-api', 'circle_api'],
    pattern: named('circle(?:ci)?', '[0-9a-f]{40}'),
    minEntropy: 3.0,
    remediation:
      'Delete the token in CircleCI (User settings > Personal API Tokens, or Project Settings > API Permissions) and replace it with a new-format token.',
    references: ['https://circleci.com/docs/managing-api-tokens/'],
    examples: {
      positive: [
        'CIRCLECI_TOKEN=76e0ffb062252bab06a4b3f61291de4d3150c943',
        'curl -H "Circle-Token: be21f91eb91cb769bca5c53bef5c04a59ba66c74" https://circleci.com/api/v2/me',
      ],
      negative: [
        'CIRCLE_SHA1=76e0ffb062252bab06a4b3f61291de4d3150c943',
        'CIRCLECI_TOKEN=${CIRCLECI_TOKEN}',
        'CIRCLECI_TOKEN=76e0ffb062252bab06a4b3f61291de4d3150c94', // 39 characters
      ],
    },
  },
  {
    id: 'travis-ci-token',
    title: 'Travis CI API token',
    description:
      'A Travis CI API token (22 characters) assigned to a Travis-named variable. It triggers builds, reads logs and edits repository settings and environment variables as its user.',
    provider: 'Travis CI',
    severity: 'high',
    confidence: 'medium',
    keywords: ['travis'],
    pattern: named('travis(?:[_-]?ci)?', '[A-Za-z0-9_-]{22}'),
    minEntropy: 3.5,
    remediation:
      'Regenerate the token from the Travis CI profile settings page (Settings > API authentication > Regenerate), which invalidates the old one.',
    references: ['https://developer.travis-ci.com/authentication'],
    examples: {
      positive: ['TRAVIS_API_TOKEN=mheqQFMl869HA7zmtc6QeL', 'travis_token: "vVhEvCXMijwSlD0ViXepYi"'],
      negative: [
        'TRAVIS_API_TOKEN=${TRAVIS_API_TOKEN}',
        'TRAVIS_COMMIT=mheqQFMl869HA7zmtc6QeL',
        'TRAVIS_API_TOKEN=mheqQFMl869HA7zmtc6QeLq', // 23 characters
      ],
    },
  },
  {
    id: 'buildkite-api-token',
    title: 'Buildkite API access token',
    description:
      'A Buildkite API access token (`bkua_`). Depending on its scopes it reads and writes pipelines, builds, logs and artifacts, and with GraphQL access can change organisation settings — as the user who created it.',
    provider: 'Buildkite',
    severity: 'high',
    keywords: ['bkua_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>bkua_(?:[A-Za-z0-9]{2,8}\.)?[0-9a-f]{40})(?![A-Za-z0-9_.])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the token in Buildkite (Personal Settings > API Access Tokens) or through the access-token API, and create a replacement with only the scopes and organisations it needs.',
    references: [
      'https://buildkite.com/docs/apis/managing-api-tokens',
      'https://buildkite.com/docs/platform/security/tokens',
    ],
    examples: {
      positive: [
        'BUILDKITE_API_TOKEN=bkua_MTA.f4efd99153ec696672497c1eb1791a9648b5778a',
        'curl -H "Authorization: Bearer bkua_8269d0d726ea845eddc8afb46b6108ef22d2e4ac" https://api.buildkite.com/v2/user',
      ],
      negative: [
        'BUILDKITE_API_TOKEN=bkua_*****************************************************',
        'BUILDKITE_API_TOKEN=bkua_8269d0d726ea845eddc8afb46b6108ef22d2e4a', // 39 hex
        'BUILDKITE_API_TOKEN=${BUILDKITE_API_TOKEN}',
      ],
    },
  },
  {
    id: 'buildkite-agent-token',
    title: 'Buildkite agent token',
    description:
      "A Buildkite agent registration (`bkar_`) or agent session (`bkaa_`) token. It lets a machine register as an agent of the organisation's cluster and be handed jobs — with their source code, environment and secrets.",
    provider: 'Buildkite',
    severity: 'high',
    keywords: ['bkar_', 'bkaa_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>bka[ar]_[A-Za-z0-9]{2,8}\.[A-Za-z0-9]{40,100})(?![A-Za-z0-9_.])/,
    minEntropy: 3.5,
    remediation:
      "Revoke the agent token in the cluster's Agent Tokens page (or the REST/GraphQL API), create a new one, roll it out to the agents, and stop any agent you do not recognise.",
    references: [
      'https://buildkite.com/docs/agent/v3/tokens',
      'https://buildkite.com/docs/platform/security/tokens',
    ],
    examples: {
      positive: [
        'BUILDKITE_AGENT_TOKEN=bkar_MTA.nRyFxuYH2snXW1WfNwOSa6B5paVAdT7aKDYuCzP0IrMsOUgzuF60buD9hINH',
        'token="bkaa_MTA.pRhdbVO0JEq4it18lJBiKVfoQyVF3IxpmpbTlabVcorSRctzLzDsFlQGqOxdFjRC9LRo7UF"',
      ],
      negative: [
        'BUILDKITE_AGENT_TOKEN=bkar_MTA.<token>',
        'BUILDKITE_AGENT_TOKEN=bkar_MTA.nRyFxuYH2snXW1W',
        'token="${BUILDKITE_AGENT_TOKEN}"',
      ],
    },
  },
  {
    id: 'buildkite-token-legacy',
    title: 'Buildkite token (unprefixed)',
    description:
      'An unprefixed Buildkite agent token (50 hexadecimal characters) or API token (40), assigned to a Buildkite-named variable such as `BUILDKITE_AGENT_TOKEN`.',
    provider: 'Buildkite',
    severity: 'high',
    confidence: 'medium',
    keywords: ['buildkite'],
    pattern: named('buildkite', '[0-9a-f]{50}|[0-9a-f]{40}'),
    minEntropy: 3.0,
    remediation:
      "Revoke the token (agent tokens in the cluster's Agent Tokens page, API tokens in Personal Settings > API Access Tokens) and issue a new prefixed one.",
    references: [
      'https://buildkite.com/docs/agent/v3/tokens',
      'https://buildkite.com/docs/apis/managing-api-tokens',
    ],
    examples: {
      positive: [
        'BUILDKITE_AGENT_TOKEN=16e41015eac37895619079247a8bd96cd4b23932b5f3cb58c3',
        'buildkite_api_token: "76e0ffb062252bab06a4b3f61291de4d3150c943"',
      ],
      negative: [
        'BUILDKITE_COMMIT=76e0ffb062252bab06a4b3f61291de4d3150c943',
        'BUILDKITE_AGENT_TOKEN=${BUILDKITE_AGENT_TOKEN}',
        'BUILDKITE_AGENT_TOKEN=16e41015eac37895619079247a8bd96cd4b23932b5f3cb58', // 48 characters
      ],
    },
  },
  {
    id: 'drone-token',
    title: 'Drone CI token',
    description:
      'A Drone personal token or shared secret (32 characters) assigned to a Drone-named variable (`DRONE_TOKEN`, `DRONE_RPC_SECRET`). The personal token drives the Drone API as its user; the RPC secret lets a machine join as a runner and receive pipelines and secrets.',
    provider: 'Drone',
    severity: 'high',
    confidence: 'medium',
    keywords: ['drone'],
    pattern: named('drone', '[A-Za-z0-9]{32}'),
    minEntropy: 3.5,
    remediation:
      'Rotate the token from the Drone user settings page (or the RPC secret in the server and runner configuration), and review builds and repository settings changed since the leak.',
    references: [
      'https://docs.drone.io/cli/setup/',
      'https://docs.drone.io/server/reference/drone-rpc-secret/',
    ],
    examples: {
      positive: [
        'DRONE_TOKEN=tNtpABXOlzkRTdvrHLE9J7LSJr9dYIH2',
        "DRONE_RPC_SECRET: 'BrZF3hvw9q5RERsD0EsOyeXzNE0yHRZh'",
      ],
      negative: [
        'DRONE_TOKEN=${DRONE_TOKEN}',
        'DRONE_COMMIT_SHA=tNtpABXOlzkRTdvrHLE9J7LSJr9dYIH2',
        'DRONE_TOKEN=tNtpABXOlzkRTdvrHLE9J7LSJr9dYIH',
      ],
    },
  },
  {
    id: 'codecov-upload-token',
    title: 'Codecov upload token',
    description:
      'A Codecov repository upload token (a UUID) assigned to a Codecov-named variable. It lets anyone upload coverage reports for the repository, which can falsify coverage checks on pull requests; global tokens cover a whole organisation.',
    provider: 'Codecov',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['codecov'],
    pattern: named('codecov', UUID),
    minEntropy: 3.0,
    remediation:
      "Regenerate the upload token in the repository's Codecov settings (Configuration > General > Repository upload token) and store it as a CI secret.",
    references: ['https://docs.codecov.com/docs/codecov-tokens'],
    examples: {
      positive: [
        'CODECOV_TOKEN=688fce85-edda-48f6-a3aa-a89a05a1b512',
        '  codecov_token: "c4432822-cf55-4194-844b-df14aacd46c7"',
      ],
      negative: [
        'CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}',
        'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000',
        'CODECOV_URL=https://codecov.io/gh/688fce85-edda-48f6-a3aa-a89a05a1b512',
      ],
    },
  },
  {
    id: 'sonarqube-user-token',
    title: 'SonarQube user token',
    description:
      "A SonarQube user token (`squ_`). It authenticates to the SonarQube Web API with its user's permissions: reading the analysed source code and issues of every project the user can browse, and administering projects if the user can.",
    provider: 'SonarSource',
    severity: 'high',
    keywords: ['squ_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>squ_[0-9a-f]{40})(?![A-Za-z0-9_])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the token in SonarQube (My Account > Security, or Administration > Users for another user) and create a project analysis token for CI instead.',
    references: [
      'https://docs.sonarsource.com/sonarqube/latest/user-guide/user-account/generating-and-using-tokens/',
    ],
    examples: {
      positive: [
        'SONAR_TOKEN=squ_434cf7c4d9027ec5ea5c6d9ea58806f961ea96e3',
        'sonar-scanner -Dsonar.token=squ_434cf7c4d9027ec5ea5c6d9ea58806f961ea96e3 -Dsonar.projectKey=web',
      ],
      negative: [
        'SONAR_TOKEN=squ_434cf7c4d9027ec5ea5c6d9ea58806f961ea96e', // 39 characters
        'SONAR_TOKEN=squ_0000000000000000000000000000000000000000',
        'SONAR_TOKEN=$SONAR_TOKEN',
      ],
    },
  },
  {
    id: 'sonarqube-analysis-token',
    title: 'SonarQube project or global analysis token',
    description:
      'A SonarQube analysis token: `sqp_` for one project, `sqa_` for every project (global). It runs analyses — overwriting results and quality-gate status — and reads project data needed for analysis.',
    provider: 'SonarSource',
    severity: 'medium',
    keywords: ['sqp_', 'sqa_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sq[pa]_[0-9a-f]{40})(?![A-Za-z0-9_])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the token in SonarQube (My Account > Security > Tokens) and generate a new project analysis token stored as a CI secret.',
    references: [
      'https://docs.sonarsource.com/sonarqube/latest/user-guide/user-account/generating-and-using-tokens/',
    ],
    examples: {
      positive: [
        'SONAR_TOKEN=sqp_f5094f664c0e64e109fd7facbb0bca05ea17ea2e',
        'sonar.token=sqa_48a5630b68d33c2a2680e5dd90f983944d599a80',
      ],
      negative: [
        'SONAR_TOKEN=sqp_f5094f664c0e64e109fd7facbb0bca05ea17ea2', // 39 characters
        'SONAR_TOKEN=sqx_f5094f664c0e64e109fd7facbb0bca05ea17ea2e',
        'sonar.token=${env.SONAR_TOKEN}',
      ],
    },
  },
  {
    id: 'sonar-token-legacy',
    title: 'SonarCloud or SonarQube token (unprefixed)',
    description:
      'A SonarCloud token, or a SonarQube token created before the `squ_`/`sqp_`/`sqa_` prefixes (40 hexadecimal characters), assigned to `SONAR_TOKEN` or `sonar.login`. It analyses projects and reads their source and issues as its user.',
    provider: 'SonarSource',
    severity: 'high',
    confidence: 'medium',
    keywords: ['sonar'],
    pattern: new RegExp(
      String.raw`sonar(?:cloud|qube)?[\w.-]{0,16}?(?:token|login)${ASSIGN}(?<secret>[0-9a-f]{40})${END}`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Revoke the token (SonarCloud: My Account > Security; SonarQube: My Account > Security) and generate a new one, stored as a CI secret.',
    references: ['https://docs.sonarsource.com/sonarcloud/advanced-setup/user-accounts/'],
    examples: {
      positive: [
        'SONAR_TOKEN=3f96330fece9443e9a09e26afa3ea0435d3b1e53',
        'sonar.login=f84461d4c31f376fe4b237a57a6069f8860036ed',
      ],
      negative: [
        'SONAR_TOKEN=${SONAR_TOKEN}',
        'sonar.login=admin',
        'sonar.scm.revision=3f96330fece9443e9a09e26afa3ea0435d3b1e53',
      ],
    },
  },
  {
    id: 'snyk-api-token',
    title: 'Snyk API token',
    description:
      "A Snyk API or service-account token (a UUID) assigned to a Snyk-named variable or passed to `snyk auth`. It reads the organisation's projects and vulnerability data — a map of what is exploitable — and can change integrations and settings.",
    provider: 'Snyk',
    severity: 'high',
    confidence: 'medium',
    keywords: ['snyk'],
    pattern: new RegExp(String.raw`snyk(?:\s{1,3}auth\s{1,3}|${CRED}${ASSIGN})(?<secret>${UUID})${END}`, 'i'),
    minEntropy: 3.0,
    remediation:
      'Revoke the token: regenerate the personal token in Account settings > General > Auth Token, or delete the service account token in the organisation settings; then issue a new one.',
    references: ['https://docs.snyk.io/snyk-api/authentication-for-api'],
    examples: {
      positive: [
        'SNYK_TOKEN=d11d4031-d50c-409a-9755-6274d28066c0',
        'snyk auth 705efb1a-78de-40b1-b7fa-e0ce1859f880',
      ],
      negative: [
        'SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}',
        'SNYK_ORG_ID=d11d4031-d50c-409a-9755-6274d28066c0',
        'SNYK_TOKEN=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'jenkins-api-token',
    title: 'Jenkins API token',
    description:
      "A Jenkins user API token (`11` followed by 32 hexadecimal characters) assigned to a Jenkins-named variable. It calls the Jenkins API with the user's rights — for an administrator, that includes the script console, which runs arbitrary code on the controller.",
    provider: 'Jenkins',
    severity: 'high',
    confidence: 'medium',
    keywords: ['jenkins'],
    pattern: named('jenkins', '11[0-9a-f]{32}'),
    minEntropy: 3.0,
    remediation:
      "Revoke the token on the user's Configure page in Jenkins (API Token > Revoke), create a new one, and check the Jenkins audit trail for its use.",
    references: ['https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/'],
    examples: {
      positive: [
        'JENKINS_API_TOKEN=11ff4d785d338e5f3fe498ec07015ed58e',
        'jenkins_token: "11fad59236f1c4a40975507ba1043221ec"',
      ],
      negative: [
        'JENKINS_API_TOKEN=${JENKINS_API_TOKEN}',
        'JENKINS_API_TOKEN=12ff4d785d338e5f3fe498ec07015ed58e',
        'JENKINS_API_TOKEN=11ff4d785d338e5f3fe498ec07015ed5', // 30 hex
      ],
    },
  },
  {
    id: 'teamcity-access-token',
    title: 'TeamCity access token',
    description:
      'A TeamCity personal access token (its first segment decodes to `{"typ": "TCV2"}`). It authenticates to the TeamCity REST API as its user: running builds, reading logs and artifacts, and changing project settings if the user can.',
    provider: 'JetBrains',
    severity: 'high',
    keywords: ['eyj0exaioiaivenwmij9'],
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{16,128}\.[A-Za-z0-9_-]{16,128})(?![A-Za-z0-9_.-])/,
    minEntropy: 3.5,
    remediation:
      "Delete the token in TeamCity (Profile > Access Tokens, or an administrator's user settings page) and create a new one with an expiration date.",
    references: [
      'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens',
    ],
    examples: {
      positive: [
        'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.rWCavhJmVIiFfaXnqdYbg9U-d_IwJtb5MYwN.nEzxIA6IN_IIqspFbVb4a99kAHYo2Z-ZOJdqE4J2z535TmVM',
        'curl -H "Authorization: Bearer eyJ0eXAiOiAiVENWMiJ9.FAaXa76f9A4887vtQxC4p2pP22burIG8Kddh.OmWU3yRO0eysoySoKQNaVwBGbFOcbdlXjtAoyuI5Ghg2Qb0T" https://ci.acme.io/app/rest/builds',
      ],
      negative: [
        'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.<token>',
        'TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.rWCavhJm.nEzxIA6I',
        'TEAMCITY_TOKEN=%env.TOKEN%',
      ],
    },
  },
  {
    id: 'octopus-deploy-api-key',
    title: 'Octopus Deploy API key',
    description:
      'An Octopus Deploy API key (`API-` followed by upper-case letters and digits) on a line that names Octopus. It acts as its user or service account: creating releases and deploying them to any environment the account may deploy to, production included.',
    provider: 'Octopus Deploy',
    severity: 'high',
    keywords: ['octopus'],
    pattern: /octopus[^\n]{0,120}?(?<![A-Za-z0-9])(?<secret>API-[A-Z0-9]{25,40})(?![A-Za-z0-9])/i,
    minEntropy: 3.5,
    verify: (s) => /^API-[A-Z0-9]+$/.test(s),
    remediation:
      "Revoke the key in Octopus (Profile > My API Keys, or the service account's API keys), review the audit log for deployments made with it, and create a key with an expiry for the service account that needs it.",
    references: ['https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key'],
    examples: {
      positive: [
        'OCTOPUS_API_KEY=API-E0NEQG80O6IC44P0FMKB435IV9',
        'curl -H "X-Octopus-ApiKey: API-74EZ9JMIUX6EJPU06LXGOUY244M" https://deploy.acme.io/api/projects',
      ],
      negative: [
        'OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX',
        'OCTOPUS_API_KEY=API-E0NEQG80O6IC44',
        'OCTOPUS_API_KEY=#{Octopus.Api.Key}',
      ],
    },
  },
  {
    id: 'harness-api-token',
    title: 'Harness API token',
    description:
      "A Harness personal access token (`pat.`) or service account token (`sat.`): account id, token id and secret separated by dots. It calls the Harness API with its owner's permissions — running and editing pipelines, reading secrets references and changing connectors.",
    provider: 'Harness',
    severity: 'high',
    keywords: ['pat.', 'sat.'],
    pattern:
      /(?<![A-Za-z0-9_.])(?<secret>[ps]at\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9_.-])/,
    minEntropy: 3.5,
    remediation:
      'Delete or rotate the token under the API key in Harness (profile > My API Keys, or Account Settings > Access Control > Service Accounts), and check the audit trail for its use.',
    references: ['https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys'],
    examples: {
      positive: [
        'HARNESS_API_KEY=pat.mpEV6M_pG9bIdjXUrTp4pr.4f56397dadc974a04155105a.julJALrFWkojWKD3Py7L',
        "curl -H 'x-api-key: sat.HEgnxH8-TkbqUO36PeURpJ.c426ff1ed4be8ec2cb3de5a6.5si6LdisAgvSUjH4qUmn' https://app.harness.io/ng/api/user/currentUser",
      ],
      negative: [
        'HARNESS_API_KEY=pat.<account>.<token>.<secret>',
        'HARNESS_API_KEY=pat.mpEV6M_pG9bIdjXUrTp4pr.4f56397dadc974a04155105a',
        'const compat.mpEV6M_pG9bIdjXUrTp4pr = 1;',
      ],
    },
  },
  {
    id: 'bitrise-token',
    title: 'Bitrise personal access or workspace API token',
    description:
      'A Bitrise API token assigned to a Bitrise-named variable. It starts builds, reads logs and artifacts (often signed app binaries) and changes app settings and secrets through the Bitrise API.',
    provider: 'Bitrise',
    severity: 'high',
    confidence: 'medium',
    keywords: ['bitrise'],
    pattern: named('bitrise', '[A-Za-z0-9_-]{60,120}'),
    minEntropy: 4.0,
    remediation:
      "Delete the token in Bitrise (Account settings > Security > Personal access tokens, or the workspace's API tokens) and create a new one with an expiry.",
    references: ['https://devcenter.bitrise.io/en/accounts/personal-access-tokens.html'],
    examples: {
      positive: [
        'BITRISE_TOKEN=SgT9rcHsgJkuHu9cHqGxvcXnSigSTVeU9tnuJdD514r_twF9EvEXusqT5zwnALJu2sNDlmZEfixmw0Kirez11F',
        'bitrise_api_token: "CYe06fp2gUleuRG4xJe4h_q5vXqiiQRUksqOS9wpQnfDFhTOaBUA0X5uf8mGgsqkRHE1Cv-JWPvLUG4KpJsdG4"',
      ],
      negative: [
        'BITRISE_TOKEN=$BITRISE_TOKEN',
        'BITRISE_BUILD_URL=https://app.bitrise.io/build/abc',
        'BITRISE_TOKEN=SgT9rcHsgJkuHu9cHqGx',
      ],
    },
  },
  {
    id: 'semaphore-api-token',
    title: 'Semaphore CI API token',
    description:
      'A Semaphore API token assigned to a Semaphore-named variable (`SEMAPHORE_API_TOKEN`). It manages projects, secrets and pipelines of the organisation through the API and CLI as its user.',
    provider: 'Semaphore',
    severity: 'high',
    confidence: 'medium',
    keywords: ['semaphore'],
    pattern: named('semaphore(?:ci)?', '[A-Za-z0-9]{20,64}'),
    minEntropy: 3.5,
    remediation:
      'Reset the API token in Semaphore (Profile settings > API token > Regenerate) and update the CLI or integrations that use it.',
    references: ['https://docs.semaphoreci.com/reference/api'],
    examples: {
      positive: [
        'SEMAPHORE_API_TOKEN=JOGHXd0FB6it6oKfQG1o',
        'semaphore_token: "DV9IATcECR8dfVrYIta63LgeO44GQ9uq"',
      ],
      negative: [
        'SEMAPHORE_API_TOKEN=${SEMAPHORE_API_TOKEN}',
        'const semaphoreMaxPermits = 16;',
        'SEMAPHORE_API_TOKEN=JOGHXd0FB6it',
      ],
    },
  },
  {
    id: 'appveyor-api-token',
    title: 'AppVeyor API key',
    description:
      'An AppVeyor API key assigned to an AppVeyor-named variable. It starts and cancels builds, deploys, and reads or changes projects and environment settings of the account through the AppVeyor API.',
    provider: 'AppVeyor',
    severity: 'high',
    confidence: 'medium',
    keywords: ['appveyor'],
    pattern: named('appveyor', String.raw`(?:v2\.)?[A-Za-z0-9]{20,64}`),
    minEntropy: 3.3,
    remediation: 'Regenerate the API key in AppVeyor (Account > API keys) and update the tools that use it.',
    references: ['https://www.appveyor.com/docs/api/'],
    examples: {
      positive: [
        'APPVEYOR_API_TOKEN=v2.bofcbbpp9fjdacv2okga',
        'appveyor_api_key: "plycUmKKhX0ckpI0MDzEjaNP"',
      ],
      negative: [
        'APPVEYOR_API_TOKEN=$(APPVEYOR_API_TOKEN)',
        'APPVEYOR_BUILD_VERSION=1.0.42',
        'APPVEYOR_API_TOKEN=v2.bofcbb',
      ],
    },
  },
  {
    id: 'codemagic-api-token',
    title: 'Codemagic API token',
    description:
      'A Codemagic API token assigned to a Codemagic-named variable. It starts builds, reads build artifacts (signed mobile binaries) and manages apps and their environment variables.',
    provider: 'Codemagic',
    severity: 'high',
    confidence: 'medium',
    keywords: ['codemagic'],
    pattern: named('codemagic', '[A-Za-z0-9_-]{30,64}'),
    minEntropy: 3.5,
    remediation:
      'Regenerate the API token in Codemagic (Teams > Personal account or team > Integrations > Codemagic API > Show/Regenerate) and update the scripts that use it.',
    references: ['https://docs.codemagic.io/rest-api/codemagic-rest-api/'],
    examples: {
      positive: [
        'CODEMAGIC_API_TOKEN=hvrGvwwvFngjyE3iBv-Wrx8sUTMqaz3O-qAYIC4xr20',
        "codemagic_token: 'yM2DLCr2KqYIvLx3m9SGWumoOMLrbbbhiaJlDKM0X1f'",
      ],
      negative: [
        'CODEMAGIC_API_TOKEN=$CM_API_TOKEN',
        'CODEMAGIC_APP_ID=5f3c2a1b9e8d7c6b5a4f3e2d',
        'CODEMAGIC_API_TOKEN=hvrGvwwvFngjyE3iBv',
      ],
    },
  },
  {
    id: 'prefect-api-key',
    title: 'Prefect Cloud API key',
    description:
      'A Prefect Cloud API key (`pnu_`). It runs and changes flows and deployments in the workspaces its user can reach.',
    provider: 'Prefect',
    severity: 'high',
    keywords: ['pnu_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    remediation:
      'Delete the key in Prefect Cloud (Account settings > API keys), create a new one, and store it as a CI secret.',
    references: ['https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys'],
    examples: {
      positive: [
        'PREFECT_API_KEY=pnu_Q3xhOmZDsCDZOsw48Fnfe83N4Ej0DFH67N0i',
        'prefect cloud login -k pnu_iPe7K85ZZoXGDsaU5kD6wwYSuDTbnNinXp2S',
      ],
      negative: [
        'PREFECT_API_KEY=pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'PREFECT_API_KEY=${PREFECT_API_KEY}',
        'pnu_Q3xhOmZDsCDZOsw48Fnfe83N4Ej0',
      ],
    },
  },
];
