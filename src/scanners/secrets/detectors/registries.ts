import type { Detector } from '../detector.js';
import { hasBase62Crc32Suffix } from '../engine/checksums.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * Package and artifact registries. A publish token is a supply-chain credential: whoever holds
 * it can ship a malicious version of every package it can publish.
 */
/** `=`, `:`, `:=`, `=>` between a name and its value; `var name string =` (Go) too. */
const ASSIGN = String.raw`["'\]]?(?:\s{1,3}string)?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;
const CRED = String.raw`[\w.-]{0,24}?(?:token|key|secret|password|passwd|pass|auth)[\w.-]{0,12}?`;
const END = `(?![A-Za-z0-9_+/=-])`;

function named(names: string, value: string): RegExp {
  return new RegExp(`(?:${names})${CRED}${ASSIGN}(?<secret>${value})${END}`, 'i');
}

const mixedCase = (s: string) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s);

export const registriesDetectors: Detector[] = [
  {
    id: 'npm-access-token',
    title: 'npm access token',
    description:
      'An npm access token (`npm_`). Publish and automation tokens can release new versions of every package their user maintains — a direct supply-chain compromise — and read-only tokens expose private packages.',
    provider: 'npm',
    severity: 'critical',
    keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    // The last 6 characters are the base62 CRC-32 of the 30 before them, as in GitHub tokens.
    verify: (s) => (hasBase62Crc32Suffix(s.slice(4)) ? 'high' : 'low'),
    remediation:
      'Revoke the token (npmjs.com > Access Tokens, or `npm token revoke <id>`), check the versions published recently for every package the account maintains, and use granular tokens limited to specific packages — or trusted publishing from CI — instead.',
    references: [
      'https://docs.npmjs.com/revoking-access-tokens',
      'https://github.blog/2021-09-23-announcing-npms-new-access-token-format/',
    ],
    examples: {
      positive: [
        '//registry.npmjs.org/:_authToken=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',
        'NPM_TOKEN: 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',
        // Checksum fails: found at low confidence.
        'export NODE_AUTH_TOKEN=npm_UQYoCvTvq2Z6lgqhu8BaV8WIHjNZBG9cgEWd',
      ],
      negative: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        'NPM_TOKEN: npm_HEZV6WvKBUHQCqNQzZ8m0HsjgTD0an3fBWQ', // 35 characters
        'process.env.npm_config_registry_authtoken_value',
        'NPM_TOKEN: npm_000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'pypi-upload-token',
    title: 'PyPI API token',
    description:
      'A PyPI API token (`pypi-` followed by a macaroon issued by pypi.org). An account-wide token can upload new releases of every project of its owner; a project-scoped one, of that project.',
    provider: 'PyPI',
    severity: 'critical',
    keywords: ['pypi-ageichlwas5vcmc'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1200})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Delete the token at pypi.org > Account settings > API tokens, check the release history of your projects, and move publishing to Trusted Publishing (OIDC) so no long-lived token is needed.',
    references: ['https://pypi.org/help/#apitoken', 'https://docs.pypi.org/trusted-publishers/'],
    examples: {
      positive: [
        'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmckRxwrCPGm8P-diMpEQvERAEohGQlGYwRBzNerw5hjFdg3V_gLgT77pWUHl55aQt7QNULWxDq75P4mwmzjNKDwREsgtxflgKyAyeiictgOVCcZ94cWAr1xivz2QjNprPTcpI0CUkTfbRHnEyqG5uop3CwktqO81Le',
        'password = pypi-AgEIcHlwaS5vcmcP8uC3NZbHCJzW5vw5HG6B7UhvRmMk2E-sjG-ObJ4sb0eg3jhK1mqPt2j4zO3GjrwCF_gjlUyjWnjwmZRiZlKwjGV-80mFSKABbp7Q3URemgzh02gtRcX37R_lDagKrMCbdVjC-vFwMKIOF2X7TbiJLRxemWJ-jzw9v4oAt3zD-H4E7CvER7T1MQf4voXd2JTRQ_D1P7z',
      ],
      negative: [
        'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc',
        'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...',
        'TWINE_PASSWORD=${{ secrets.PYPI_API_TOKEN }}',
      ],
    },
  },
  {
    id: 'testpypi-upload-token',
    title: 'TestPyPI API token',
    description:
      'A TestPyPI API token (macaroon issued by test.pypi.org). TestPyPI is a separate index for trying out releases, but a leaked token still lets others publish under your project names there — and reveals a secret-handling habit worth fixing before the real token leaks.',
    provider: 'PyPI',
    severity: 'medium',
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1200})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Delete the token at test.pypi.org > Account settings > API tokens and create a new one stored as a CI secret.',
    references: ['https://packaging.python.org/en/latest/guides/using-testpypi/'],
    examples: {
      positive: [
        'password = pypi-AgENdGVzdC5weXBpLm9yZwIn78FiEu_donQHUBqg5Et7m23hd89MQn9oHH546AHz8RmwoH6KYcUrTar083qCPYnIFR0VS49tc91Rby0Z-IuW_YClmDJXdRr6uysNHiGRQQCsPxGKZl0yEqK7SCYxPDoBRNAXCM3Xk6aLiGzrnFDT',
        'TEST_PYPI_TOKEN="pypi-AgENdGVzdC5weXBpLm9yZwIn78FiEu_donQHUBqg5Et7m23hd89MQn9oHH546AHz8RmwoH6KYcUrTar083qCPYnIFR0VS49tc91Rby0Z"',
      ],
      negative: [
        'password = pypi-AgENdGVzdC5weXBpLm9yZw',
        'password = pypi-AgENdGVzdC5weXBpLm9yZw<token>',
        'password = %(TEST_PYPI_TOKEN)s',
      ],
    },
  },
  {
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    description:
      'A RubyGems.org API key (`rubygems_`). With the push scope it releases new versions of every gem its owner maintains; other scopes can yank versions or manage owners.',
    provider: 'RubyGems',
    severity: 'critical',
    keywords: ['rubygems_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>rubygems_[0-9a-f]{48})(?![A-Za-z0-9_])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key at rubygems.org > Settings > API keys, check recent pushes of your gems, enable MFA for pushes and prefer trusted publishing from CI.',
    references: ['https://guides.rubygems.org/api-key-scopes/'],
    examples: {
      positive: [
        'GEM_HOST_API_KEY=rubygems_7733208adb8114262df4859fc2b5827428d71bed212a6426',
        ':rubygems_api_key: rubygems_1a67ad9b2e03965e533a68419a99abc806c3c7283d43bb86',
      ],
      negative: [
        'GEM_HOST_API_KEY=rubygems_7733208adb8114262df4859fc2b5827428d71bed212a642', // 47 characters
        'GEM_HOST_API_KEY=rubygems_<key>',
        'require "rubygems_plugin"',
      ],
    },
  },
  {
    id: 'nuget-api-key',
    title: 'NuGet API key',
    description:
      'A nuget.org API key (`oy2` followed by 43 lower-case letters and digits). Depending on its scopes and glob pattern it pushes new package versions or unlists existing ones.',
    provider: 'NuGet',
    severity: 'critical',
    keywords: ['oy2'],
    pattern: /(?<![A-Za-z0-9])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    remediation:
      'Delete or regenerate the key at nuget.org > API Keys, check the package history for unexpected versions, and use keys scoped to specific packages with short expiry (or trusted publishing).',
    references: ['https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys'],
    examples: {
      positive: [
        'dotnet nuget push pkg.nupkg --api-key oy2loscfxgw0r4sc5xqlly164dsixju2glplyxq9bjhgka --source https://api.nuget.org/v3/index.json',
        'NUGET_API_KEY: oy21q5ei6w6m8uewn5mlctxizchfvjvyws1yfpvxnuktch',
      ],
      negative: [
        'NUGET_API_KEY: oy2loscfxgw0r4sc5xqlly164dsixju2glplyxq9bjhgk', // 42 after the prefix
        'NUGET_API_KEY: oy2LOSCFXGW0R4SC5XQLLY164DSIXJU2GLPLYXQ9BJHGKA',
        'NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}',
      ],
    },
  },
  {
    id: 'docker-hub-personal-access-token',
    title: 'Docker Hub personal access token',
    description:
      'A Docker Hub personal access token (`dckr_pat_`). With read-write scope it pushes images to every repository of its user — replacing the images others pull — and with read scope it pulls private images.',
    provider: 'Docker',
    severity: 'high',
    keywords: ['dckr_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>dckr_pat_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      'Delete the token at hub.docker.com > Account settings > Personal access tokens, check the push history of your repositories, and use read-only tokens wherever pushing is not needed.',
    references: ['https://docs.docker.com/security/for-developers/access-tokens/'],
    examples: {
      positive: [
        'echo dckr_pat_4iCvzE9_3pDntHyoxfHRk62hbqi | docker login -u acme --password-stdin',
        'DOCKERHUB_TOKEN=dckr_pat_Oi3FzEj3I9vHIJmSmmKmlZPBAjY',
      ],
      negative: [
        'DOCKERHUB_TOKEN=dckr_pat_<token>',
        'DOCKERHUB_TOKEN=dckr_pat_Oi3FzEj3I9vHIJ',
        'DOCKERHUB_TOKEN=${DOCKERHUB_TOKEN}',
      ],
    },
  },
  {
    id: 'docker-hub-organization-access-token',
    title: 'Docker Hub organization access token',
    description:
      "A Docker Hub organization access token (`dckr_oat_`). It reads, and with write permission pushes to, the organisation's repositories it was granted — independent of any user account.",
    provider: 'Docker',
    severity: 'high',
    keywords: ['dckr_oat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>dckr_oat_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      "Delete the token in Docker Hub (the organization's Settings > Access tokens) and create a new one limited to the repositories and permissions required.",
    references: ['https://docs.docker.com/security/for-admins/access-tokens/'],
    examples: {
      positive: [
        'DOCKER_ORG_TOKEN=dckr_oat_eNvHKxTmGq37CcN3F5bqI4-Ja8IqtAPr',
        '"password": "dckr_oat_eNvHKxTmGq37CcN3F5bqI4-Ja8IqtAPr"',
      ],
      negative: [
        'DOCKER_ORG_TOKEN=dckr_oat_',
        'DOCKER_ORG_TOKEN=dckr_oat_eNvHKxTmGq37CcN3',
        'DOCKER_ORG_TOKEN=$DOCKER_ORG_TOKEN',
      ],
    },
  },
  {
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key',
    description:
      'A JFrog Artifactory API key (`AKCp` followed by 69 letters and digits). It authenticates as its user to Artifactory: downloading private artifacts and, with deploy rights, replacing the artifacts builds consume.',
    provider: 'JFrog',
    severity: 'high',
    keywords: ['akcp'],
    pattern: /(?<![A-Za-z0-9])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9])/,
    minEntropy: 4.0,
    remediation:
      "Revoke the API key in the JFrog Platform (Edit Profile > API Key, or an administrator's revoke-all API), and move to scoped, expiring access or identity tokens — API keys are deprecated.",
    references: ['https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key'],
    examples: {
      positive: [
        'ARTIFACTORY_API_KEY=AKCpLNroIBvAirO1HGT0FrCO6CPLHJJUBRo4jkiEP8OtTZDx1Jcmzz8Ghp9xSx0TaOJlD2LUm',
        'curl -H "X-JFrog-Art-Api: AKCpJWxxacJwiTgDYJphVHNtAGDYfrbQcjP3TCJvyzq1LnhPLxsMOT4wVayF7AFOGnnYnawqg" https://acme.jfrog.io/artifactory/api/repositories',
      ],
      negative: [
        'ARTIFACTORY_API_KEY=AKCpLNroIBvAirO1HGT0FrCO6CPLHJJUBRo4jkiEP8OtTZDx1Jcmzz8Ghp9xSx0TaOJlD2LU', // 68 after the prefix
        'ARTIFACTORY_API_KEY=AKCp<key>',
        'ARTIFACTORY_API_KEY=${ARTIFACTORY_API_KEY}',
      ],
    },
  },
  {
    id: 'jfrog-reference-token',
    title: 'JFrog reference token',
    description:
      "A JFrog Platform reference token (64 characters, starting `cmVmdGtu`, the base64 of `reftkn`). It stands in for an access token with that token's scope — often read and deploy on Artifactory repositories.",
    provider: 'JFrog',
    severity: 'high',
    keywords: ['cmvmdgtu'],
    pattern: /(?<![A-Za-z0-9])(?<secret>cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9])/,
    minEntropy: 4.0,
    remediation:
      'Revoke the token in the JFrog Platform (Administration > User Management > Access Tokens, or Edit Profile for identity tokens) and issue a new one with an expiry.',
    references: ['https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens'],
    examples: {
      positive: [
        'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjhdIMvfU0OzAMJ4SvL9JLFMFDhLajeyfNdcL5BBsgYSRdSd3YNU',
        'jf config add acme --url https://acme.jfrog.io --access-token cmVmdGtuOjAxOjSCGRrrbd8BcPG1BN6yq8pMOSTDertxrCgT4pzTd1ywAyG7OeFG',
      ],
      negative: [
        'JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjhdIMvfU0OzAMJ4SvL9JLFMFDhLajeyfNdcL5BBsgYSRdSd3YN', // 63 characters
        'JFROG_ACCESS_TOKEN=cmVmdGtu<token>',
        'JFROG_ACCESS_TOKEN=${JFROG_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'crates-io-token',
    title: 'crates.io API token',
    description:
      "A crates.io API token (`cio` followed by 32 letters and digits). Depending on its scopes it publishes new versions of its owner's crates, yanks them or changes owners.",
    provider: 'crates.io',
    severity: 'critical',
    // `cio` alone occurs inside words (coercion, suspicious); a token follows a quote, `=`, `:` or a space.
    keywords: ['"cio', "'cio", '=cio', ':cio', ' cio', '\tcio'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.8,
    verify: (s) => mixedCase(s.slice(3)),
    remediation:
      'Revoke the token at crates.io > Account Settings > API Tokens, check recent versions of your crates, and create tokens scoped to specific crates and endpoints, with an expiry — or use trusted publishing.',
    references: ['https://doc.rust-lang.org/cargo/reference/publishing.html'],
    examples: {
      positive: [
        'CARGO_REGISTRY_TOKEN=cioKSBWuUn5ZcV9Qxmr8xH0tRGtqjn59YZt',
        '[registry]\ntoken = "cio7tNTNnrxwMjQZp3yl8UXocHVqLnRub15"',
      ],
      negative: [
        'CARGO_REGISTRY_TOKEN=cioKSBWuUn5ZcV9Qxmr8xH0tRGtqjn59YZ', // 31 after the prefix
        'const suspiciousIdentifierNamesCounter = 1;',
        'CARGO_REGISTRY_TOKEN=${{ secrets.CARGO_REGISTRY_TOKEN }}',
      ],
    },
  },
  {
    id: 'packagist-token',
    title: 'Private Packagist token',
    description:
      'A Private Packagist API or authentication token (`packagist_` and a type code such as `ort_`, `out_` or `uut_`). Read tokens download private packages and their source; update tokens can change what the repository serves.',
    provider: 'Packagist',
    severity: 'high',
    keywords: ['packagist_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>packagist_[a-z]{2,5}_[A-Za-z0-9]{40,100})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    remediation:
      "Revoke the token in Private Packagist (the organization's Settings > API access / Authentication tokens, or your profile for user tokens) and create a new one limited to what the consumer needs.",
    references: ['https://packagist.com/docs/composer-authentication'],
    examples: {
      positive: [
        'composer config --global --auth http-basic.repo.packagist.com token packagist_ort_1772d44b365d152834b1f0b71fa23a2fa1985c09dee42d59479fc1ae0b5c329939d4',
        'PACKAGIST_TOKEN=packagist_uut_12fd8421531350a9498dc2454ebd51fc5ee79e0c9f2adbe4d5489cc2402f8853756d',
      ],
      negative: [
        'PACKAGIST_TOKEN=packagist_uut_<token>',
        'PACKAGIST_TOKEN=packagist_uut_12fd8421531350a9',
        '$packagist_url = "https://repo.packagist.com/acme/";',
      ],
    },
  },
  {
    id: 'clojars-deploy-token',
    title: 'Clojars deploy token',
    description:
      'A Clojars deploy token (`CLOJARS_` followed by 60 hexadecimal characters). It deploys new versions of the artifacts its user (or the scoped group) owns on clojars.org.',
    provider: 'Clojars',
    severity: 'critical',
    keywords: ['clojars_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>CLOJARS_[A-Za-z0-9]{60})(?![A-Za-z0-9_])/,
    minEntropy: 3.0,
    remediation:
      'Disable the token at clojars.org > Deploy Tokens and create a new one scoped to the group or artifact being deployed, with an expiry.',
    references: ['https://github.com/clojars/clojars-web/wiki/Deploy-Tokens'],
    examples: {
      positive: [
        'CLOJARS_PASSWORD=CLOJARS_e39e0da0593e701e8a75781006daf44deaa05e78c8ddf8ece60abfe9e97c',
        ':password "CLOJARS_fd7a5fee3a37cf2dbd44ff8146641820bdf5f9e85141cfa42a766f71b66b"',
      ],
      negative: [
        'CLOJARS_PASSWORD=CLOJARS_e39e0da0593e701e8a75781006daf44deaa05e78c8ddf8ece60abfe9e97', // 59 hex
        'CLOJARS_USERNAME=acme',
        'CLOJARS_PASSWORD=${CLOJARS_PASSWORD}',
      ],
    },
  },
  {
    id: 'hex-pm-api-key',
    title: 'Hex.pm API key',
    description:
      "A Hex.pm API key (32 hexadecimal characters) in `HEX_API_KEY` or a similar variable. With write permission it publishes and retires versions of its owner's Elixir and Erlang packages; organisation keys read private packages.",
    provider: 'Hex',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['hex_api_key', 'hex-api-key', 'hexpm_api_key', 'hexapikey'],
    pattern: new RegExp(`hex(?:pm)?[_-]?api[_-]?key${ASSIGN}(?<secret>[0-9a-f]{32})${END}`, 'i'),
    minEntropy: 3.0,
    remediation:
      'Revoke the key at hex.pm > Dashboard > Keys (or `mix hex.user key revoke`), and create a key limited to the package or organisation with only the permissions CI needs.',
    references: ['https://hex.pm/docs/publish'],
    examples: {
      positive: [
        'HEX_API_KEY=5c3fbda55b290f603d4209f7f64bec3f',
        'hex_api_key: "56df4b8904899bba1f85789011560033"',
      ],
      negative: [
        'HEX_API_KEY=${{ secrets.HEX_API_KEY }}',
        'HEX_API_KEY=5c3fbda55b290f603d4209f7f64bec3',
        'HEX_API_URL=https://hex.pm/api',
      ],
    },
  },
  {
    id: 'cloudsmith-api-key',
    title: 'Cloudsmith API key',
    description:
      'A Cloudsmith API key (40 hexadecimal characters) assigned to a Cloudsmith-named variable. It uploads, copies and deletes packages in the repositories its user or service account can write to.',
    provider: 'Cloudsmith',
    severity: 'high',
    confidence: 'medium',
    keywords: ['cloudsmith'],
    pattern: named('cloudsmith', '[0-9a-f]{40}'),
    minEntropy: 3.0,
    remediation:
      "Refresh the API key in Cloudsmith (User settings > API Settings, or the service account's page), and review package activity in the audit log.",
    references: ['https://help.cloudsmith.io/docs/api-key'],
    examples: {
      positive: [
        'CLOUDSMITH_API_KEY=9f320db6d7346b022133bc89aa537cf8588b16d2',
        'cloudsmith_token: "d132cc7cc0314f5be7da8cd579bd14a7507105e9"',
      ],
      negative: [
        'CLOUDSMITH_API_KEY=${CLOUDSMITH_API_KEY}',
        'CLOUDSMITH_REPO=acme/production',
        'CLOUDSMITH_API_KEY=9f320db6d7346b022133bc89aa537cf8588b16d', // 39 characters
      ],
    },
  },
  {
    id: 'quay-token',
    title: 'Quay.io robot or OAuth token',
    description:
      "A Quay robot account token (64 upper-case letters and digits) or OAuth application token (40 characters) assigned to a Quay-named variable. Robot tokens pull and often push the repositories they were granted; OAuth tokens call the Quay API with the user's scopes.",
    provider: 'Red Hat',
    severity: 'high',
    confidence: 'medium',
    keywords: ['quay'],
    pattern: named('quay(?:[_.-]?io)?', '[A-Z0-9]{64}|[A-Za-z0-9]{40}'),
    minEntropy: 3.5,
    remediation:
      "Regenerate the robot token (organization > Robot Accounts > the robot > Regenerate token) or revoke the OAuth token in the application's settings, then update the pull secrets that use it.",
    references: ['https://docs.quay.io/glossary/robot-accounts.html'],
    examples: {
      positive: [
        'QUAY_ROBOT_TOKEN=H6KODQNNSFRAMWTXTBPR5KTUE9QAFOHJ6LINYNM2IM5RSN199MHAARWHWS3GICS7',
        'quay_oauth_token: "bfuXpUP4PFzBRM61N1TVrZzeKPic8YB1UJ7aDH8u"',
      ],
      negative: [
        'QUAY_ROBOT_TOKEN=${QUAY_ROBOT_TOKEN}',
        'image: quay.io/acme/api:1.4.2',
        'QUAY_ROBOT_TOKEN=H6KODQNNSFRAMWTXTBPR5KTUE9QAFOHJ',
      ],
    },
  },
  {
    id: 'develocity-access-key',
    title: 'Develocity (Gradle Enterprise) access key',
    description:
      "A Develocity (formerly Gradle Enterprise) access key in `DEVELOCITY_ACCESS_KEY`, `GRADLE_ENTERPRISE_ACCESS_KEY` or the `develocity.accessKey` property (`host=key`). It publishes build scans and reads or writes the remote build cache — a poisoned cache entry ends up in other people's builds.",
    provider: 'Gradle',
    severity: 'high',
    keywords: [
      'develocity',
      'gradle_enterprise',
      'gradle-enterprise',
      'gradle.enterprise',
      'gradleenterprise',
    ],
    pattern: new RegExp(
      `(?:develocity|gradle[_.-]?enterprise)[_.-]?access[_-]?key${ASSIGN}(?:[A-Za-z0-9.-]{1,100}=)?(?<secret>[a-z0-9]{40,64})(?![A-Za-z0-9])`,
      'i',
    ),
    minEntropy: 3.5,
    remediation:
      'Revoke the key in Develocity (My settings > Access keys, or Administration > Access keys for others) and provision short-lived access tokens to CI instead of long-lived keys.',
    references: ['https://docs.gradle.com/develocity/gradle-plugin/current/#authenticating'],
    examples: {
      positive: [
        'DEVELOCITY_ACCESS_KEY=ge.acme.io=x2u5oqdpzwxexos5k7ncaea4lkkpu6g7p46jwjdw444x3peqv3hf',
        'systemProp.gradle.enterprise.accessKey=h54anr5qra5ahwbfxd74qkq76hqbu7fx6rqqbl76yoycoy4qgkqk',
      ],
      negative: [
        'DEVELOCITY_ACCESS_KEY=${{ secrets.DEVELOCITY_ACCESS_KEY }}',
        'DEVELOCITY_ACCESS_KEY=ge.acme.io=<key>',
        'develocity.server=https://ge.acme.io',
      ],
    },
  },
  {
    id: 'maven-settings-password',
    title: 'Password in Maven settings.xml',
    description:
      'A plain-text `<password>` inside a `<server>` block of Maven `settings.xml`. These credentials deploy to, or read from, artifact repositories such as Nexus, Artifactory or Maven Central. Encrypted values (`{...}`) and `${env.X}` references are not reported.',
    provider: 'Maven',
    severity: 'high',
    keywords: ['<server>'],
    pattern: /<server>[\s\S]{0,400}?<password>\s{0,4}(?<secret>[^<\s{$][^<\s]{3,200})\s{0,4}<\/password>/,
    multiline: 600,
    remediation:
      'Change the password (or token) at the repository manager, then keep it out of the file: use `${env.VAR}` references filled from CI secrets, or Maven password encryption for workstation settings.',
    references: [
      'https://maven.apache.org/settings.html#servers',
      'https://maven.apache.org/guides/mini/guide-encryption.html',
    ],
    examples: {
      positive: [
        '<servers>\n  <server>\n    <id>nexus-releases</id>\n    <username>deployer</username>\n    <password>lxvwIary5CtaQWYO</password>\n  </server>\n</servers>',
        '<server><id>central</id><username>acme</username><password>ByIi3JG3gPw7RsAXJJXo</password></server>',
      ],
      negative: [
        '<server>\n  <id>nexus</id>\n  <username>deployer</username>\n  <password>${env.NEXUS_PASSWORD}</password>\n</server>',
        '<server>\n  <id>nexus</id>\n  <password>{COQLCE6DU6GtcS5P=}</password>\n</server>',
        '<server>\n  <id>nexus</id>\n  <password>your-password</password>\n</server>',
      ],
    },
  },
];
