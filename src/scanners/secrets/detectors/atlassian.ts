import type { Detector } from '../detector.js';
import { hasHexCrc32Suffix } from '../engine/checksums.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * Atlassian's prefixed tokens (`ATATT`, `ATCTT`, `ATBB`, Trello's `ATTA`) end in 8 hexadecimal
 * characters: the CRC-32 of everything before them. Data Center personal access tokens are the
 * base64 of `<numeric id>:<random bytes>`.
 */
const crcOrLow = (s: string) => (hasHexCrc32Suffix(s) ? 'high' : 'low');

/** A Data Center token decodes to a 1–20 digit id, a colon and at least 16 random bytes. */
function isDataCenterToken(b64: string): boolean {
  const raw = Buffer.from(b64, 'base64');
  const colon = raw.indexOf(0x3a);
  if (colon < 1 || colon > 20 || raw.length - colon - 1 < 16) return false;
  for (let i = 0; i < colon; i++) if (raw[i]! < 0x30 || raw[i]! > 0x39) return false;
  return true;
}

/** `=`, `:`, `:=`, `=>` between a name and its value; `var name string =` (Go) too. */
const ASSIGN = String.raw`["'\]]?(?:\s{1,3}string)?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const API_TOKENS_REFS = [
  'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
];

export const atlassianDetectors: Detector[] = [
  {
    id: 'atlassian-api-token',
    title: 'Atlassian API token',
    description:
      "An Atlassian Cloud API token (`ATATT` prefix). With the account's email address it authenticates to the Jira, Confluence and Bitbucket Cloud REST APIs with all of that user's permissions — reading and changing issues, pages and repositories.",
    provider: 'Atlassian',
    severity: 'high',
    keywords: ['atatt3'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ATATT3[A-Za-z0-9_=-]{150,300})(?![A-Za-z0-9_=-])/,
    verify: crcOrLow,
    remediation:
      "Revoke the token at id.atlassian.com > Security > API tokens (organisation admins can revoke users' tokens from admin.atlassian.com), review the audit log, and create a new token with an expiry date and, where possible, scopes.",
    references: API_TOKENS_REFS,
    examples: {
      positive: [
        'JIRA_API_TOKEN=ATATT3xFfGF0xx-nIQqZ2OzEkeCsdutKvdWNJVQGC-vJ46DIsDx2MzMFqiS6OBCRTxNLE2bg6CXGBfopNf7d9Z5Ozsdt2WzBRNUiQnkmtgz2j-TZnbwo0knTaW0-Zq6qC87Yjgbcl-UVCgMwnZem-OZOriM_9ji6CdhoFBUgY3RXNtlyfbJ1NH4=BFE929CE',
        'confluence:\n  token: "ATATT3xFfGF0QJDdwnSFQGuA7OWh3CwrLypUEUQ9IMr4n6DRPlhhbZwGHLDcdCzS_gmV8GiaomBTNJkM_6eCsE0Vc3F7nTlyscDg3E65nRj218URHmKNgkfWYpiYVQ0Yz1FFJmGKCz5-KMZXMiTQqKvRwmrY2hqh3LTnhlrG1T07dZ-jUVnnM7Z=735648BE"',
      ],
      negative: [
        'JIRA_API_TOKEN=ATATT3xFfGF0<your-token>',
        'JIRA_API_TOKEN=ATATT3xFfGF0xx-nIQqZ2OzEkeCsdutKvdWNJVQGC-vJ46DIsDx2MzMFqiS6OBCRTxNLE2bg6CXGBfop',
        'JIRA_API_TOKEN=${JIRA_API_TOKEN}',
      ],
    },
  },
  {
    id: 'bitbucket-access-token',
    title: 'Bitbucket Cloud access token',
    description:
      'A Bitbucket Cloud repository, project or workspace access token (`ATCTT` prefix). It acts as a bot user on the repositories it was created for and, with write or admin scopes, can push code and change settings or pipelines variables.',
    provider: 'Atlassian',
    severity: 'high',
    keywords: ['atctt3'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ATCTT3[A-Za-z0-9_=-]{150,300})(?![A-Za-z0-9_=-])/,
    verify: crcOrLow,
    remediation:
      'Revoke the token in the repository, project or workspace settings (Security > Access tokens), review the audit log for its use, and create a new token with the minimum scopes.',
    references: ['https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/'],
    examples: {
      positive: [
        'BITBUCKET_TOKEN=ATCTT3xFfGN0qOs-QfL1Yp0gfLskDvhGqdjVkuI0R7Sh2jZ2ufOqS73bP8DrYTLh4JNzdSVJ-6qkCojN6K2GBS6nwCxmYpzZpo4BC5ltFesx3zAjWT7YbwNEZAkb9fXFTW434I-9qwMPJ0sd-zoEPYJjhhCfBQJ3_srWGcSunmHiPPEuUGywrXk=6781B648',
        'git clone https://x-token-auth:ATCTT3xFfGN09T3Of2Y7ZvHZsHTY-off4-vA5fYB1PDQJ9DHarB92WdNaGHZ7zZ_haUJNrsqXqoc6H5Zk83iNvWyabuwPWKlkAbX1ybYiK1LW06qq96SrOKLKD87tMM2A8d6G8sURXW1OmHa_e6wD2qioJPtshedkFlr4gmsM4arTThLT-v2zSK=95C9410E@bitbucket.org/acme/api.git',
      ],
      negative: [
        'BITBUCKET_TOKEN=ATCTT3xFfGN0...',
        'BITBUCKET_TOKEN=ATCTT3xFfGN0qOs-QfL1Yp0gfLskDvhGqdjVkuI0R7Sh2jZ2ufOqS73bP8DrYTLh4JNzdSVJ',
        'BITBUCKET_TOKEN=$BITBUCKET_TOKEN',
      ],
    },
  },
  {
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    description:
      "A Bitbucket Cloud app password (`ATBB` prefix). With the account's username it authenticates Git over HTTPS and the REST API with the permissions chosen at creation — often repository write and pull-request access across every workspace of the user.",
    provider: 'Atlassian',
    severity: 'high',
    keywords: ['atbb'],
    pattern: /(?<![A-Za-z0-9])(?<secret>ATBB[A-Za-z0-9]{24}[0-9A-Fa-f]{8})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    verify: crcOrLow,
    remediation:
      'Revoke the app password in Bitbucket (Personal settings > App passwords), and move the integration to an access token or API token with the minimum scopes; app passwords are being retired.',
    references: ['https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/'],
    examples: {
      positive: [
        'BITBUCKET_APP_PASSWORD=ATBBzv0IK53iqs2eoVBtuAtzNAsx93A4C45D',
        'git clone https://jdoe:ATBBJvERbQ1k4kHyaMLPl7WkP13T6C8B1174@bitbucket.org/acme/infra.git',
        // Checksum fails: found at low confidence.
        'bitbucket_password: ATBBVssEUuYx7qJgzVBAyC8NZkQ3AC33B3F2',
      ],
      negative: [
        'BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'BITBUCKET_APP_PASSWORD=ATBBzv0IK53iqs2eoVBtuAtzNAsx93A4C45', // 35 characters
        'BITBUCKET_APP_PASSWORD=${BITBUCKET_APP_PASSWORD}',
      ],
    },
  },
  {
    id: 'atlassian-datacenter-pat',
    title: 'Jira, Confluence or Bitbucket Data Center personal access token',
    description:
      "A personal access token of a self-managed Jira, Confluence or Bitbucket Data Center/Server instance (44 base64 characters encoding a numeric id and random bytes), assigned to an Atlassian-named variable. It authenticates to the instance's REST API as its owner.",
    provider: 'Atlassian',
    severity: 'high',
    keywords: ['jira', 'confluence', 'bitbucket'],
    pattern: new RegExp(
      String.raw`(?:jira|confluence|bitbucket)[\w.-]{0,30}?${ASSIGN}(?:Bearer\s{1,3})?(?<secret>[A-Za-z0-9+/]{44})(?![A-Za-z0-9+/=])`,
      'i',
    ),
    verify: isDataCenterToken,
    remediation:
      "Revoke the token in the instance (Profile > Personal Access Tokens; administrators can revoke any user's token), then issue a new one with an expiry date.",
    references: ['https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html'],
    examples: {
      positive: [
        'JIRA_PAT=ODE3MjYzNTQ5MTAyOp+727uf4GSHi9W4TzabAzkhAd1v',
        'confluence_token: "MjMwOTQ3NTYxODg0OkeshGgxVEX+RsxGq9UIv5UjFK4w"',
      ],
      negative: [
        'JIRA_PAT=erRCPo7HU0PSUGQ0W8XKcP41Lc9NOG5fYp3efGM87SBq', // random base64, no id:secret structure
        'JIRA_PAT=${JIRA_PAT}',
        'jira_hash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="',
      ],
    },
  },
  {
    id: 'bitbucket-datacenter-http-token',
    title: 'Bitbucket Data Center HTTP access token',
    description:
      'An HTTP access token of a self-managed Bitbucket Data Center/Server instance (`BBDC-` prefix). Personal, project or repository tokens read and, with write or admin permission, push to repositories and change their settings.',
    provider: 'Atlassian',
    severity: 'high',
    keywords: ['bbdc-'],
    pattern: /(?<![A-Za-z0-9])(?<secret>BBDC-[A-Za-z0-9+/]{44})(?![A-Za-z0-9+/=])/,
    verify: (s) => isDataCenterToken(s.slice(5)),
    remediation:
      'Revoke the token in Bitbucket (Manage account, project or repository settings > HTTP access tokens) and create a new one with an expiry and the least permission.',
    references: ['https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html'],
    examples: {
      positive: [
        'BITBUCKET_TOKEN=BBDC-NDkyMDE4Mzc1NTY2OgS90J6UwuSXJkbWVALMZZ0/EGwQ',
        'curl -H "Authorization: Bearer BBDC-NDkyMDE4Mzc1NTY2OgS90J6UwuSXJkbWVALMZZ0/EGwQ" https://git.acme.io/rest/api/1.0/projects',
      ],
      negative: [
        'BITBUCKET_TOKEN=BBDC-erRCPo7HU0PSUGQ0W8XKcP41Lc9NOG5fYp3efGM87SBq',
        'BITBUCKET_TOKEN=BBDC-<token>',
        'BITBUCKET_TOKEN=BBDC-NDkyMDE4Mzc1NTY2OgS90J6Uw',
      ],
    },
  },
  {
    id: 'atlassian-api-token-legacy',
    title: 'Atlassian API token (legacy format)',
    description:
      "A 24-character Atlassian Cloud API token of the format issued before the `ATATT` prefix, assigned to a Jira-, Confluence- or Atlassian-named variable. With the account email it has the user's full REST API access.",
    provider: 'Atlassian',
    severity: 'high',
    confidence: 'medium',
    keywords: ['jira', 'confluence', 'atlassian'],
    pattern: new RegExp(
      String.raw`(?:jira|confluence|atlassian)[\w.-]{0,30}?${ASSIGN}(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_+/=-])`,
      'i',
    ),
    minEntropy: 3.5,
    verify: (s) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s),
    remediation:
      'Revoke the token at id.atlassian.com > Security > API tokens and replace it with a new token that has an expiry date.',
    references: API_TOKENS_REFS,
    examples: {
      positive: [
        'JIRA_API_TOKEN=xkKqAk0GTRHzWI5Zz4Y3D6ey',
        "confluence_api_token: 'tqJtFafRCkqQVgea9AxhUZ23'",
      ],
      negative: [
        'JIRA_API_TOKEN=${JIRA_API_TOKEN}',
        'JIRA_PROJECT=PLATFORMINFRASTRUCTURETEAM',
        'jira_base_url = "https://acme.atlassian.net"',
        'JIRA_API_TOKEN=xkKqAk0GTRHzWI5Zz4Y3D6eyQ', // 25 characters
      ],
    },
  },
  {
    id: 'trello-api-token',
    title: 'Trello API token',
    description:
      "A Trello user token (`ATTA` prefix, or 64 hexadecimal characters in the older format) near a Trello name or URL. With the app's API key it reads and writes every board, card and attachment the user can reach.",
    provider: 'Atlassian',
    severity: 'high',
    keywords: ['trello'],
    pattern: /trello[^\n]{0,200}?(?<![A-Za-z0-9])(?<secret>ATTA[0-9a-fA-F]{72}|[0-9a-f]{64})(?![A-Za-z0-9])/i,
    minEntropy: 3.0,
    verify: (s) => (s.startsWith('ATTA') ? crcOrLow(s) : 'medium'),
    remediation:
      'Revoke the token in Trello (Account settings > Applications > Revoke), or via DELETE /1/tokens/{token}; then issue a new token with the narrowest scope and an expiration.',
    references: ['https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/'],
    examples: {
      positive: [
        'TRELLO_TOKEN=ATTAee27d702c3f5bf4abcf2abc977397cf62dc26d27b3dc02960b2e737fdad795b12AA23DE9',
        'curl "https://api.trello.com/1/members/me/boards?key=e6a6b548ad8aab884783ff4aa5280c90&token=ATTAfacf798c1f75ce4d6193e9928c2f3a4051154845364ddd24f5e923d6c761f104BD3326E4"',
        'trello_token = "9ae35e17e0a6cc8ae33151c9e5d45306f886239a815b683f7e69b1c65af88108"',
      ],
      negative: [
        'TRELLO_TOKEN=${TRELLO_TOKEN}',
        'TRELLO_TOKEN=ATTAee27d702c3f5bf4abcf2abc977397cf62dc26d27b3dc0',
        'TRELLO_TOKEN=ATTAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'trello-api-key',
    title: 'Trello API key',
    description:
      "A Trello API key (32 hexadecimal characters) assigned to a Trello-named variable or passed as `key=` to the Trello API. It identifies a Power-Up or integration; paired with a user token it gives that user's access, and with the app's secret it can sign OAuth requests.",
    provider: 'Atlassian',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['trello'],
    pattern: new RegExp(
      String.raw`trello(?:[\w.-]{0,30}?(?:api[_-]?)?key${ASSIGN}|[^\n]{0,200}?[?&]key=)(?<secret>[0-9a-f]{32})(?![A-Za-z0-9])`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Regenerate the API key and secret in the Trello Power-Up admin portal (trello.com/power-ups/admin > the Power-Up > API key), and revoke tokens issued to it if the token leaked too.',
    references: ['https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/'],
    examples: {
      positive: [
        'TRELLO_API_KEY=e6a6b548ad8aab884783ff4aa5280c90',
        'fetch(`https://api.trello.com/1/boards/${id}?key=40802e1a97f0900f0e0d9d504cca3c2a&token=${token}`)',
      ],
      negative: [
        'TRELLO_API_KEY=${TRELLO_API_KEY}',
        'TRELLO_API_KEY=e6a6b548ad8aab884783ff4aa5280c9', // 31 characters
        'trello_board_id = "5f3c2a1b9e8d7c6b5a4f3e2d"',
      ],
    },
  },
  {
    id: 'opsgenie-api-key',
    title: 'Opsgenie API key',
    description:
      'An Opsgenie API key (a UUID) in a `GenieKey` authorisation header or an Opsgenie-named variable. Integration keys create and close alerts; account API keys can also read alert data and change teams, schedules and escalation policies.',
    provider: 'Atlassian',
    severity: 'high',
    confidence: 'medium',
    keywords: ['opsgenie', 'geniekey'],
    pattern: new RegExp(
      String.raw`(?:GenieKey\s{1,3}|opsgenie[\w.-]{0,30}?${ASSIGN})(?<secret>${UUID})(?![A-Za-z0-9-])`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      "Delete or regenerate the key in Opsgenie (Settings > API key management, or the integration's settings for integration keys), and update the services that use it.",
    references: [
      'https://docs.opsgenie.com/docs/api-key-management',
      'https://docs.opsgenie.com/docs/authentication',
    ],
    examples: {
      positive: [
        'curl -H "Authorization: GenieKey f3ad41a6-621e-488b-a432-2d535599b6e6" https://api.opsgenie.com/v2/alerts',
        'OPSGENIE_API_KEY=040ac7f2-6335-4def-b254-2360265f7cb3',
      ],
      negative: [
        'OPSGENIE_API_KEY=${OPSGENIE_API_KEY}',
        'OPSGENIE_API_KEY=00000000-0000-0000-0000-000000000000',
        'Authorization: GenieKey <api-key>',
      ],
    },
  },
];
