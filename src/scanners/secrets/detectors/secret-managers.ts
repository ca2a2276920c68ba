import type { Severity } from '../../../core/severity.js';
import type { Detector } from '../detector.js';
import { decodeJwt, JWT_KEYWORDS, JWT_PATTERN } from './jwt.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/** `name = value`, `name: value`, `"name": "value"`, `name => value` between a credential name and its value. */
const ASSIGN = String.raw`[A-Za-z0-9_]{0,12}["']?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["']?`;
const UUID = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

const DOPPLER_REFS = [
  'https://docs.doppler.com/reference/api#authentication',
  'https://docs.doppler.com/docs/service-tokens',
];

interface DopplerKind {
  id: string;
  prefix: string;
  title: string;
  grants: string;
  severity: Severity;
  revoke: string;
  examples: [string, string];
}

function doppler(k: DopplerKind): Detector {
  const escaped = k.prefix.replaceAll('.', String.raw`\.`);
  // Service tokens carry the config name between the prefix and the secret: dp.st.prd.<secret>.
  const config = k.prefix === 'dp.st.' ? String.raw`(?:[A-Za-z0-9_-]{1,40}\.)?` : '';
  return {
    id: k.id,
    title: k.title,
    description: `A Doppler ${k.title.replace(/^Doppler /, '').toLowerCase()} (\`${k.prefix}\`). ${k.grants}`,
    provider: 'Doppler',
    severity: k.severity,
    keywords: [k.prefix],
    pattern: new RegExp(`(?<![A-Za-z0-9_.-])(?<secret>${escaped}${config}[A-Za-z0-9]{40,44})(?![A-Za-z0-9])`),
    minEntropy: 3.8,
    remediation: `${k.revoke} Then rotate the secrets the token could read if it may have been used, and review the workplace activity log.`,
    references: DOPPLER_REFS,
    examples: {
      positive: k.examples,
      negative: [
        `DOPPLER_TOKEN=${k.prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
        `DOPPLER_TOKEN=${k.prefix}${k.examples[0].slice(-43, -20)}`,
        'DOPPLER_TOKEN=${DOPPLER_TOKEN}',
      ],
    },
  };
}

const OP_SA_PAYLOAD = {
  signInAddress: 'https://acme.1password.com',
  userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: 'KOkGOUHFf13k3TgsbHtGgP' },
  email: 'ci-reader.p4xq2m7tzw@1passwordserviceaccounts.com',
  srpX: '1ae97c044d57c580b1c05e9b550aa74d9288e00a3bf17fc6d12f660c56afb48a',
  muk: {
    alg: 'A256GCM',
    ext: true,
    k: 'Jaq8Ob2XMoyX0STbG1ftzyIJqzG92LSVGtgrbeoAU2D',
    key_ops: ['encrypt', 'decrypt'],
    kty: 'oct',
    kid: 'mp',
  },
  secretKey: 'A3-AIVV64-4HXGZ2-TG97X-40X8O-JI4DO-3X2FN',
  deviceUuid: 'wpcrfmw07lb6vwtzxdaom60d1r',
};
const OP_SA_TOKEN = `ops_${Buffer.from(JSON.stringify(OP_SA_PAYLOAD)).toString('base64url')}`;
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const OP_CONNECT_TOKEN = [
  b64url({ alg: 'ES256', kid: 'i4c337n9yoasxgwi63fb3d96zk', typ: 'JWT' }),
  b64url({
    '1password.com/auuid': 'TJFW5YNTIJC3JCWDX3CGVMJBH4',
    '1password.com/token': 'zDje3fCcLqnh2ByzdX8CV6EkCWJWYH1Q',
    '1password.com/fts': ['vaultaccess'],
    '1password.com/vts': [{ u: 'fpd4uum4lrbq32po2mtvdj4sxi', a: 49152 }],
    aud: ['com.1password.connect'],
    sub: 'IHCpdqMyCcnSc1q3sZWow0VBxP',
    iat: 1714000000,
    iss: 'com.1password.b5',
    jti: 'rQhOqd1nDd8KtiojhHdwEmCRNPL0mx2e',
  }),
  'twF6nSQsMN2KJJmIwV6VWvpwmJITOaTwf6n4tEjPHhSLORrCrWOFGS7WTu1hd4kVvELq5lkFYOLSPalmdqRyoZ',
].join('.');

function decodesToJsonObject(b64: string): boolean {
  try {
    const v: unknown = JSON.parse(
      Buffer.from(b64, b64.includes('-') || b64.includes('_') ? 'base64url' : 'base64').toString('utf8'),
    );
    return v !== null && typeof v === 'object';
  } catch {
    return false;
  }
}

export const secretManagersDetectors: Detector[] = [
  doppler({
    id: 'doppler-personal-token',
    prefix: 'dp.pt.',
    title: 'Doppler personal token',
    grants:
      "It has the same read/write access as the user's Doppler account: every project, config and secret they can reach.",
    severity: 'critical',
    revoke: 'Revoke it in the Doppler dashboard (Tokens > Personal) and create a new one only where needed.',
    examples: [
      'DOPPLER_TOKEN=dp.pt.zDje3fCcLqnh2ByzdX8CV6EkCWJWYH1QK1jvlADm1DC',
      'doppler configure set token dp.pt.Jaq8Ob2XMoyX0STbG1ftzyIJqzG92LSVGtgrbeoAU2D',
    ],
  }),
  doppler({
    id: 'doppler-cli-token',
    prefix: 'dp.ct.',
    title: 'Doppler CLI token',
    grants: "Created by `doppler login`, it has the user's full read/write access to the workplace.",
    severity: 'critical',
    revoke: 'Revoke it with `doppler logout --scope /` on the machine or in the dashboard (Tokens > CLI).',
    examples: [
      'token: dp.ct.8tYkGVGsjG9PYGig26aaLbJucpqxXwHaXagIPeEYh1p',
      'DOPPLER_TOKEN="dp.ct.IHCpdqMyCcnSc1q3sZWow0VBxPId5QWGVm505gfVopO"',
    ],
  }),
  doppler({
    id: 'doppler-service-token',
    prefix: 'dp.st.',
    title: 'Doppler service token',
    grants:
      'It reads (or, with write access, changes) every secret in one project config, typically production.',
    severity: 'high',
    revoke: 'Revoke it in the project config (Access > Service Tokens) and issue a new one.',
    examples: [
      'DOPPLER_TOKEN=dp.st.prd.rQhOqd1nDd8KtiojhHdwEmCRNPL0mx2ezjOicOjddPZ',
      '--token dp.st.twF6nSQsMN2KJJmIwV6VWvpwmJITOaTwf6n4tEjPHhS',
    ],
  }),
  doppler({
    id: 'doppler-service-account-token',
    prefix: 'dp.sa.',
    title: 'Doppler service account token',
    grants:
      "It has the service account's workplace role and project permissions, often across many projects.",
    severity: 'high',
    revoke: "Revoke it on the service account's page (Team > Service Accounts > the account > API Tokens).",
    examples: [
      'DOPPLER_TOKEN=dp.sa.LORrCrWOFGS7WTu1hd4kVvELq5lkFYOLSPalmdqRyoZ',
      'doppler_token: "dp.sa.zDje3fCcLqnh2ByzdX8CV6EkCWJWYH1QK1jvlADm1DC"',
    ],
  }),
  doppler({
    id: 'doppler-scim-token',
    prefix: 'dp.scim.',
    title: 'Doppler SCIM token',
    grants:
      "It can create, change and remove the workplace's users and groups, and so grant itself access to every secret.",
    severity: 'high',
    revoke:
      'Regenerate the SCIM token in the workplace settings (Security > SCIM) and update the identity provider.',
    examples: [
      'SCIM_TOKEN=dp.scim.Jaq8Ob2XMoyX0STbG1ftzyIJqzG92LSVGtgrbeoAU2D',
      'bearer_token: dp.scim.8tYkGVGsjG9PYGig26aaLbJucpqxXwHaXagIPeEYh1p',
    ],
  }),
  doppler({
    id: 'doppler-audit-token',
    prefix: 'dp.audit.',
    title: 'Doppler audit token',
    grants: "It reads the workplace's audit data: users, projects and who accessed which secrets.",
    severity: 'medium',
    revoke: 'Revoke it in the workplace settings and create a new audit token.',
    examples: [
      'DOPPLER_AUDIT_TOKEN=dp.audit.IHCpdqMyCcnSc1q3sZWow0VBxPId5QWGVm505gfVopO',
      'token: "dp.audit.rQhOqd1nDd8KtiojhHdwEmCRNPL0mx2ezjOicOjddPZ"',
    ],
  }),
  {
    id: 'onepassword-service-account-token',
    title: '1Password service account token',
    description:
      'A 1Password service account token (`ops_` followed by base64-encoded JSON). It signs in to 1Password without a person and reads (or writes) every item in the vaults the service account was granted.',
    provider: '1Password',
    severity: 'critical',
    keywords: ['ops_eyj'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ops_eyJ[A-Za-z0-9+/_=-]{100,4000})(?![A-Za-z0-9+/_=-])/,
    minEntropy: 4.0,
    verify: (secret) => (decodesToJsonObject(secret.slice(4)) ? true : 'low'),
    remediation:
      "Revoke the token on the service account's page in 1Password (Developer > Directory > the service account > Revoke token), create a new token with the fewest vaults and an expiry, and check the account's usage report.",
    references: [
      'https://developer.1password.com/docs/service-accounts/',
      'https://developer.1password.com/docs/service-accounts/manage-service-accounts/',
    ],
    examples: {
      positive: [
        `OP_SERVICE_ACCOUNT_TOKEN=${OP_SA_TOKEN}`,
        `export OP_SERVICE_ACCOUNT_TOKEN="${OP_SA_TOKEN}"`,
      ],
      negative: [
        'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...',
        'OP_SERVICE_ACCOUNT_TOKEN=${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}',
        `OP_SERVICE_ACCOUNT_TOKEN=ops_${'A'.repeat(120)}`,
      ],
    },
  },
  {
    id: 'onepassword-connect-token',
    title: '1Password Connect server token',
    description:
      "An access token for a 1Password Connect server (a JWT with `1password.com/` claims). With the Connect server's address it reads, and if granted writes, the items of the vaults listed in the token.",
    provider: '1Password',
    severity: 'high',
    keywords: [...JWT_KEYWORDS, 'eyixcgfzc3dvcmquy29tl'],
    pattern: JWT_PATTERN,
    verify: (secret) => {
      const jwt = decodeJwt(secret);
      return jwt !== undefined && Object.keys(jwt.payload).some((k) => k.startsWith('1password.com/'));
    },
    remediation:
      "Revoke the token in 1Password (Developer > Directory > the Connect server > the token > Revoke), issue a new token limited to the needed vaults, and keep it in the platform's secret store.",
    references: ['https://developer.1password.com/docs/connect/manage-connect/'],
    examples: {
      positive: [`OP_CONNECT_TOKEN=${OP_CONNECT_TOKEN}`, `token: "${OP_CONNECT_TOKEN}"`],
      negative: [
        'OP_CONNECT_TOKEN=eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.<payload>.<signature>',
        `OP_CONNECT_TOKEN=${b64url({ alg: 'HS256' })}.${b64url({ sub: 'svc', iat: 1714000000 })}.7xP8ZzlhOjfp-71QVQ7oOcU3Evh68-Z-eERzpQSim_8`,
        'OP_CONNECT_TOKEN=${OP_CONNECT_TOKEN}',
      ],
    },
  },
  {
    id: 'onepassword-secret-key',
    title: '1Password account Secret Key',
    description:
      'A 1Password account Secret Key (`A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX`). It is one of the two factors that decrypt a 1Password account; with the account password (often stored or reused nearby) it opens every vault of the user.',
    provider: '1Password',
    severity: 'medium',
    keywords: ['a3-'],
    pattern:
      /(?<![A-Za-z0-9-])(?<secret>A3-[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9-])/,
    minEntropy: 3.5,
    // 1Password's own documentation example.
    verify: (secret) => secret !== 'A3-ASWWYB-798JRY-LJVD4-23DC2-86TVM-H43EB',
    remediation:
      'Generate a new Secret Key for the account (1Password.com > your name > My Profile > Generate New Secret Key), change the account password, and sign in again on every device.',
    references: ['https://support.1password.com/secret-key/'],
    examples: {
      positive: [
        'OP_SECRET_KEY=A3-AIVV64-4HXGZ2-TG97X-40X8O-JI4DO-3X2FN',
        '"secretKey": "A3-4HXGZ2-AIVV64-JI4DO-3X2FN-TG97X-40X8O"',
      ],
      negative: [
        'Secret Key: A3-ASWWYB-798JRY-LJVD4-23DC2-86TVM-H43EB',
        'OP_SECRET_KEY=A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
        'id: 4fa3-b1c2-d3e4',
      ],
    },
  },
  {
    id: 'infisical-service-token',
    title: 'Infisical service token',
    description:
      'An Infisical service token (`st.<id>.<hex>.<hex>`), usually in `INFISICAL_TOKEN`. It reads, and if granted writes, the secrets of one project environment and path.',
    provider: 'Infisical',
    severity: 'high',
    keywords: ['infisical'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>st\.[0-9a-f-]{24,36}\.[0-9a-f]{32}\.[0-9a-f]{32})(?![A-Za-z0-9])/,
    remediation:
      'Delete the token in the Infisical project (Project settings > Service tokens), and move to machine identities with Universal Auth or a native auth method, whose tokens are short-lived.',
    references: ['https://infisical.com/docs/documentation/platform/token'],
    examples: {
      positive: [
        'INFISICAL_TOKEN=st.7ea6ea59-760a-4a2c-99d8-a0f61ff82238.c1574633406ef0e7148fe302f39bd014.f70d6b83584fb0ec2ad3bf12cc3495ed',
        'infisical run --token=st.79a219e28cd57a568eef3e3b.f70d6b83584fb0ec2ad3bf12cc3495ed.c1574633406ef0e7148fe302f39bd014 -- npm start',
      ],
      negative: [
        'INFISICAL_TOKEN=st.xxx',
        'INFISICAL_TOKEN=st.your-token-here',
        'INFISICAL_TOKEN=st.xxxx.yyyy.zzzz',
      ],
    },
  },
  {
    id: 'infisical-client-secret',
    title: 'Infisical machine identity client secret',
    description:
      'An Infisical Universal Auth client secret (64 hexadecimal characters) assigned to an Infisical client secret variable. With the client ID it logs in as the machine identity and reads the secrets of every project it belongs to.',
    provider: 'Infisical',
    severity: 'high',
    confidence: 'medium',
    keywords: ['infisical'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])infisical[A-Za-z0-9_.-]{0,40}?client_?secret${ASSIGN}(?<secret>[a-f0-9]{64})(?![A-Za-z0-9])`,
      'i',
    ),
    remediation:
      'Revoke the client secret on the machine identity (Access control > Identities > the identity > Universal Auth > Client secrets) and create a new one with a TTL and usage limit.',
    references: ['https://infisical.com/docs/documentation/platform/identities/universal-auth'],
    examples: {
      positive: [
        'INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=1ae97c044d57c580b1c05e9b550aa74d9288e00a3bf17fc6d12f660c56afb48a',
        'infisical_client_secret: "1ae97c044d57c580b1c05e9b550aa74d9288e00a3bf17fc6d12f660c56afb48a"',
      ],
      negative: [
        'INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=${INFISICAL_CLIENT_SECRET}',
        'INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=7ea6ea59-760a-4a2c-99d8-a0f61ff82238',
        'INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=<client-secret>',
      ],
    },
  },
  {
    id: 'akeyless-access-key',
    title: 'Akeyless access key',
    description:
      "An Akeyless API access key (base64) assigned to an Akeyless access key variable. With its access ID (`p-...`) it authenticates to Akeyless with the role's permissions on secrets, keys and targets.",
    provider: 'Akeyless',
    severity: 'high',
    confidence: 'medium',
    keywords: ['akeyless'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])akeyless[A-Za-z0-9_.-]{0,24}?access_?key${ASSIGN}(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`,
      'i',
    ),
    minEntropy: 4.0,
    remediation:
      'Reset the access key of the API Key auth method in the Akeyless console (Auth Methods > the method > Reset access key), and prefer cloud identity or Kubernetes auth methods that need no stored key.',
    references: ['https://docs.akeyless.io/docs/api-key'],
    examples: {
      positive: [
        'AKEYLESS_ACCESS_KEY=KOkGOUHFf13k3TgsbHtGgPz7jtBWCtn/pMgM63hJuqL=',
        'akeyless_access_key: "KOkGOUHFf13k3TgsbHtGgPz7jtBWCtn/pMgM63hJuqL="',
      ],
      negative: [
        'AKEYLESS_ACCESS_KEY=${AKEYLESS_ACCESS_KEY}',
        'AKEYLESS_ACCESS_ID=p-q8v3k1d0m2h7',
        'AKEYLESS_ACCESS_KEY=<access-key>',
      ],
    },
  },
  {
    id: 'pulumi-access-token',
    title: 'Pulumi access token',
    description:
      'A Pulumi Cloud access token (`pul-`). It acts as the user, team or organisation it belongs to: reading stack state and outputs (which include decrypted-on-demand secrets), running updates and managing Pulumi ESC environments.',
    provider: 'Pulumi',
    severity: 'high',
    keywords: ['pul-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pul-[a-f0-9]{40})(?![A-Za-z0-9_-])/,
    remediation:
      'Delete the token in Pulumi Cloud (Personal / Organization / Team access tokens page), review the organisation audit log, and use OIDC-issued short-lived tokens for CI.',
    references: ['https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/'],
    examples: {
      positive: [
        'PULUMI_ACCESS_TOKEN=pul-885c53313a4c34e3fb96d2802775cf81701da660',
        'pulumi login --token pul-418473e7905fcb28df4d1d5a8a8e953b81c0158a',
      ],
      negative: [
        'PULUMI_ACCESS_TOKEN=pul-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'PULUMI_ACCESS_TOKEN=pul-885c53313a4c34e3fb96',
        'PULUMI_ACCESS_TOKEN=${{ secrets.PULUMI_ACCESS_TOKEN }}',
      ],
    },
  },
  {
    id: 'bitwarden-secrets-manager-access-token',
    title: 'Bitwarden Secrets Manager access token',
    description:
      'A Bitwarden Secrets Manager machine account access token (`0.<uuid>.<secret>:<key>`). It contains both the client secret and the decryption key, so it reads every secret the machine account can access.',
    provider: 'Bitwarden',
    severity: 'high',
    keywords: ['bws_', 'bws-', 'bitwarden', 'bw_access_token', '--access-token'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9.])(?<secret>0\.${UUID}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)(?![A-Za-z0-9+/=])`,
    ),
    remediation:
      'Revoke the access token in the Bitwarden web vault (Secrets Manager > Machine accounts > the account > Access tokens > Revoke) and create a new one with an expiry.',
    references: [
      'https://bitwarden.com/help/access-tokens/',
      'https://bitwarden.com/help/secrets-manager-cli/',
    ],
    examples: {
      positive: [
        'BWS_ACCESS_TOKEN=0.a2f926b8-c9f1-44d7-996c-ad9d662a99c6.GidWUWjNx37ok7ViESAIiqcOklsLpx:EOYbbyTmAqAUAUu+uw72BB==',
        'bws secret list --access-token 0.ecf5a385-7c23-4c45-b00f-a7ffe86923a6.GidWUWjNx37ok7ViESAIiqcOklsLpx:EOYbbyTmAqAUAUu+uw72BB==',
      ],
      negative: [
        'BWS_ACCESS_TOKEN=0.<access-token-id>.<client-secret>:<encryption-key>',
        'BWS_ACCESS_TOKEN=0.uuid.secret:key==',
        'BWS_ACCESS_TOKEN=0.a2f926b8-c9f1-44d7-996c-ad9d662a99c6.GidWUWjNx37ok7ViESAIiqcOklsLpx',
      ],
    },
  },
  {
    id: 'cyberark-conjur-api-key',
    title: 'CyberArk Conjur API key',
    description:
      'A CyberArk Conjur API key (50-60 lower-case alphanumerics) assigned to a Conjur API key variable (`CONJUR_AUTHN_API_KEY`). It authenticates the host or user to Conjur and retrieves every secret its policy permits.',
    provider: 'CyberArk',
    severity: 'high',
    confidence: 'medium',
    keywords: ['conjur'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])conjur[A-Za-z0-9_.-]{0,24}?api_?key${ASSIGN}(?<secret>[a-z0-9]{50,60})(?![A-Za-z0-9])`,
      'i',
    ),
    verify: (secret) => /^[a-z0-9]+$/.test(secret),
    minEntropy: 4.0,
    remediation:
      'Rotate the API key (`conjur host rotate-api-key -i <host>` or `conjur user rotate-api-key`), and prefer the Kubernetes, JWT or cloud authenticators over stored API keys.',
    references: ['https://www.rubydoc.info/gems/conjur-api/Conjur/ActsAsUser'],
    examples: {
      positive: [
        'CONJUR_AUTHN_API_KEY=wpcrfmw07lb6vwtzxdaom60d1rjr6f9ba7246mct8p3kpch0hc66a7y',
        'conjur_api_key: "i4c337n9yoasxgwi63fb3d96zk5of7smcki7mq6hx3nhul0xegdsm"',
      ],
      negative: [
        'CONJUR_AUTHN_API_KEY=${CONJUR_AUTHN_API_KEY}',
        'CONJUR_AUTHN_LOGIN=host/ci/jenkins',
        'CONJUR_AUTHN_API_KEY=WPCRFMW07LB6VWTZXDAOM60D1RJR6F9BA7246MCT8P3KPCH0HC66A7Y',
      ],
    },
  },
];
