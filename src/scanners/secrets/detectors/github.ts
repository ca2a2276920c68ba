import type { Detector } from '../detector.js';
import { hasBase62Crc32Suffix } from '../engine/checksums.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * GitHub tokens: `gh` + a type letter + `_` + 36 base62 characters, of which the last 6 are the
 * base62 CRC-32 of the 30 before them (GitHub's 2021 format). A token whose checksum fails is
 * still reported, at low confidence: it is most likely a made-up documentation value.
 */
const checksum = (secret: string) => (hasBase62Crc32Suffix(secret.slice(4)) ? 'high' : 'low');

const CLASSIC_REFS = [
  'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/',
  'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation',
];

/** `=`, `:`, `:=`, `=>` between a name and its value; `var name string =` (Go) too. */
const ASSIGN = String.raw`["'\]]?(?:\s{1,3}string)?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;

export const githubDetectors: Detector[] = [
  {
    id: 'github-pat-classic',
    title: 'GitHub personal access token (classic)',
    description:
      "A classic GitHub personal access token (`ghp_`). It acts as the user who created it with every scope it was given — often `repo`, which means read and write access to all of that user's private repositories, and sometimes `admin:org` or `delete_repo`.",
    provider: 'GitHub',
    severity: 'critical',
    keywords: ['ghp_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    verify: checksum,
    remediation:
      'Delete the token at github.com > Settings > Developer settings > Personal access tokens, review the security log and the audit log of the organisations it could reach, and replace it with a fine-grained token (or a GitHub App) limited to the repositories and permissions the job needs.',
    references: [
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
      ...CLASSIC_REFS,
    ],
    examples: {
      positive: [
        'GITHUB_TOKEN=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',
        'git clone https://x-access-token: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@github.com/acme/api.git',
        '  token: "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"',
        // Checksum fails: still found, at low confidence.
        'export GH_TOKEN=ghp_u29sd7KOvBRfGhDmlAGdF7tbv4fEMLwHrXYs',
      ],
      negative: [
        'GITHUB_TOKEN=${GITHUB_TOKEN}',
        'token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'GITHUB_TOKEN=ghp_vJLsJTWMt95fOLNOPsZCnxiKJAjaIK2xbMA', // 35 characters
        'GITHUB_TOKEN=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Q', // 37 characters
        'const prefix = "ghp_" + suffix;',
      ],
    },
  },
  {
    id: 'github-pat-fine-grained',
    title: 'GitHub fine-grained personal access token',
    description:
      'A fine-grained GitHub personal access token (`github_pat_`). It is limited to chosen repositories and permissions, but within them it can read and often write code, issues, Actions secrets or settings as its owner.',
    provider: 'GitHub',
    severity: 'critical',
    keywords: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    remediation:
      "Delete the token at github.com > Settings > Developer settings > Fine-grained tokens (organisation owners can also revoke it under the organisation's Personal access tokens page), check the audit log for its use, and issue a new one with the shortest expiry that works.",
    references: [
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
      'https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/reviewing-and-revoking-personal-access-tokens-in-your-organization',
    ],
    examples: {
      positive: [
        'GH_TOKEN=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',
        '{"token": "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"}',
      ],
      negative: [
        'GH_TOKEN=github_pat_<your-token>',
        'GH_TOKEN=github_pat_7IQ8RJ9lnFTqXzUntooUjb_KehGMr0FcrtxFW5oeUKOFqXhFJMpzlxjPhhFI6vjdEHiQVp8NcVNyNMdSD', // short
        'GH_TOKEN=github_pat_7IQ8RJ9lnFTqXzUntooUj_KehGMr0FcrtxFW5oeUKOFqXhFJMpzlxjPhhFI6vjdEHiQVp8NcVNyNMdSDc', // 21 + 59
        'if (token.startsWith("github_pat_")) return "fine-grained";',
      ],
    },
  },
  {
    id: 'github-oauth-token',
    title: 'GitHub OAuth access token',
    description:
      'An OAuth access token (`gho_`) that a GitHub OAuth app obtained for a user — the GitHub CLI stores one too. It carries the scopes the user granted, commonly `repo` and `read:org`, and does not expire until revoked.',
    provider: 'GitHub',
    severity: 'critical',
    keywords: ['gho_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>gho_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    verify: checksum,
    remediation:
      'Revoke the authorisation at github.com > Settings > Applications > Authorized OAuth Apps (or run `gh auth logout` / `gh auth refresh` for a GitHub CLI token); app owners can revoke tokens through the OAuth app API. Then review the security log.',
    references: [
      'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
      ...CLASSIC_REFS,
    ],
    examples: {
      positive: [
        'oauth_token: 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',
        'curl -H "Authorization: Bearer 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" https://api.github.com/user',
      ],
      negative: [
        'oauth_token: gho_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'oauth_token: gho_0KZjY7l5ksCrOqxddO81pwmKqZTPoc22Iag', // 35 characters
        'oauth_token: ${GH_OAUTH_TOKEN}',
        'const kinds = ["gho_", "ghu_", "ghs_"];',
      ],
    },
  },
  {
    id: 'github-app-user-token',
    title: 'GitHub App user access token',
    description:
      'A user-to-server token (`ghu_`) with which a GitHub App acts on behalf of a user, limited to what both the app and the user may do. It usually expires after eight hours, but can be renewed with its refresh token.',
    provider: 'GitHub',
    severity: 'high',
    keywords: ['ghu_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghu_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    verify: checksum,
    remediation:
      "Have the user revoke the app at github.com > Settings > Applications > Authorized GitHub Apps, or revoke the token with the app's credentials (DELETE /applications/{client_id}/token); never persist user tokens in code or logs.",
    references: [
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-user-access-token-for-a-github-app',
      ...CLASSIC_REFS,
    ],
    examples: {
      positive: [
        'access_token=ghu_CMWueCoZ8ZN9MmTVF1qXaGWp9GSHWV44mDZu&expires_in=28800',
        '"access_token": "ghu_afGfkE8RHnIrobjPc3jSafWoiP64Cg3fIM6M"',
      ],
      negative: [
        'access_token=ghu_<token>',
        '"access_token": "ghu_afGfkE8RHnIrobjPc3jSafWoiP64Cg3fIM6"', // 35 characters
        'xghu_afGfkE8RHnIrobjPc3jSafWoiP64Cg3fIM6Mz',
      ],
    },
  },
  {
    id: 'github-app-installation-token',
    title: 'GitHub App installation access token',
    description:
      "A server-to-server token (`ghs_`) for a GitHub App installation, also the kind of token Actions jobs receive as `GITHUB_TOKEN`. It expires after an hour, but until then grants the installation's permissions on its repositories.",
    provider: 'GitHub',
    severity: 'high',
    keywords: ['ghs_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghs_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    verify: checksum,
    remediation:
      'Revoke it at once with DELETE /installation/token (authenticated with the token itself) rather than waiting for the hour to pass, and find what wrote it out — build logs and artifacts are the usual culprits.',
    references: [
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app',
      'https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token',
    ],
    examples: {
      positive: [
        'git remote set-url origin https://x-access-token:ghs_wLIHsmNwIKqaQw4Z1Nz2rni96Psllh3b3Krn@github.com/acme/web',
        'INSTALLATION_TOKEN: ghs_F0AnLrreN8d3LvfymLNc50QKno3nep2jOR1e',
      ],
      negative: [
        'INSTALLATION_TOKEN: ${{ steps.app.outputs.token }}',
        'INSTALLATION_TOKEN: ghs_F0AnLrreN8d3LvfymLNc50QKno3nep2jOR1', // 35 characters
        'INSTALLATION_TOKEN: ghs_000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'github-app-refresh-token',
    title: 'GitHub App refresh token',
    description:
      "A refresh token (`ghr_`) that a GitHub App uses to obtain new user access tokens. Together with the app's client ID and secret it yields fresh tokens for six months.",
    provider: 'GitHub',
    severity: 'high',
    keywords: ['ghr_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>ghr_(?:[A-Za-z0-9]{76}|[A-Za-z0-9]{36}))(?![A-Za-z0-9_])/,
    // Only the 36-character form is known to carry GitHub's checksum.
    minEntropy: 3.5,
    verify: (s) => (s.length === 40 ? checksum(s) : true),
    remediation:
      "Have the user revoke the app authorisation (Settings > Applications > Authorized GitHub Apps), which invalidates its refresh tokens, or reset the app's client secret so the refresh token cannot be redeemed.",
    references: [
      'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens',
    ],
    examples: {
      positive: [
        'refresh_token=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',
        '"refresh_token": "ghr_xhyh6x13SY3kn0L0R8S1URmbPDSKg892M1DCUV4mbLRwaibX6q0rnUu8eJNDzuMhoxA4UgFiSX5d"',
      ],
      negative: [
        'refresh_token=ghr_...',
        'refresh_token=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x9', // 38 characters
        '"refresh_token": "${REFRESH_TOKEN}"',
      ],
    },
  },
  {
    id: 'github-webhook-secret',
    title: 'GitHub webhook secret',
    description:
      'The shared secret GitHub uses to sign webhook deliveries (`X-Hub-Signature-256`), assigned to a name such as `GITHUB_WEBHOOK_SECRET`. Whoever has it can forge deliveries that the receiver will trust: fake pushes, releases or workflow events.',
    provider: 'GitHub',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['github_webhook', 'github-webhook', 'githubwebhook', 'gh_webhook_secret'],
    pattern: new RegExp(
      `(?:github|gh)[_-]?webhook[_-]?secret(?:[_-]?key)?${ASSIGN}(?<secret>[A-Za-z0-9!#%&*+,./:;?@^_~-]{16,128})(?![A-Za-z0-9!#%&*+,./:;?@^_~-])`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      "Generate a new random secret, set it on the webhook (repository or organisation Settings > Webhooks > Edit > Secret) and in the receiver, and keep it in the receiver's secret store rather than in code.",
    references: ['https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries'],
    examples: {
      positive: [
        'GITHUB_WEBHOOK_SECRET=BpteUwi0yjldq33GnHV142s5Q8mtze0w',
        'githubWebhookSecret: "68902df0e7ba76d955229c5fc7f4f33649ef3038"',
      ],
      negative: [
        'GITHUB_WEBHOOK_SECRET=${GITHUB_WEBHOOK_SECRET}',
        'GITHUB_WEBHOOK_SECRET=changeme',
        'github_webhook_secret = os.environ["GITHUB_WEBHOOK_SECRET"]',
        'GITHUB_WEBHOOK_SECRET=your-webhook-secret',
      ],
    },
  },
  {
    id: 'github-oauth-client-secret',
    title: 'GitHub OAuth app client secret',
    description:
      'The client secret of a GitHub OAuth app or GitHub App (40 hexadecimal characters), assigned to a GitHub-named variable. With the client ID it lets anyone exchange authorisation codes and impersonate the application to GitHub users.',
    provider: 'GitHub',
    severity: 'high',
    confidence: 'medium',
    keywords: [
      'github_client',
      'github-client',
      'githubclient',
      'github_oauth_client',
      'github_app_client',
      'gh_client_secret',
    ],
    pattern: new RegExp(
      `(?:github|gh)[_-]?(?:oauth[_-]?|app[_-]?)?client[_-]?secret${ASSIGN}(?<secret>[0-9a-f]{40})(?![A-Za-z0-9])`,
      'i',
    ),
    remediation:
      "Generate a new client secret in the app's settings (Settings > Developer settings > OAuth Apps or GitHub Apps > the app > Client secrets), deploy it, then delete the leaked one.",
    references: ['https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps'],
    examples: {
      positive: [
        'GITHUB_CLIENT_SECRET=80a7766aa586f21be561a20ac1e30b4129bd8cef',
        'githubClientSecret: "2d62fe6100446e18d77d1f3050302fc76d06ac2e"',
      ],
      negative: [
        'GITHUB_CLIENT_SECRET=${GITHUB_CLIENT_SECRET}',
        'GITHUB_CLIENT_SECRET=80a7766aa586f21be561a20ac1e30b4129bd8ce', // 39 characters
        'GITHUB_CLIENT_ID=Iv1.8a61f9b3a7aba766',
      ],
    },
  },
];
