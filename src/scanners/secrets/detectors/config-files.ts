import type { Detector } from '../detector.js';
import { isPlaceholder } from '../engine/filters.js';

/**
 * Credentials in well-known configuration files (`.netrc`, `.npmrc`, `.pypirc`, Docker and
 * Composer auth files, kubeconfig, `.s3cfg`, `wp-config.php`). The engine does not see file
 * names, so each pattern keys on the file's own syntax. Values that are references
 * (`${VAR}`, `%(var)s`, `{{ ... }}`) never match: their first character is excluded.
 *
 * `.git-credentials` lines (`https://user:token@host`) are left to the URL-credentials
 * detector; tokens with a provider prefix inside any of these files are left to the provider
 * detectors (npm, GitHub, GitLab, PyPI), so the same secret is not reported twice.
 */

/** `user:password` in base64, with both parts present and a password that is not a stand-in. */
function isBasicAuthPair(b64: string): boolean {
  const raw = Buffer.from(b64, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(raw)) return false;
  const colon = raw.indexOf(':');
  if (colon < 1) return false;
  const password = raw.slice(colon + 1);
  return password.length >= 4 && !isPlaceholder(password) && !/^(?:pass(?:word)?|secret)$/i.test(password);
}

/** A base64 value that decodes to printable ASCII (an `.npmrc` `_password`). */
function isPrintableBase64(b64: string): boolean {
  const raw = Buffer.from(b64, 'base64').toString('latin1');
  return raw.length >= 4 && /^[\x20-\x7e]+$/.test(raw) && !isPlaceholder(raw);
}

const PROVIDER_PREFIXES = `(?!npm_|gh[pousr]_|github_pat_|glpat-|pypi-Ag)`;

