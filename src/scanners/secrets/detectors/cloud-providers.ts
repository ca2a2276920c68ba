import type { Detector } from '../detector.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/** `name = value`, `name: value`, `"name": "value"`, `name => value` between a credential name and its value. */
const ASSIGN = String.raw`[A-Za-z0-9_]{0,12}["']?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["']?`;
const UUID = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

/**
 * A value assigned to a provider-specific name: one of `names`, up to 24 more name characters,
 * then one of `kinds` (`token`, `api_key`, ...), then the assignment. Case-insensitive.
 */
function named(names: string, kinds: string, value: string, end = `(?![A-Za-z0-9_-])`): RegExp {
  return new RegExp(
    `(?<![A-Za-z0-9])(?:${names})[A-Za-z0-9_.-]{0,24}?(?:${kinds})${ASSIGN}(?<secret>${value})${end}`,
    'i',
  );
}

/** A prefixed token bounded on both sides. */
function prefixed(body: string, before = 'A-Za-z0-9_', after = 'A-Za-z0-9_'): RegExp {
  return new RegExp(`(?<![${before}])(?<secret>${body})(?![${after}])`);
}

const DO_ROTATE =
  "Delete the token in the DigitalOcean control panel (API > Tokens, or Settings > Applications & API for OAuth authorisations), create a scoped replacement with an expiry if still needed, and review the team's security history for actions taken with it.";
const CF_TOKEN_ROTATE =
  'Roll or delete the token in the Cloudflare dashboard (My Profile > API Tokens for user tokens, Manage Account > API Tokens for account tokens) and check the audit log; create replacements with the narrowest permissions, zone/account resources and client IP filtering.';
const CF_GLOBAL_ROTATE =
  "Change the Global API Key (My Profile > API Tokens > Global API Key > Change), review the account audit log, and move automation to scoped API tokens: the global key has all of the user's permissions on every account and zone.";

export const cloudProvidersDetectors: Detector[] = [
  {
    id: 'digitalocean-personal-access-token',
    title: 'DigitalOcean personal access token',
    description:
      "A DigitalOcean personal access token (`dop_v1_`). With read/write or full-access scopes it controls the team's droplets, Kubernetes clusters, databases, Spaces keys and DNS.",
    provider: 'DigitalOcean',
    severity: 'critical',
    keywords: ['dop_v1_'],
    pattern: prefixed('dop_v1_[a-f0-9]{64}'),
    remediation: DO_ROTATE,
    references: ['https://docs.digitalocean.com/reference/api/create-personal-access-token/'],
    examples: {
      positive: [
        'DIGITALOCEAN_TOKEN=dop_v1_8620b4256070e3dbff4b63e68e1835567c02f237d291ca4ac602b9a8b6d77b51',
        'token: "dop_v1_b577ba1380377ad46a0c6e863719b23372083662a0b3d58a45c71af419719e62"',
      ],
      negative: [
        'DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'DIGITALOCEAN_TOKEN=dop_v1_8620b4256070e3dbff4b63e68e1835567c02f237d291ca4ac602b9a8b6d77b5', // 63
        'DIGITALOCEAN_TOKEN=${DIGITALOCEAN_TOKEN}',
      ],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    title: 'DigitalOcean OAuth access token',
    description:
      "A DigitalOcean OAuth access token (`doo_v1_`) issued to an application; it acts on the authorising team's resources with the granted scope.",
    provider: 'DigitalOcean',
    severity: 'high',
    keywords: ['doo_v1_'],
    pattern: prefixed('doo_v1_[a-f0-9]{64}'),
    remediation: DO_ROTATE,
    references: ['https://docs.digitalocean.com/reference/api/oauth/'],
    examples: {
      positive: [
        '"access_token": "doo_v1_4996221186c031f48d7a66cdd3c965616f7a7a9a27fcc09ef841948efbc2f0f0"',
        'DO_OAUTH_TOKEN=doo_v1_0d0cc4973f49f95e9509dd740cecbcd255e0f5f6da52fa5122ab38d6b5d307c0',
      ],
      negative: [
        '"access_token": "doo_v1_<token>"',
        'DO_OAUTH_TOKEN=doo_v1_4996221186c031f48d7a66cdd3c965616f7a7a9a',
        'DO_OAUTH_TOKEN=doo_v2_4996221186c031f48d7a66cdd3c965616f7a7a9a27fcc09ef841948efbc2f0f0',
      ],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    title: 'DigitalOcean OAuth refresh token',
    description:
      'A DigitalOcean OAuth refresh token (`dor_v1_`). It mints new access tokens for the authorising team until the authorisation is revoked.',
    provider: 'DigitalOcean',
    severity: 'high',
    keywords: ['dor_v1_'],
    pattern: prefixed('dor_v1_[a-f0-9]{64}'),
    remediation: DO_ROTATE,
    references: ['https://docs.digitalocean.com/reference/api/oauth/'],
    examples: {
      positive: [
        '"refresh_token": "dor_v1_4996221186c031f48d7a66cdd3c965616f7a7a9a27fcc09ef841948efbc2f0f0"',
        'DO_REFRESH_TOKEN=dor_v1_5862d529e6cf1a466812184c5506e0306d9b06549aa0163d55a594af7d97ee96',
      ],
      negative: [
        '"refresh_token": "dor_v1_..."',
        'DO_REFRESH_TOKEN=dor_v1_5862d529e6cf1a466812184c5506e0306d9b06549aa0163d55a594af7d97ee96ff',
        'DO_REFRESH_TOKEN=${DO_REFRESH}',
      ],
    },
  },
  {
    id: 'digitalocean-token-legacy',
    title: 'DigitalOcean API token (legacy format)',
    description:
      "A 64-character hexadecimal DigitalOcean API token from before the `dop_v1_` prefix, assigned to a DigitalOcean token variable (`DIGITALOCEAN_TOKEN`, `DO_TOKEN`, doctl configuration). It controls the team's infrastructure.",
    provider: 'DigitalOcean',
    severity: 'critical',
    confidence: 'medium',
    keywords: [
      'digitalocean',
      'digital_ocean',
      'do_token',
      'do_api_token',
      'do_access_token',
      'do_auth_token',
      'doctl',
    ],
    pattern: named(
      `digital_?ocean[A-Za-z0-9_.-]{0,24}?(?:token|api_?key|access_?token)|do_(?:api_|access_|auth_)?token|doctl[A-Za-z0-9_.-]{0,12}?token`,
      '',
      '[a-f0-9]{64}',
    ),
    remediation: DO_ROTATE,
    references: ['https://docs.digitalocean.com/reference/api/create-personal-access-token/'],
    examples: {
      positive: [
        'DIGITALOCEAN_ACCESS_TOKEN=7389d77d0a2d20f4c71b955aef415fcab6dc90b3f5edcdafd3ab1c86ecc81a9d',
        'do_token = "aa322f7febf1553d04f8e4a325bf7423b0edd8a6f12eec3d2fa8e6db3d80ca0f"',
      ],
      negative: [
        'DIGITALOCEAN_ACCESS_TOKEN=${DIGITALOCEAN_ACCESS_TOKEN}',
        'download_token = "7389d77d0a2d20f4c71b955aef415fcab6dc90b3f5edcdafd3ab1c86ecc81a9d"',
        'DIGITALOCEAN_ACCESS_TOKEN=0000000000000000000000000000000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'alibaba-access-key-id',
    title: 'Alibaba Cloud AccessKey ID',
    description:
      "An Alibaba Cloud (Aliyun) AccessKey ID (`LTAI`). It identifies a RAM user's or the root account's key pair; together with its AccessKey secret, usually nearby, it grants that identity's cloud permissions.",
    provider: 'Alibaba Cloud',
    severity: 'high',
    keywords: ['ltai'],
    pattern: prefixed('LTAI[A-Za-z0-9]{12,20}', 'A-Za-z0-9', 'A-Za-z0-9'),
    minEntropy: 3.3,
    remediation:
      'Disable and then delete the AccessKey pair in the RAM console (Identities > Users > the user > AccessKey), create a new pair for a least-privilege RAM user if still needed, and review ActionTrail for its use. Never use root account AccessKeys.',
    references: ['https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair'],
    examples: {
      positive: [
        'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIeeFIIhrNW5c9jMmAMqS0',
        'accessKeyId: "LTAIX5xw78HBP6Ntg5JuPGTJ"',
      ],
      negative: [
        'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxx',
        'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tXX',
        'const SALTAIR = 1;',
      ],
    },
  },
  {
    id: 'alibaba-access-key-secret',
    title: 'Alibaba Cloud AccessKey secret',
    description:
      'An Alibaba Cloud AccessKey secret (30 characters) assigned to an Aliyun / Alibaba Cloud secret or `access_key_secret` variable. With its AccessKey ID it signs API requests as the RAM user or root account.',
    provider: 'Alibaba Cloud',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['aliyun', 'alibaba', 'alicloud', 'accesskeysecret', 'access_key_secret', 'access-key-secret'],
    pattern: named(
      `ali(?:yun|baba|cloud)[A-Za-z0-9_.-]{0,30}?(?:secret|key_?secret)|access[_-]?key[_-]?secret`,
      '',
      '[A-Za-z0-9]{30}',
      '(?![A-Za-z0-9])',
    ),
    minEntropy: 3.5,
    remediation:
      'Disable and delete the AccessKey pair in the RAM console, create a replacement for a least-privilege RAM user if needed (or use STS / RAM roles instead), and review ActionTrail for its use.',
    references: ['https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair'],
    examples: {
      positive: [
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=EFihvE6YT0fvrZsMWuBvvFkkQjxsXA',
        'aliyun_access_key_secret: "GnH8ldmt7I8PcL1qXX4sUrQRcf9HwZ"',
        'accessKeySecret = "EFihvE6YT0fvrZsMWuBvvFkkQjxsXA"',
      ],
      negative: [
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=${ALIBABA_CLOUD_ACCESS_KEY_SECRET}',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=your_access_key_secret_here_xx',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=EFihvE6YT0fvrZsMWuBvvFkkQjxsX', // 29
      ],
    },
  },
  {
    id: 'ibm-cloud-api-key',
    title: 'IBM Cloud API key',
    description:
      "An IBM Cloud IAM API key (44 characters) assigned to an IBM Cloud API key variable (`IBMCLOUD_API_KEY`, `IC_API_KEY`, ...). It exchanges for IAM tokens with all of the user's or service ID's access across the account.",
    provider: 'IBM Cloud',
    severity: 'critical',
    confidence: 'medium',
    keywords: [
      'ibm_api',
      'ibm-api',
      'ibmapi',
      'ibmcloud_api',
      'ibmcloudapi',
      'ibmcloud-api',
      'ibm_cloud_api',
      'ibm-cloud-api',
      'ic_api_key',
    ],
    pattern: named(`ibm[_-]?(?:cloud[_-]?)?api[_-]?key|ic_api_key`, '', '[A-Za-z0-9_-]{44}'),
    minEntropy: 4.0,
    remediation:
      'Delete the API key (Manage > Access (IAM) > API keys, or `ibmcloud iam api-key-delete`), check the Activity Tracker / audit events for its use, and prefer trusted profiles or service IDs with minimal access.',
    references: ['https://cloud.ibm.com/docs/account?topic=account-userapikey'],
    examples: {
      positive: [
        'IBMCLOUD_API_KEY=YtxsDgRAYVdrKH430b0S8ea1fUVHD56ouYHG3CZRX-Ob',
        'ibm_api_key: "Dv3vGWRgTNJ6xXCPrtjimGp0iMe7zV6YbgEr8U7EFlsl"',
      ],
      negative: [
        'IBMCLOUD_API_KEY=<your-ibm-cloud-api-key>',
        'IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}',
        'IBMCLOUD_API_KEY=YtxsDgRAYVdrKH430b0S8ea1fUVHD56ouYHG3CZRX-ObZZ',
      ],
    },
  },
  {
    id: 'linode-api-token',
    title: 'Linode (Akamai Cloud) API token',
    description:
      "A Linode personal access token (64 hexadecimal characters) assigned to a Linode token variable (`LINODE_TOKEN`, `LINODE_CLI_TOKEN`, Terraform `linode_token`). With read/write scopes it controls the account's instances, volumes, Kubernetes clusters and object storage.",
    provider: 'Linode',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['linode'],
    pattern: named('linode', `token|pat|api_?key`, '[a-f0-9]{64}'),
    remediation:
      "Revoke the token in Cloud Manager (My Profile > API Tokens > Revoke), create a replacement with minimal scopes and an expiry, and review the account's events and logins.",
    references: ['https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens'],
    examples: {
      positive: [
        'LINODE_TOKEN=5862d529e6cf1a466812184c5506e0306d9b06549aa0163d55a594af7d97ee96',
        'linode_token = "7389d77d0a2d20f4c71b955aef415fcab6dc90b3f5edcdafd3ab1c86ecc81a9d"',
      ],
      negative: [
        'LINODE_TOKEN=${LINODE_TOKEN}',
        'LINODE_TOKEN=<token>',
        'linode_region = "5862d529e6cf1a466812184c5506e0306d9b06549aa0163d55a594af7d97ee96"',
      ],
    },
  },
  {
    id: 'scaleway-secret-key',
    title: 'Scaleway API secret key',
    description:
      'A Scaleway API secret key (a UUID) assigned to `SCW_SECRET_KEY` or a Scaleway secret variable. With its `SCW...` access key it authenticates as the IAM application or user, typically with project- or organisation-wide permissions.',
    provider: 'Scaleway',
    severity: 'critical',
    keywords: ['scw_secret_key', 'scaleway'],
    pattern: named(`scw_secret_key|scaleway[A-Za-z0-9_.-]{0,24}?secret`, '', UUID, '(?![A-Za-z0-9-])'),
    remediation:
      'Delete the API key in the Scaleway console (IAM > API keys), create a replacement bound to an IAM application with a minimal policy, and check the audit trail.',
    references: ['https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/'],
    examples: {
      positive: [
        'SCW_SECRET_KEY=dde6d2ef-05cc-4a5a-a429-d763008149f2',
        'scaleway_secret_key: "65bba08f-3900-4aae-9bc3-a7dd0d24a1ca"',
      ],
      negative: [
        'SCW_SECRET_KEY=00000000-0000-0000-0000-000000000000',
        'SCW_SECRET_KEY=${SCW_SECRET_KEY}',
        'SCW_DEFAULT_PROJECT_ID=dde6d2ef-05cc-4a5a-a429-d763008149f2',
      ],
    },
  },
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    description:
      "A Heroku Platform API key or OAuth token in the `HRKU-` format. It acts as the user on every app they can access: deploying code, reading config vars (which hold the apps' other secrets) and managing add-ons.",
    provider: 'Heroku',
    severity: 'high',
    keywords: ['hrku-'],
    pattern: prefixed('HRKU-[A-Za-z0-9_-]{60}', 'A-Za-z0-9_-', 'A-Za-z0-9_-'),
    minEntropy: 4.0,
    remediation:
      'Regenerate the API key (Account settings > API Key > Regenerate) or revoke the authorisation (`heroku authorizations:revoke ID`), then review app activity and rotate config vars the token could read.',
    references: ['https://devcenter.heroku.com/articles/authentication'],
    examples: {
      positive: [
        'HEROKU_API_KEY=HRKU-AArnwlsXqRZrUMWk5IiflotiAf8iL52jQ-FlYA8dh2CaYyWFqwLykmmyZp2a',
        'password HRKU-AA9T0-3YpvjH_G3NVnvGkmJvN4NxFuariyETddslqK8_bEA9gDGjHnueTzhf',
      ],
      negative: [
        'HEROKU_API_KEY=HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'HEROKU_API_KEY=HRKU-AArnwlsXqRZrUMWk5Iiflot',
        'HEROKU_API_KEY=${HEROKU_API_KEY}',
      ],
    },
  },
  {
    id: 'heroku-api-key-legacy',
    title: 'Heroku API key (UUID format)',
    description:
      'A Heroku API key or OAuth token in the older UUID format, assigned to a Heroku key variable or stored as the `api.heroku.com` password in `.netrc`. It acts as the user on all of their apps.',
    provider: 'Heroku',
    severity: 'high',
    confidence: 'medium',
    keywords: ['heroku'],
    pattern: new RegExp(
      String.raw`(?:(?<![A-Za-z0-9])heroku[A-Za-z0-9_.-]{0,24}?(?:api_?key|token|auth|password)${ASSIGN}|machine\s{1,4}(?:api|git)\.heroku\.com[\s\S]{0,200}?password\s{1,4})(?<secret>${UUID})(?![A-Za-z0-9-])`,
      'i',
    ),
    multiline: 300,
    remediation:
      'Regenerate the API key (Account settings > API Key) or revoke the authorisation (`heroku authorizations:revoke ID`), and remove the credential from the file.',
    references: ['https://devcenter.heroku.com/articles/authentication'],
    examples: {
      positive: [
        'HEROKU_API_KEY=76f0ebe6-810b-4de2-898a-0a2d3aeb3fb9',
        'machine api.heroku.com\n  login ops@acme.io\n  password f0fb3449-6b32-4551-9c2e-a23ce1f2f5fc',
      ],
      negative: [
        'HEROKU_API_KEY=${HEROKU_API_KEY}',
        'HEROKU_APP_ID=76f0ebe6-810b-4de2-898a-0a2d3aeb3fb9',
        '"url":"https://data-api.heroku.com/dataclips/x.json","creator_id":"4ab57bec-fcfa-4f50-93f0-f2153480633a"',
      ],
    },
  },
  {
    id: 'vercel-token',
    title: 'Vercel access token or API key',
    description:
      'A Vercel credential in the prefixed format: personal access token (`vcp_`), integration token (`vci_`), app access or refresh token (`vca_`, `vcr_`) or API key such as an AI Gateway key (`vck_`). Tokens can deploy, read project environment variables (and so every backend secret stored there) and manage domains.',
    provider: 'Vercel',
    severity: 'high',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    pattern: prefixed('vc[pciark]_[A-Za-z0-9]{20,64}'),
    minEntropy: 3.8,
    remediation:
      'Delete the token at https://vercel.com/account/tokens (or the integration / app authorisation, or the API key in the team settings), create a scoped replacement with an expiry, and rotate environment variables the token could read.',
    references: [
      'https://vercel.com/docs/accounts/access-tokens',
      'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
    ],
    examples: {
      positive: [
        'VERCEL_TOKEN=vcp_SexDMQt6PwWXpNTZJfzicqjBHaYpAP1Q7IpyXv8h',
        'AI_GATEWAY_API_KEY="vck_LX2CDIzm3JzTThiEqWXYE1fYzx16I1po5DZtL7c4"',
      ],
      negative: [
        'VERCEL_TOKEN=vcp_xxxxxxxxxxxxxxxxxxxxxxxx',
        'VERCEL_TOKEN=vcp_SexDMQt6PwWX',
        'const vcr_cassette_dir = "fixtures/cassettes";',
      ],
    },
  },
  {
    id: 'vercel-token-legacy',
    title: 'Vercel access token (legacy format)',
    description:
      'A 24-character Vercel access token from before prefixed tokens, assigned to a Vercel token variable. It can deploy and read project environment variables.',
    provider: 'Vercel',
    severity: 'high',
    confidence: 'medium',
    keywords: ['vercel'],
    pattern: named('vercel', `token|api_?key|auth`, '[A-Za-z0-9]{24}', '(?![A-Za-z0-9_-])'),
    minEntropy: 3.8,
    remediation:
      'Delete the token at https://vercel.com/account/tokens and create a scoped replacement with an expiry.',
    references: ['https://vercel.com/docs/accounts/access-tokens'],
    examples: {
      positive: ['VERCEL_TOKEN=SexDMQt6PwWXpNTZJfzicqjB', 'vercel_api_token: "LX2CDIzm3JzTThiEqWXYE1fY"'],
      negative: [
        'VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}',
        'VERCEL_TOKEN=your-vercel-token-here',
        'VERCEL_ORG_ID=team_SexDMQt6PwWXpNTZJfzicqjB',
      ],
    },
  },
  {
    id: 'netlify-access-token',
    title: 'Netlify personal access token',
    description:
      "A Netlify personal access token (`nfp_`). It has full API access to the user's teams and sites: deploys, environment variables, forms and DNS.",
    provider: 'Netlify',
    severity: 'high',
    keywords: ['nfp_'],
    pattern: prefixed('nfp_[A-Za-z0-9]{36,40}'),
    minEntropy: 3.8,
    remediation:
      'Delete the token in Netlify (User settings > Applications > Personal access tokens), create a replacement with an expiry, and review the team audit log and site environment variables.',
    references: ['https://docs.netlify.com/api/get-started/#authentication'],
    examples: {
      positive: [
        'NETLIFY_AUTH_TOKEN=nfp_5rD9ZJ5ALyzA7Q5d7dv4rDOSjWrkojN61aW9',
        'netlify deploy --auth nfp_JEAJxnM18OzK5Ngu3tgv9PRC7QqE3KOSALVJ',
      ],
      negative: [
        'NETLIFY_AUTH_TOKEN=nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'NETLIFY_AUTH_TOKEN=nfp_5rD9ZJ5ALyzA7Q5d7',
        'const nfp_interface = loadInterface();',
      ],
    },
  },
  {
    id: 'netlify-access-token-legacy',
    title: 'Netlify access token (legacy format)',
    description:
      "A Netlify access token without the `nfp_` prefix (43 URL-safe or 64 hexadecimal characters) assigned to a Netlify token variable. It has API access to the user's sites.",
    provider: 'Netlify',
    severity: 'high',
    confidence: 'medium',
    keywords: ['netlify'],
    pattern: named('netlify', `token|auth|api_?key|pat`, '[A-Za-z0-9_-]{43}|[a-f0-9]{64}'),
    minEntropy: 3.8,
    remediation:
      'Delete the token in Netlify (User settings > Applications > Personal access tokens) and create a replacement with an expiry.',
    references: ['https://docs.netlify.com/api/get-started/#authentication'],
    examples: {
      positive: [
        'NETLIFY_AUTH_TOKEN=v-E1YozuBVmE3hm8D13f3AAwDlaKYFOhokIboh5IEDf',
        'netlify_token: "b577ba1380377ad46a0c6e863719b23372083662a0b3d58a45c71af419719e62"',
      ],
      negative: [
        'NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}',
        'NETLIFY_SITE_ID=v-E1YozuBVmE3hm8D13f3AAwDlaKYFOhokIboh5IEDf',
        'NETLIFY_AUTH_TOKEN=nfp_5rD9ZJ5ALyzA7Q5d7dv4rDOSjWrkojN61aW9',
      ],
    },
  },
  {
    id: 'cloudflare-api-token',
    title: 'Cloudflare API token',
    description:
      'A Cloudflare user API token (`cfut_`) or account API token (`cfat_`). It has the permissions it was created with, commonly DNS edit, Workers deploy or zone settings, which is enough to hijack traffic for the zones it covers.',
    provider: 'Cloudflare',
    severity: 'high',
    keywords: ['cfut_', 'cfat_'],
    pattern: prefixed('cf(?:ut|at)_[A-Za-z0-9]{40}[a-f0-9]{8}'),
    minEntropy: 3.8,
    remediation: CF_TOKEN_ROTATE,
    references: ['https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/'],
    examples: {
      positive: [
        'CLOUDFLARE_API_TOKEN=cfut_Nyx3l1Xfo0EcRkLlR6XZkmWbXsPwOPg8EVZ9uFsC42391323',
        'api_token = "cfat_Vbri0KoJpkddTNadnlWuVgzILFfibUg16IzP2OkZcb0c4903"',
      ],
      negative: [
        'CLOUDFLARE_API_TOKEN=cfut_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'CLOUDFLARE_API_TOKEN=cfut_Nyx3l1Xfo0EcRkLlR6XZkmWbXsPwOPg8EVZ9uFsC4239132',
        'CLOUDFLARE_API_TOKEN=cfut_Nyx3l1Xfo0EcRkLlR6XZkmWbXsPwOPg8EVZ9uFsC4239132Z',
      ],
    },
  },
  {
    id: 'cloudflare-global-api-key',
    title: 'Cloudflare Global API Key',
    description:
      'A Cloudflare Global API Key in the prefixed format (`cfk_`). With the account e-mail it has every permission the user has on every account and zone, including DNS, TLS, Workers and billing.',
    provider: 'Cloudflare',
    severity: 'critical',
    keywords: ['cfk_'],
    pattern: prefixed('cfk_[A-Za-z0-9]{40}[a-f0-9]{8}'),
    minEntropy: 3.8,
    remediation: CF_GLOBAL_ROTATE,
    references: [
      'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
      'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
    ],
    examples: {
      positive: [
        'CLOUDFLARE_API_KEY=cfk_hRgc0TecPW6kFEhZE8T2gfuIiEAYYdc58TSaRGOab69f05cc',
        'X-Auth-Key: cfk_Nyx3l1Xfo0EcRkLlR6XZkmWbXsPwOPg8EVZ9uFsC42391323',
      ],
      negative: [
        'CLOUDFLARE_API_KEY=cfk_<key>',
        'CLOUDFLARE_API_KEY=cfk_hRgc0TecPW6kFEhZE8T2gfuIiEAYYdc58TSaRGOab69f05c',
        'CLOUDFLARE_API_KEY=${CLOUDFLARE_API_KEY}',
      ],
    },
  },
  {
    id: 'cloudflare-api-token-legacy',
    title: 'Cloudflare API token (unprefixed format)',
    description:
      'A Cloudflare API token from before the `cfut_`/`cfat_` prefixes (40 characters), assigned to a Cloudflare token variable (`CLOUDFLARE_API_TOKEN`, `CF_API_TOKEN`, `CF_DNS_API_TOKEN`). It has the permissions it was created with, often DNS edit.',
    provider: 'Cloudflare',
    severity: 'high',
    confidence: 'medium',
    keywords: ['cloudflare', 'cf_api', 'cf-api', 'cfapi', 'cf_token', 'cf-token', 'cf_dns'],
    pattern: named(
      `cloudflare[A-Za-z0-9_.-]{0,24}?token|cf[_-]?(?:dns[_-]?)?(?:api[_-]?)?token`,
      '',
      '[A-Za-z0-9_-]{40}',
    ),
    minEntropy: 3.8,
    remediation: CF_TOKEN_ROTATE,
    references: ['https://developers.cloudflare.com/fundamentals/api/get-started/create-token/'],
    examples: {
      positive: [
        'CLOUDFLARE_API_TOKEN=Nyfi4SzHQvSsRxUeosnJaqGgcd-Lpx12pEDVRJKL',
        'CF_DNS_API_TOKEN: "vy9LYfr2BndoyQWjFWzMO5jydxeUtJFWIm6vIJQn"',
      ],
      negative: [
        'CLOUDFLARE_API_TOKEN=${CLOUDFLARE_API_TOKEN}',
        'CLOUDFLARE_ZONE_ID=Nyfi4SzHQvSsRxUeosnJaqGgcd-Lpx12pEDVRJKL',
        'CLOUDFLARE_API_TOKEN=your-cloudflare-api-token-goes-here-0000',
      ],
    },
  },
  {
    id: 'cloudflare-global-api-key-legacy',
    title: 'Cloudflare Global API Key (unprefixed format)',
    description:
      "A Cloudflare Global API Key from before the `cfk_` prefix (37 hexadecimal characters) assigned to a Cloudflare key variable or sent as the `X-Auth-Key` header. With the account e-mail it has all of the user's permissions.",
    provider: 'Cloudflare',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['cloudflare', 'cf_api', 'cf-api', 'cfapi', 'cf_key', 'cf-key', 'x-auth-key'],
    pattern: named(
      `cloudflare[A-Za-z0-9_.-]{0,24}?(?:api_?key|global_?key|auth_?key|key)|cf[_-]?(?:api[_-]?|global[_-]?)?key|x-auth-key`,
      '',
      '[a-f0-9]{37}',
      '(?![A-Za-z0-9])',
    ),
    remediation: CF_GLOBAL_ROTATE,
    references: ['https://developers.cloudflare.com/fundamentals/api/get-started/keys/'],
    examples: {
      positive: [
        'CLOUDFLARE_API_KEY=d36c35817545c4e154486e1d1bd0cb6703d19',
        'curl -H "X-Auth-Email: ops@acme.io" -H "X-Auth-Key: d36c35817545c4e154486e1d1bd0cb6703d19" https://api.cloudflare.com/client/v4/zones',
      ],
      negative: [
        'CLOUDFLARE_API_KEY=${CLOUDFLARE_API_KEY}',
        'X-Auth-Key: <global-api-key>',
        'CLOUDFLARE_API_KEY=d36c35817545c4e154486e1d1bd0cb6703d1',
      ],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    description:
      "A Cloudflare Origin CA key (`v1.0-...`). It can create and revoke Origin CA certificates for the user's zones.",
    provider: 'Cloudflare',
    severity: 'high',
    keywords: ['v1.0-'],
    pattern: prefixed(String.raw`v1\.0-[a-f0-9]{24}-[a-f0-9]{146}`, 'A-Za-z0-9', 'A-Za-z0-9'),
    remediation:
      'Change the Origin CA key (My Profile > API Tokens > Origin CA Key > Change) and prefer API tokens with the SSL and Certificates permission.',
    references: ['https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/'],
    examples: {
      positive: [
        'CF_ORIGIN_CA_KEY=v1.0-ab662b60221bc6fed55d87df-a53d3dcb57f72b2aa0700f887d5050f569b7748bf26ace54c7714788f03206bb01d7e4f4c0230359e2b5b956ecbd2c2cf55d2a293d0aa9b05900e05c7be95bbaecceebd37ba3ca3181',
        'X-Auth-User-Service-Key: v1.0-ab662b60221bc6fed55d87df-a53d3dcb57f72b2aa0700f887d5050f569b7748bf26ace54c7714788f03206bb01d7e4f4c0230359e2b5b956ecbd2c2cf55d2a293d0aa9b05900e05c7be95bbaecceebd37ba3ca3181',
      ],
      negative: [
        'CF_ORIGIN_CA_KEY=v1.0-<key>',
        'version: v1.0-beta',
        'CF_ORIGIN_CA_KEY=v1.0-ab662b60221bc6fed55d87df-a53d3dcb57f72b2aa0700f887d5050f569b7748bf26ace54',
      ],
    },
  },
  {
    id: 'flyio-access-token',
    title: 'Fly.io access token',
    description:
      "A Fly.io access token (`fo1_`). It acts on the user's organisations: deploying apps, reading secrets through machines, and managing volumes and networking.",
    provider: 'Fly.io',
    severity: 'high',
    keywords: ['fo1_'],
    pattern: prefixed('fo1_[A-Za-z0-9_-]{43}', 'A-Za-z0-9_', 'A-Za-z0-9_-'),
    minEntropy: 3.8,
    remediation:
      "Revoke the token (`fly tokens revoke` or the dashboard's Tokens page) and issue narrowly scoped deploy tokens (`fly tokens create deploy`) with an expiry instead.",
    references: ['https://fly.io/docs/security/tokens/'],
    examples: {
      positive: [
        'FLY_API_TOKEN=fo1_sRXFJx5nCbz7FTH_Ucbpoue-gH2fQ2_u6zqrGuzZpMW',
        'access_token: fo1_v-E1YozuBVmE3hm8D13f3AAwDlaKYFOhokIboh5IEDf',
      ],
      negative: [
        'FLY_API_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'FLY_API_TOKEN=fo1_sRXFJx5nCbz7FTH',
        'FLY_API_TOKEN=${FLY_API_TOKEN}',
      ],
    },
  },
  {
    id: 'flyio-macaroon-token',
    title: 'Fly.io macaroon token',
    description:
      'A Fly.io macaroon token (`fm2_`, or the older `fm1a_`/`fm1r_`), as created by `fly tokens create` and used as `Authorization: FlyV1 ...`. Org and deploy tokens can deploy and manage the apps they are scoped to.',
    provider: 'Fly.io',
    severity: 'high',
    keywords: ['fm2_', 'fm1a_', 'fm1r_'],
    pattern: prefixed('fm(?:2|1[ar])_[A-Za-z0-9+/]{64,4000}={0,2}', 'A-Za-z0-9_', 'A-Za-z0-9+/='),
    minEntropy: 4.0,
    remediation:
      'Revoke the token (`fly tokens list` then `fly tokens revoke ID`), and issue a new deploy token scoped to one app with a short expiry.',
    references: ['https://fly.io/docs/security/tokens/'],
    examples: {
      positive: [
        'FLY_API_TOKEN="FlyV1 fm2_O6gHpCumgJeftJXJTEdveJ0xRmf03peKspybUEvGPzA9YuPYQgDA6caLglAd/eKWVM0ZlIfqf8HE3W2Zq1E6qbJE4sTC7z1yPQ2PwBnMVPtOiz90OWmIe2LZqdh3B10p5nNgKRF88Bad59If+TpIDUbPnUdvOsrPYubZbpZG8tFQ2z9m3oX3wGQejzl0nHYjd0QYKIZHzNn0paEEWtktnZCV94hLioJ5wPLO062hl9TD/yaKH2NHBTy1DSI5V4piHojTWEPY6YsnwpbjbhXStSGRdxh/ih66CAmjp2un+aOp"',
        'Authorization: FlyV1 fm1r_O6gHpCumgJeftJXJTEdveJ0xRmf03peKspybUEvGPzA9YuPYQgDA6caLglAd/eKWVM0ZlIfqf8HE3W2Zq1E6qbJE4sTC7z1yPQ2PwBnMVPtOiz90OW==',
      ],
      negative: [
        'Authorization: FlyV1 fm2_lJPECAAAAAAAAC7txBAz...',
        'FLY_API_TOKEN=fm2_${TOKEN}',
        'case "$t" in fm2_*) scheme=FlyV1 ;; esac',
      ],
    },
  },
  {
    id: 'render-api-key',
    title: 'Render API key',
    description:
      "A Render API key (`rnd_`). It has full access to the owner's workspaces: services, deploys, environment variables (and so the secrets stored there), databases and custom domains.",
    provider: 'Render',
    severity: 'high',
    keywords: ['rnd_'],
    pattern: prefixed('rnd_[A-Za-z0-9]{24,60}'),
    minEntropy: 4.0,
    remediation:
      'Revoke the key in the Render dashboard (Account settings > API Keys), create a replacement if needed, and review the workspace audit log and environment variables.',
    references: ['https://render.com/docs/api#1-create-an-api-key'],
    examples: {
      positive: [
        'RENDER_API_KEY=rnd_2UoxRoK0VnQSHrk8tlLL5bARNA0Qw2x8',
        'Authorization: Bearer rnd_QhGUVniu0JhAQKMNDuSE748Bxc2MTZsO',
      ],
      negative: [
        'RENDER_API_KEY=rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'const rnd_val = rand() % 3;',
        'RENDER_API_KEY=rnd_2UoxRoK0VnQ',
      ],
    },
  },
  {
    id: 'tencent-cloud-secret-id',
    title: 'Tencent Cloud SecretId',
    description:
      "A Tencent Cloud API SecretId (`AKID` followed by 32 characters). It identifies a CAM key pair; with its SecretKey, usually nearby, it signs API requests with the user's permissions.",
    provider: 'Tencent Cloud',
    severity: 'high',
    keywords: ['akid'],
    pattern: prefixed('AKID[A-Za-z0-9]{32}', 'A-Za-z0-9', 'A-Za-z0-9'),
    minEntropy: 3.8,
    remediation:
      "Disable and delete the key in the CAM console (Access Key > API Keys, or the sub-user's API keys), create a replacement for a least-privilege sub-user if needed, and review CloudAudit for its use.",
    references: ['https://www.tencentcloud.com/document/product/598/41284'],
    examples: {
      positive: [
        'TENCENTCLOUD_SECRET_ID=AKIDcNvbGHKkTTBQZGrhNiAZnnAy7iyQxhrD',
        'secret_id = "AKIDVZCggdkpd4tv3fWqo3a9EdfS80MNRtXL"',
      ],
      negative: [
        'TENCENTCLOUD_SECRET_ID=AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'TENCENTCLOUD_SECRET_ID=AKIDcNvbGHKkTTBQZGrhNi',
        'TENCENTCLOUD_SECRET_ID=${SECRET_ID}',
      ],
    },
  },
  {
    id: 'tencent-cloud-secret-key',
    title: 'Tencent Cloud SecretKey',
    description:
      'A Tencent Cloud API SecretKey (32 characters) assigned to a Tencent Cloud secret key variable (`TENCENTCLOUD_SECRET_KEY`, `QCLOUD_SECRET_KEY`, ...). With its SecretId it signs requests as the CAM user or root account.',
    provider: 'Tencent Cloud',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['tencent', 'qcloud', 'tc_secret', 'tccli_secret'],
    pattern: named(
      `tencent(?:cloud)?[A-Za-z0-9_.-]{0,24}?|qcloud[A-Za-z0-9_.-]{0,24}?|tc_|tccli_`,
      `secret_?key`,
      '[A-Za-z0-9]{32}',
      '(?![A-Za-z0-9])',
    ),
    minEntropy: 3.8,
    remediation:
      'Disable and delete the key pair in the CAM console, create a replacement for a least-privilege sub-user (or use roles with temporary credentials), and review CloudAudit.',
    references: ['https://www.tencentcloud.com/document/product/598/41284'],
    examples: {
      positive: [
        'TENCENTCLOUD_SECRET_KEY=2UoxRoK0VnQSHrk8tlLL5bARNA0Qw2x8',
        'tencent_secret_key: "QhGUVniu0JhAQKMNDuSE748Bxc2MTZsO"',
      ],
      negative: [
        'TENCENTCLOUD_SECRET_KEY=${TENCENTCLOUD_SECRET_KEY}',
        'TENCENTCLOUD_SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'TENCENTCLOUD_REGION_KEY=2UoxRoK0VnQSHrk8tlLL5bARNA0Qw2x8',
      ],
    },
  },
  {
    id: 'hetzner-cloud-api-token',
    title: 'Hetzner Cloud API token',
    description:
      'A Hetzner Cloud project API token (64 characters) assigned to `HCLOUD_TOKEN` or a Hetzner token variable. A read/write token controls every server, volume, network and firewall in the project.',
    provider: 'Hetzner',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['hcloud', 'hetzner'],
    pattern: named('hcloud|hetzner', `token|api_?key`, '[A-Za-z0-9]{64}', '(?![A-Za-z0-9])'),
    minEntropy: 4.0,
    remediation:
      "Delete the token in the Hetzner Cloud console (project > Security > API tokens), create a replacement (read-only where possible), and review the project's actions.",
    references: ['https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/'],
    examples: {
      positive: [
        'HCLOUD_TOKEN=7Xi1Rg8UN3xh5ecjyLIQYuk4e1KOAYBQngR8OcwNBgz14oXihvTWjN9to7NK6nRZ',
        'hcloud_token = "7Xi1Rg8UN3xh5ecjyLIQYuk4e1KOAYBQngR8OcwNBgz14oXihvTWjN9to7NK6nRZ"',
      ],
      negative: [
        'HCLOUD_TOKEN=${HCLOUD_TOKEN}',
        'HCLOUD_TOKEN=<token>',
        'hcloud_image_id = "7Xi1Rg8UN3xh5ecjyLIQYuk4e1KOAYBQngR8OcwNBgz14oXihvTWjN9to7NK6nRZ"',
      ],
    },
  },
  {
    id: 'vultr-api-key',
    title: 'Vultr API key',
    description:
      "A Vultr API key (36 upper-case characters) assigned to `VULTR_API_KEY` or a Vultr key variable. It controls the account's instances, Kubernetes clusters, object storage and billing.",
    provider: 'Vultr',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['vultr'],
    pattern: named('vultr', `api_?key|token`, '[A-Z0-9]{36}', '(?![A-Za-z0-9])'),
    verify: (secret) => /^[A-Z0-9]{36}$/.test(secret),
    minEntropy: 3.5,
    remediation:
      'Regenerate the key in the Vultr customer portal (Account > API), restrict API access by IP, and prefer sub-account keys with limited ACLs.',
    references: ['https://www.vultr.com/api/'],
    examples: {
      positive: [
        'VULTR_API_KEY=MVYN85OEJBDOSOFWIUR6FNZSZHUXV775ZWZB',
        'vultr_api_key: "MVYN85OEJBDOSOFWIUR6FNZSZHUXV775ZWZB"',
      ],
      negative: [
        'VULTR_API_KEY=${VULTR_API_KEY}',
        'VULTR_API_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'vultr_api_key = "mvyn85oejbdosofwiur6fnzszhuxv775zwzb"',
      ],
    },
  },
];