export const configFilesDetectors: Detector[] = [
  {
    id: 'netrc-password',
    priority: -1,
    title: 'Password in a .netrc file',
    description:
      'A `machine ... login ... password ...` entry of a `.netrc` file (on one line or spread over several), which curl, git, ftp and many HTTP libraries read for automatic login. The password is often an API token for a Git host, package registry or cloud API.',
    provider: 'netrc',
    severity: 'high',
    keywords: ['machine ', 'machine\t'],
    pattern:
      /(?<![\w.-])machine[ \t]{1,8}[^\s]{1,253}\s{1,40}(?:login[ \t]{1,8}[^\s]{1,255}\s{1,40})?(?:account[ \t]{1,8}[^\s]{1,255}\s{1,40})?password[ \t]{1,8}(?<secret>[^\s$%{"'\x60][^\s]{3,255})/,
    multiline: 500,
    minEntropy: 2.5,
    remediation:
      'Change the password or revoke the token at the service the `machine` line names, delete the committed file, and create `.netrc` at run time from a CI secret (with mode 600) instead of storing it in the repository.',
    references: [
      'https://everything.curl.dev/usingcurl/netrc.html',
      'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html',
    ],
    examples: {
      positive: [
        'machine api.heroku.com login ops@acme.io password 0eca9f8b8e4f0bb958970d1e735a59c019c8d15d',
        'machine git.acme.io\n  login deploy\n  password 7GklnoWyA6sp306A8UTOUDqR\n',
      ],
      negative: [
        'machine github.com login x-access-token password ${GITHUB_TOKEN}',
        'machine example.com login user password <password>',
        'const machine = createMachine({ initial: "idle" });',
        'echo "machine $HOST login $USER password $PASS" > ~/.netrc',
      ],
    },
  },
  {
    id: 'npmrc-auth-token',
    priority: -1,
    title: 'Registry token in .npmrc or .yarnrc.yml',
    description:
      'An `_authToken` (`.npmrc`) or `npmAuthToken` (`.yarnrc.yml`) for a package registry — npm, GitHub Packages, Artifactory, Nexus, Verdaccio. Depending on the registry it reads private packages or publishes new versions.',
    provider: 'npm',
    severity: 'high',
    keywords: ['_authtoken', 'npmauthtoken'],
    pattern: new RegExp(
      String.raw`(?:_authToken|npmAuthToken)["']?\s{0,3}[=:]\s{0,3}["']?${PROVIDER_PREFIXES}(?<secret>[A-Za-z0-9._~+/=-]{20,1024})(?![A-Za-z0-9._~+/=-])`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Revoke the token at the registry, then reference it from the environment in `.npmrc` (`//registry.example.com/:_authToken=${NPM_TOKEN}`) and keep real tokens only in CI secrets or the user-level `~/.npmrc`.',
    references: [
      'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc',
      'https://yarnpkg.com/configuration/yarnrc#npmAuthToken',
    ],
    examples: {
      positive: [
        '//npm.acme.io/repository/npm-private/:_authToken=b97565af-ab69-4838-9060-d9c670dc9fd1',
        '    npmAuthToken: "Yv6e5DUunGCgtAxcnuWisGjYOV80VgWjQPgyRAuj"',
      ],
      negative: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        '    npmAuthToken: "${NPM_AUTH_TOKEN:-}"',
        '//npm.acme.io/:_authToken=XXXXXXXXXXXXXXXXXXXXXXXX',
        'const authTokenHeader = "Authorization";',
      ],
    },
  },
  {
    id: 'npmrc-basic-auth',
    priority: -1,
    title: 'Basic auth credentials in .npmrc',
    description:
      'An `_auth` entry of an `.npmrc` file: the base64 of `username:password` for a registry. Anyone can decode it and use the account — often a shared deploy user of Artifactory or Nexus with publish rights.',
    provider: 'npm',
    severity: 'high',
    keywords: [':_auth', '_auth=', '_auth ='],
    pattern:
      /(?:^[ \t]{0,8}|:)_auth["']?[ \t]{0,3}=[ \t]{0,3}["']?(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/,
    verify: isBasicAuthPair,
    remediation:
      "Change the account's password at the registry, switch to a per-user or per-pipeline token (`_authToken`) read from the environment, and remove the line from the committed `.npmrc`.",
    references: ['https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration'],
    examples: {
      positive: [
        '//npm.acme.io/:_auth=ZGVwbG95ZXI6ekRmeVkyQU1jTGZ3SjR4ZQ==',
        '_auth = Y2ktYm90OmlGcTlPeEJaR3g5QTRBNnNEeWlY',
      ],
      negative: [
        '_auth=${NPM_AUTH}',
        '//npm.acme.io/:_auth=dXNlcm5hbWU6cGFzc3dvcmQ=', // username:password
        '//npm.acme.io/:_auth=c0Y0ZGZTM1ozNGM2VnFVNUdN', // not user:password
      ],
    },
  },
  {
    id: 'npmrc-password',
    priority: -1,
    title: 'Registry password in .npmrc',
    description:
      "A `_password` entry of an `.npmrc` file: the base64 of a registry account's password, used with `username`. Decoding it is trivial, so it is as exposed as the plain password.",
    provider: 'npm',
    severity: 'high',
    keywords: [':_password', '_password=', '_password ='],
    pattern:
      /(?:^[ \t]{0,8}|:)_password["']?[ \t]{0,3}=[ \t]{0,3}["']?(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/,
    verify: isPrintableBase64,
    remediation:
      'Change the password at the registry, and configure CI with a token read from the environment instead of a base64 password in the repository.',
    references: ['https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration'],
    examples: {
      positive: [
        '//npm.acme.io/repository/npm/:_password=c0Y0ZGZTM1ozNGM2VnFVNUdN',
        '_password = "c0Y0ZGZTM1ozNGM2VnFVNUdN"',
      ],
      negative: [
        '//npm.acme.io/:_password=${NPM_PASSWORD}',
        'DB_PASSWORD=c0Y0ZGZTM1ozNGM2VnFVNUdN',
        '//npm.acme.io/:_password=cGxhY2Vob2xkZXI=', // "placeholder"
      ],
    },
  },
  {
    id: 'pypirc-password',
    priority: -1,
    title: 'Password in .pypirc',
    description:
      'A `password` in a `.pypirc` section — `[pypi]`, `[testpypi]`, or a private index named by a `repository = https://...` line. twine and setuptools upload with it, so it can publish packages to that index.',
    provider: 'PyPI',
    severity: 'high',
    keywords: ['[pypi]', '[testpypi]', 'repository =', 'repository=', 'repository:'],
    pattern:
      /(?:\[(?:test)?pypi\]|repository[ \t]{0,4}[:=][ \t]{0,4}https?:\/\/[^\s]{1,200})[\s\S]{0,300}?(?<![\w-])password[ \t]{0,4}[:=][ \t]{0,4}(?!pypi-Ag)(?<secret>[^\s"'$%{\x60][^\s]{5,200})/,
    multiline: 400,
    minEntropy: 2.5,
    remediation:
      'Revoke the credential at the index (for PyPI, delete the API token; for a private index, change the password), then keep `.pypirc` out of the repository and pass credentials to twine through `TWINE_USERNAME`/`TWINE_PASSWORD` from CI secrets — or use Trusted Publishing.',
    references: ['https://packaging.python.org/en/latest/specifications/pypirc/'],
    examples: {
      positive: [
        '[pypi]\nusername = acme-release\npassword = pbmNaea1qA9VqOmEwneW\n',
        '[internal]\nrepository = https://pypi.acme.io/simple/\nusername = deploy\npassword = e8tridnGJkGfUL3mTu75AmJb\n',
      ],
      negative: [
        '[pypi]\nusername = __token__\npassword = %(PYPI_TOKEN)s\n',
        '[testpypi]\nusername = __token__\npassword = <your TestPyPI token>\n',
        '[pypi]\nusername = acme\n',
      ],
    },
  },
  {
    id: 'docker-config-auth',
    priority: -1,
    title: 'Registry credentials in Docker config.json',
    description:
      'An `"auth"` entry of a Docker `config.json` (or `.dockercfg`/`.dockerconfigjson` secret): the base64 of `username:password` for a container registry, written by `docker login` when no credential helper is configured. It pulls and usually pushes images.',
    provider: 'Docker',
    severity: 'high',
    keywords: ['"auth"'],
    pattern: /"auth"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})"/,
    verify: isBasicAuthPair,
    remediation:
      'Revoke the password or token at the registry, delete the committed file, and configure a credential helper (`credsStore`) or CI-provided short-lived registry credentials.',
    references: ['https://docs.docker.com/reference/cli/docker/login/#credential-stores'],
    examples: {
      positive: [
        '{"auths": {"https://index.docker.io/v1/": {"auth": "YWNtZWJvdDpCckV4dm9Qc0JzWFhzUzVRSjE="}}}',
        '      "auth": "Y2krcHVzaDpLWUxOYTNGSmRXOTFxZ0szbkdHVWVVeWM="',
      ],
      negative: [
        '"auth": "dXNlcm5hbWU6cGFzc3dvcmQ="', // username:password
        '"auth": ""',
        '"auth": "c0Y0ZGZTM1ozNGM2VnFVNUdN"', // no user:password inside
        '"auth": "${REGISTRY_AUTH}"',
      ],
    },
  },
  {
    id: 'composer-http-basic-password',
    priority: -1,
    title: 'Password in Composer auth (http-basic)',
    description:
      "A password in Composer's `http-basic` authentication (`auth.json`, the `COMPOSER_AUTH` variable or `composer config http-basic.<host>`), used to download packages from private repositories such as Private Packagist, Satis or Nexus.",
    provider: 'Composer',
    severity: 'high',
    keywords: ['http-basic'],
    pattern:
      /(?:"http-basic"\s{0,4}:\s{0,4}\{[\s\S]{0,400}?"password"\s{0,4}:\s{0,4}"|http-basic\.[A-Za-z0-9.-]{1,200}[ \t]{1,4}[^\s"']{1,100}[ \t]{1,4}["']?)(?<secret>[^"'\\$%{\s][^"'\\\s]{3,200})/,
    multiline: 600,
    minEntropy: 2.5,
    remediation:
      'Change the password or revoke the token at the repository, remove `auth.json` from version control (add it to `.gitignore`), and provide `COMPOSER_AUTH` from CI secrets.',
    references: ['https://getcomposer.org/doc/articles/authentication-for-private-packages.md#http-basic'],
    examples: {
      positive: [
        '{\n  "http-basic": {\n    "repo.acme.io": {\n      "username": "deploy",\n      "password": "bdo4qs6IMqUCwQIUw6D9sZ"\n    }\n  }\n}',
        'composer config http-basic.repo.acme.io deploy bdo4qs6IMqUCwQIUw6D9sZ',
      ],
      negative: [
        '{"http-basic": {"repo.acme.io": {"username": "deploy", "password": "${COMPOSER_PASSWORD}"}}}',
        'composer config http-basic.repo.acme.io "$USER" "$PASS"',
        '{"http-basic": {"repo.acme.io": {"username": "deploy", "password": "your-password"}}}',
      ],
    },
  },
  {
    id: 'composer-github-oauth',
    priority: -1,
    title: 'GitHub token in Composer auth (github-oauth)',
    description:
      "A GitHub OAuth token (40 hexadecimal characters, the format before `ghp_`/`gho_`) in Composer's `github-oauth` settings. It carries the scopes of the user who created it — usually access to their private repositories. Prefixed GitHub tokens are reported by the GitHub detectors.",
    provider: 'Composer',
    severity: 'high',
    keywords: ['github-oauth'],
    pattern:
      /(?:"github-oauth"\s{0,4}:\s{0,4}\{\s{0,40}"[^"\s]{1,100}"\s{0,4}:\s{0,4}"|github-oauth\.[A-Za-z0-9.-]{1,100}[ \t]{1,4}["']?)(?<secret>[0-9a-f]{40})(?![A-Za-z0-9])/,
    multiline: 200,
    minEntropy: 3.0,
    remediation:
      'Revoke the token at github.com > Settings > Applications (or Developer settings > tokens), and give Composer a fine-grained read-only token through `COMPOSER_AUTH` in CI.',
    references: ['https://getcomposer.org/doc/articles/authentication-for-private-packages.md#github-oauth'],
    examples: {
      positive: [
        '{\n  "github-oauth": {\n    "github.com": "0cb699cb64a61de8354e3aa2fa1fee5c15c852aa"\n  }\n}',
        'composer config -g github-oauth.github.com 0cb699cb64a61de8354e3aa2fa1fee5c15c852aa',
      ],
      negative: [
        '{"github-oauth": {"github.com": "${GITHUB_TOKEN}"}}',
        'composer config -g github-oauth.github.com "$GITHUB_TOKEN"',
        '{"github-oauth": {"github.com": "0cb699cb64a61de8354e3aa2fa1fee5c15c852a"}}', // 39 characters
      ],
    },
  },
  {
    id: 'composer-bitbucket-oauth',
    priority: -1,
    title: 'Bitbucket OAuth consumer secret in Composer auth',
    description:
      "The `consumer-secret` of a Bitbucket OAuth consumer in Composer's `bitbucket-oauth` settings. With the consumer key it obtains access tokens to the repositories of the Bitbucket account that owns the consumer.",
    provider: 'Composer',
    severity: 'high',
    keywords: ['bitbucket-oauth'],
    pattern:
      /"bitbucket-oauth"\s{0,4}:\s{0,4}\{[\s\S]{0,300}?"consumer-secret"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9]{32})"/,
    multiline: 500,
    minEntropy: 3.5,
    remediation:
      'Delete or regenerate the OAuth consumer in Bitbucket (Workspace settings > OAuth consumers) and provide the new secret through `COMPOSER_AUTH` from CI secrets.',
    references: [
      'https://getcomposer.org/doc/articles/authentication-for-private-packages.md#bitbucket-oauth',
    ],
    examples: {
      positive: [
        '{\n  "bitbucket-oauth": {\n    "bitbucket.org": {\n      "consumer-key": "qR7vYt2LmK9pXw4Zb3",\n      "consumer-secret": "jHAi2D3ffU9MHo9N9pvGi6QqWtvXZRCP"\n    }\n  }\n}',
        '{"bitbucket-oauth": {"bitbucket.org": {"consumer-key": "k", "consumer-secret": "jHAi2D3ffU9MHo9N9pvGi6QqWtvXZRCP"}}}',
      ],
      negative: [
        '{"bitbucket-oauth": {"bitbucket.org": {"consumer-key": "k", "consumer-secret": "${BB_SECRET}"}}}',
        '{"bitbucket-oauth": {"bitbucket.org": {"consumer-key": "k", "consumer-secret": "jHAi2D3ffU9MHo9N9p"}}}',
        '{"bitbucket-oauth": {}}',
      ],
    },
  },
  {
    id: 'nuget-config-cleartext-password',
    priority: -1,
    title: 'Clear-text password in NuGet.Config',
    description:
      'A `ClearTextPassword` under `<packageSourceCredentials>` in `NuGet.Config`: the password or personal access token for a private package feed (Azure Artifacts, GitHub Packages, Artifactory, ProGet). It reads — and often publishes to — that feed.',
    provider: 'NuGet',
    severity: 'high',
    keywords: ['cleartextpassword'],
    pattern:
      /<add\s{1,4}key\s{0,2}=\s{0,2}["']ClearTextPassword["']\s{1,4}value\s{0,2}=\s{0,2}["'](?<secret>[^"'%$\s][^"']{3,200})["']/i,
    minEntropy: 2.5,
    remediation:
      'Revoke the token or change the password at the feed, remove the credentials from the committed `NuGet.Config`, and supply them at run time (`dotnet nuget update source --password` with a CI secret, or `%ENV_VAR%` references).',
    references: [
      'https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials',
    ],
    examples: {
      positive: [
        '<packageSourceCredentials>\n  <Contoso>\n    <add key="Username" value="build" />\n    <add key="ClearTextPassword" value="bdo4qs6IMqUCwQIUw6D9sZ" />',
        "<add key='ClearTextPassword' value='Rz7EsLJ4RjbPybYe' />",
      ],
      negative: [
        '<add key="ClearTextPassword" value="%NUGET_FEED_PASSWORD%" />',
        '<add key="ClearTextPassword" value="XXXXXXXXXXX" />',
        '<add key="ClearTextPassword" value="abc" />',
      ],
    },
  },
  {
    id: 'gem-credentials-api-key',
    priority: -1,
    title: 'RubyGems API key in .gem/credentials',
    description:
      "A `:rubygems_api_key:` entry of `~/.gem/credentials` holding an API key of the older unprefixed format (32 hexadecimal characters). It pushes new versions of the owner's gems. Prefixed `rubygems_` keys are reported by the RubyGems detector.",
    provider: 'RubyGems',
    severity: 'critical',
    keywords: ['rubygems_api_key'],
    pattern: /:rubygems_api_key:[ \t]{0,4}["']?(?<secret>[0-9a-f]{32})(?![A-Za-z0-9])/,
    minEntropy: 3.0,
    remediation:
      'Reset the API key at rubygems.org > Settings > API keys, remove the credentials file from the repository, and create a scoped key for CI.',
    references: ['https://guides.rubygems.org/rubygems-org-api/'],
    examples: {
      positive: [
        '---\n:rubygems_api_key: 970d509d703cdfc57dd19c49c54ad5c2\n',
        ':rubygems_api_key: "970d509d703cdfc57dd19c49c54ad5c2"',
      ],
      negative: [
        ':rubygems_api_key: <%= ENV["GEM_HOST_API_KEY"] %>',
        ':rubygems_api_key: 970d509d703cdfc57dd19c49c54ad5c',
        ':rubygems_api_key: 00000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'kubeconfig-client-key-data',
    priority: -1,
    title: 'Client private key in a kubeconfig',
    description:
      'The `client-key-data` of a kubeconfig user: a base64-encoded PEM private key. With the matching client certificate it authenticates to the Kubernetes API server as that user — often `cluster-admin` for kubeconfigs generated at cluster creation.',
    provider: 'Kubernetes',
    severity: 'critical',
    keywords: ['client-key-data'],
    pattern:
      /client-key-data["']?[ \t]{0,4}:[ \t]{0,4}["']?(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,8000}={0,2})/,
    remediation:
      "Treat the cluster credential as compromised: revoke it (for certificate users, rotate the cluster CA or remove the user's RBAC bindings, since certificates cannot be revoked individually), issue new credentials, and prefer short-lived tokens from an identity provider or `exec` plugins.",
    references: [
      'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
      'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/',
    ],
    examples: {
      positive: [
        '    client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tClhUSHdNR3VmdDh4cjVxQXBlUHI3TVBUQUVGeVpadlBqaWtlY0NjOEp6RVJrSEViRGg0czM4UUF5SG1TWFR0UDJMa0t1ajYyeGhFbkltRHVHQUFDOXNZb2lvRkVBdm4raDAxakh6aVZod3V4bXVobWthTFRZVklWOGJ3Z1dRYWt6dkIvek1iN3BmYnVVQ0VFMm40Qk8xcFAwSmdtSXFNam5pdz09Ci0tLS0tRU5EIEVDIFBSSVZBVEUgS0VZLS0tLS0K',
        '"client-key-data": "LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tClhUSHdNR3VmdDh4cjVxQXBlUHI3TVBUQUVGeVpadlBqaWtlY0NjOEp6RVJrSEViRGg0czM4UUF5SG1TWFR0UDJMa0t1ajYy"',
      ],
      negative: [
        '    client-key-data: REDACTED',
        '    client-key: /home/ci/.minikube/profiles/minikube/client.key',
        '    client-key-data: ${CLIENT_KEY_DATA}',
      ],
    },
  },
  {
    id: 'kubeconfig-user-token',
    priority: -1,
    title: 'Bearer token in a kubeconfig',
    description:
      'A `token` under a kubeconfig `users:` entry: a bearer token (service-account JWT, OpenShift `sha256~` token, static or bootstrap token) sent to the Kubernetes API server. It grants whatever RBAC the account has until the token is revoked or expires.',
    provider: 'Kubernetes',
    severity: 'high',
    keywords: ['users:'],
    // Anchored at the keyword's line: the window spans many lines, and an unanchored pattern
    // would be retried from every `users:` inside it.
    pattern:
      /^[ \t]{0,16}users:[\s\S]{0,600}?(?<![\w-])user:[\s\S]{0,150}?(?<![\w-])token:[ \t]{0,4}["']?(?<secret>[A-Za-z0-9._~+/=:-]{20,2048})/,
    multiline: 1000,
    minEntropy: 3.5,
    remediation:
      "Revoke the token (delete the service-account token Secret or the bound token's object, `oc delete oauthaccesstoken`, or rotate the static token file), remove the kubeconfig from the repository, and have CI obtain short-lived tokens through OIDC or `kubectl create token`.",
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/authentication/'],
    examples: {
      positive: [
        'users:\n- name: ci-deployer\n  user:\n    token: sha256~fhcOBXcSjLtGbPbCG2DumMIm8DZ6-qh0Y6E7Af4z8O5\n',
        'users:\n  - name: admin\n    user:\n      token: "w8fXdgUq3JzcT5VrHHU1B2pUkjoAz1id.bdV2XqH05SJQhonb"\n',
      ],
      negative: [
        'users:\n- name: ci\n  user:\n    token: ${KUBE_TOKEN}\n',
        'users:\n- name: ci\n  user:\n    client-certificate: /etc/kube/ci.crt\n',
        'users:\n- name: gke\n  user:\n    exec:\n      command: gke-gcloud-auth-plugin\n',
      ],
    },
  },
  {
    id: 's3cfg-secret-key',
    priority: -1,
    title: 'Secret key in an s3cmd configuration (.s3cfg)',
    description:
      "A `secret_key = ...` line of an `.s3cfg` file (s3cmd) or a boto-style INI file: the secret half of an AWS or S3-compatible (DigitalOcean Spaces, MinIO, Wasabi) access key, giving the key's access to buckets and often to the whole account.",
    provider: 'AWS',
    severity: 'critical',
    keywords: ['secret_key'],
    pattern: /^[ \t]{0,8}secret_key[ \t]{0,4}=[ \t]{0,4}(?<secret>[A-Za-z0-9/+]{40,64})[ \t]*\r?$/,
    minEntropy: 4.0,
    remediation:
      'Deactivate the access key at the provider (AWS IAM > Security credentials, or the Spaces/MinIO key page), create a new one kept outside the repository, and review the storage access logs for its use.',
    references: [
      'https://s3tools.org/kb/item14.htm',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    ],
    examples: {
      positive: [
        '[default]\naccess_key = AKIAZ7XK2M4Q6RJD3PVN\nsecret_key = lA457M+Th+IB1Ei7mtnh5nHBXSFX8NbZFLiLytp3\n',
        'secret_key = 0r+fSa1ArwB19A4uFuWvd15nrTZAsFfqoJiVbGcq',
      ],
      negative: [
        'secret_key = ',
        "SECRET_KEY = 'django-insecure-8f3k2m9x7q1z5v4b6n0p2r8t3w7y1u5i9o3e6a'",
        'secret_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      ],
    },
  },
  {
    id: 'wp-config-db-password',
    priority: -1,
    title: 'Database password in wp-config.php',
    description:
      "The `DB_PASSWORD` constant of a WordPress `wp-config.php`. It opens the site's MySQL database — users, password hashes, orders and content — to anyone who can reach the database server.",
    provider: 'WordPress',
    severity: 'high',
    keywords: ['db_password'],
    pattern:
      /define\(\s{0,4}(?<q1>['"])DB_PASSWORD\k<q1>\s{0,4},\s{0,16}(?<q>['"])(?<secret>[^'"\\\n]{4,200})\k<q>\s{0,4}\)/,
    verify: (s) => s !== 'password_here',
    remediation:
      "Change the MySQL user's password, update the server's `wp-config.php` from outside version control (or read it with `getenv()`), and restrict the database to connections from the web servers.",
    references: ['https://developer.wordpress.org/advanced-administration/wordpress/wp-config/'],
    examples: {
      positive: [
        "define( 'DB_PASSWORD', 'ilJBKPZLwVZFVch4ak' );",
        'define("DB_PASSWORD", "Vq7#mK2p!xR9zL");',
      ],
      negative: [
        "define( 'DB_PASSWORD', 'password_here' );",
        "define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );",
        "define( 'DB_PASSWORD', '' );",
      ],
    },
  },
  {
    id: 'wp-config-auth-salts',
    priority: -1,
    title: 'Authentication keys and salts in wp-config.php',
    description:
      "WordPress authentication keys and salts (`AUTH_KEY`, `SECURE_AUTH_SALT`, `LOGGED_IN_KEY`, `NONCE_SALT`, ...). They sign login cookies and nonces; with them and a user's password hash an attacker can forge valid session cookies.",
    provider: 'WordPress',
    severity: 'medium',
    keywords: ['auth_key', 'auth_salt', 'logged_in_key', 'logged_in_salt', 'nonce_key', 'nonce_salt'],
    pattern:
      /define\(\s{0,4}['"](?:SECURE_)?(?:AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)['"]\s{0,4},\s{0,16}(?<q>['"])(?<secret>[^'"\\\n]{32,100})\k<q>/,
    minEntropy: 4.0,
    remediation:
      'Generate new keys and salts (https://api.wordpress.org/secret-key/1.1/salt/) on the server — this logs every user out — and keep `wp-config.php` out of version control.',
    references: [
      'https://developer.wordpress.org/advanced-administration/wordpress/wp-config/#security-keys',
    ],
    examples: {
      positive: [
        "define( 'AUTH_KEY',         '5[+A:?~B8[=mcdT9%]}hpMUCJ2m#BQv3o!l;V;2c.rvw.DIQb5rOnlWIWd{/A.aL' );",
        "define('SECURE_AUTH_SALT', '9h@N~*JJfysYN#cGnfvU{j32Rhktz9R@Ii][sE@s30hJpHjOfE7x}0N@gv:6I;ok');",
      ],
      negative: [
        "define( 'AUTH_KEY',         'put your unique phrase here' );",
        "define( 'NONCE_KEY', getenv('WP_NONCE_KEY') );",
        "$auth_key = wp_salt( 'auth' );",
      ],
    },
  },
];
