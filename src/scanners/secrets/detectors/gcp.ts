import type { Detector } from '../detector.js';

const API_KEY_ROTATE =
  'In the Google Cloud console (APIs & Services > Credentials) delete the key, or use "Regenerate key" and roll the new value out; for Gemini keys made in Google AI Studio, delete the key in AI Studio (API keys page) and create a new one. Restrict the replacement to the APIs and applications that need it, and check the project\'s API metrics and billing for use of the leaked key.';
const SA_ROTATE =
  'Delete the key in IAM & Admin > Service accounts > Keys (or `gcloud iam service-accounts keys delete KEY_ID --iam-account=SA_EMAIL`), then review Cloud Audit Logs for the key ID. Prefer keyless authentication (Workload Identity Federation for CI, attached service accounts on GCP) and the `iam.disableServiceAccountKeyCreation` organisation policy.';
const OAUTH_ROTATE =
  'Reset the client secret in Google Auth Platform > Clients (add a new secret, deploy it, then delete the old one); revoke issued tokens through https://oauth2.googleapis.com/revoke and ask affected users to re-consent if the client may have been abused.';

/** Fake key material (64-character lines) for the examples below. */
const KEY_LINES = [
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQlWF/eV2PnSwCSn',
  'mlEa1h2bB1FHIOoCy7Xu9eenCWb82pU+Lk5oFODIysPm1Rxr0qTcLg6dtGcbsJCU',
  'pMjv+gy1nv9KJfm2jyYkVGHqpyGFrp3uL7CZg/ISexi3FXHfNIuyocQKjdGy3Ma4',
  'A6Ai4M44//b8MOqGBR++3XQkesMfx1hIJbFrmt91QcSbzJt259VODGbdRNQxQL1P',
  'Fwx2M+oGzpkFAxQHTGEs9g3muSkSc5WwFeo46ABd6mr+BS5xJGTXVC4jGh3yeQuw',
  'UzSsGzD5xBVJjdamF7JJVeXo471KMKiQaod5atW2Se5CakQO0NVBBJKqkPWJNp0E',
];
const PEM = `-----BEGIN PRIVATE KEY-----\n${KEY_LINES.join('\n')}\n-----END PRIVATE KEY-----\n`;
const SA = {
  type: 'service_account',
  project_id: 'acme-prod-4821',
  private_key_id: '408c0f0c8b923fc9ea194d808529a7d88a6974a9',
  private_key: PEM,
  client_email: 'deployer@acme-prod-4821.iam.gserviceaccount.com',
  client_id: '104938271650938271654',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://oauth2.googleapis.com/token',
};
const SA_JSON = JSON.stringify(SA, null, 2);
const SA_SORTED_JSON = JSON.stringify(
  Object.fromEntries(Object.entries(SA).sort(([a], [b]) => (a < b ? -1 : 1))),
);
const SA_WITH = (key: string) => JSON.stringify({ ...SA, private_key: key }, null, 2);

function decodedServiceAccount(b64: string): string {
  return Buffer.from(b64.replace(/\s/g, ''), 'base64').toString('utf8');
}

export const gcpDetectors: Detector[] = [
  {
    id: 'gcp-api-key',
    title: 'Google API key',
    description:
      "A Google API key (`AIza` followed by 35 characters). The same format is used for Google Cloud / Maps / YouTube API keys and for Google AI Studio (Gemini) keys, so this detector also covers Gemini keys. Unrestricted keys let anyone call the enabled APIs on the project's bill (Gemini and Maps abuse is common). Firebase web `apiKey` values share the format and are public by design; those findings can be dismissed once the key is confirmed to be restricted.",
    provider: 'Google Cloud',
    severity: 'high',
    keywords: ['aiza'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
    remediation: API_KEY_ROTATE,
    references: [
      'https://cloud.google.com/docs/authentication/api-keys',
      'https://ai.google.dev/gemini-api/docs/api-key',
    ],
    examples: {
      positive: [
        'GOOGLE_API_KEY=AIzaSymmLD0LUSfcgprHK4QG9ylme8qs6t4Mwni',
        'const gemini = new GoogleGenerativeAI("AIzaYzaUx6XSDpIFTkDCgPDW3GHGhS6PcnEF70z");',
        'https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key=AIzahKL1X1gHR-MWlWO0xWX7fFHqIVetl_NRo9T',
      ],
      negative: [
        'GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'GOOGLE_API_KEY=AIzaYzaUx6XSDpIFTkDCgPDW3GHGhS6PcnEF70', // 34 characters after the prefix
        'GOOGLE_API_KEY=AIzaYzaUx6XSDpIFTkDCgPDW3GHGhS6PcnEF70zQ', // 36 characters
        'GOOGLE_API_KEY=${GOOGLE_API_KEY}',
        'const isAIzaKey = key.startsWith("AIza");',
      ],
    },
  },
  {
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key file',
    description:
      'A Google Cloud service account JSON key file (`"type": "service_account"` with a `private_key`). The private key signs tokens for the service account, so whoever has the file acts with all of the account\'s IAM roles, often project owner or editor, until the key is deleted. Keys do not expire by default.',
    provider: 'Google Cloud',
    severity: 'critical',
    keywords: ['service_account', 'iam.gserviceaccount.com'],
    pattern:
      /(?:"type"\s{0,4}:\s{0,4}"service_account"|"client_email"\s{0,4}:\s{0,4}"[^"\s]{1,120}\.iam\.gserviceaccount\.com")[\s\S]{0,4000}?"private_key"\s{0,4}:\s{0,4}"-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\r)?\\n(?<secret>[A-Za-z0-9+/](?:[A-Za-z0-9+/=]|\\r|\\n){62,12000}[A-Za-z0-9+/=])(?:\\r)?\\n-----END (?:RSA )?PRIVATE KEY-----/,
    multiline: 16384,
    remediation: SA_ROTATE,
    references: [
      'https://cloud.google.com/iam/docs/keys-create-delete',
      'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
    ],
    examples: {
      positive: [SA_JSON, SA_SORTED_JSON, `GOOGLE_CREDENTIALS='${JSON.stringify(SA)}'`],
      negative: [
        SA_WITH('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n'),
        SA_WITH('-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY\n-----END PRIVATE KEY-----\n'),
        JSON.stringify({
          type: 'external_account',
          audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/ci/providers/gh',
        }),
        '"type": "service_account", "private_key": "${GCP_PRIVATE_KEY}"',
      ],
    },
  },
  {
    id: 'gcp-service-account-key-base64',
    title: 'Base64-encoded Google Cloud service account key',
    description:
      'A Google Cloud service account JSON key file encoded in base64, as it is often stored in CI variables, Kubernetes secrets or Terraform (`private_key` of `google_service_account_key`). Decoded, it grants everything the service account can do.',
    provider: 'Google Cloud',
    severity: 'critical',
    keywords: [
      'ewogicj0exblijogin',
      'eyj0exblijoic2vydmljzv9hy2nvdw50',
      'eyj0exblijogin',
      'ewogicagnr5cgui',
      'ew0kicaidhlwzsi6icj',
    ],
    pattern:
      /(?<![A-Za-z0-9+/])(?<secret>(?:ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIs|eyJ0eXBlIjoic2VydmljZV9hY2NvdW50|eyJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIs|ewogICAgInR5cGUiOiAic2VydmljZV9hY2NvdW50|ew0KICAidHlwZSI6ICJzZXJ2aWNlX2FjY291bnQi)(?:[A-Za-z0-9+/]|\r?\n){600,8000}={0,2})/,
    multiline: 12288,
    verify: (secret) => {
      const json = decodedServiceAccount(secret);
      return /"private_key"\s*:\s*"-----BEGIN (?:RSA )?PRIVATE KEY-----\\n[A-Za-z0-9+/]{40}/.test(json);
    },
    remediation: SA_ROTATE,
    references: ['https://cloud.google.com/iam/docs/keys-create-delete'],
    examples: {
      positive: [
        `GCP_SA_KEY=${Buffer.from(SA_JSON).toString('base64')}`,
        `credentials: ${Buffer.from(JSON.stringify(SA)).toString('base64')}`,
      ],
      negative: [
        `GCP_SA_KEY=${Buffer.from(SA_WITH('-----BEGIN PRIVATE KEY-----\n<key>\n-----END PRIVATE KEY-----\n')).toString('base64')}`,
        `GCP_SA_KEY=${Buffer.from(SA_JSON).toString('base64').slice(0, 300)}`,
        'GCP_SA_KEY=${{ secrets.GCP_SA_KEY }}',
      ],
    },
  },
  {
    id: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    description:
      "A Google OAuth 2.0 client secret (`GOCSPX-`). With the client ID it lets an attacker impersonate the application in OAuth flows, exchange stolen authorization codes and refresh tokens, and phish users under the application's verified name.",
    provider: 'Google Cloud',
    severity: 'high',
    keywords: ['gocspx-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
    remediation: OAUTH_ROTATE,
    references: [
      'https://support.google.com/cloud/answer/6158849',
      'https://developers.google.com/identity/protocols/oauth2',
    ],
    examples: {
      positive: [
        'GOOGLE_CLIENT_SECRET=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',
        '"client_secret": "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"',
      ],
      negative: [
        'GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'GOOGLE_CLIENT_SECRET=GOCSPX-X_BRdgjDTJjXvpaEg4jeZ6qsc7', // truncated
        'GOOGLE_CLIENT_SECRET=${GOOGLE_CLIENT_SECRET}',
      ],
    },
  },
  {
    id: 'gcp-oauth-client-secret-json',
    title: 'Google OAuth client secret file (legacy format)',
    description:
      'A Google OAuth client secret in a downloaded `client_secret_*.json` file whose secret predates the `GOCSPX-` prefix (24 characters). It lets an attacker impersonate the OAuth application.',
    provider: 'Google Cloud',
    severity: 'high',
    confidence: 'medium',
    keywords: ['apps.googleusercontent.com'],
    pattern:
      /\.apps\.googleusercontent\.com"[\s\S]{0,1500}?"client_secret"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9_-]{24})"/,
    multiline: 2048,
    minEntropy: 3.5,
    remediation: OAUTH_ROTATE,
    references: ['https://support.google.com/cloud/answer/6158849'],
    examples: {
      positive: [
        '{"installed":{"client_id":"104938271650-q8v3k1d0m2h7s9t4a6c5e1f0b2n3p4r.apps.googleusercontent.com","project_id":"acme-prod-4821","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","client_secret":"LNEdWAqEt7dpW72tfJZCr0oC","redirect_uris":["http://localhost"]}}',
        '{\n  "web": {\n    "client_id": "104938271650-q8v3k1d0m2h7s9t4a6c5e1f0b2n3p4r.apps.googleusercontent.com",\n    "client_secret": "yrNqsBRUfC6aNifrI29QLGeU"\n  }\n}',
      ],
      negative: [
        '{"web":{"client_id":"1049-abc.apps.googleusercontent.com","client_secret":"YOUR_CLIENT_SECRET_HERE"}}',
        '{"web":{"client_id":"1049-abc.apps.googleusercontent.com","client_secret":"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"}}',
        '{"web":{"client_id":"1049-abc.apps.googleusercontent.com","client_secret":""}}',
      ],
    },
  },
  {
    id: 'gcp-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    description:
      'A Google OAuth 2.0 refresh token (`1//0...`). It does not expire on its own and mints access tokens for the user or service with the granted scopes (Gmail, Drive, Cloud Platform, ...) whenever it is used with the client credentials, for example from `gcloud` application-default credentials.',
    provider: 'Google Cloud',
    severity: 'high',
    keywords: ['1//0'],
    pattern: /(?<![A-Za-z0-9_/-])(?<secret>1\/\/0[A-Za-z0-9_-]{60,250})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Revoke the token (`curl -d token=REFRESH_TOKEN https://oauth2.googleapis.com/revoke`, or remove the app at https://myaccount.google.com/permissions; `gcloud auth application-default revoke` for ADC files), then sign in again to obtain a new one and keep credential files out of the repository.',
    references: ['https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke'],
    examples: {
      positive: [
        '"refresh_token": "1//0gzygiWAe-uWMbji_QaARNkEWMJ5wYtQonfqb9IMLsC_Fqjke0TqHWEcIeg9MYZ1tUgD1Hwmohubb_WpIZ"',
        'GOOGLE_REFRESH_TOKEN=1//04oWP4hlRV2mAVabuUmmwmvJVURHiwz_aa_Mhyv___6v2YUn2f4EJ3zgU6j4xXAy2aua4K5A5nB7OuJh-pSr9H9xzvWqz',
      ],
      negative: [
        '"refresh_token": "1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        'GOOGLE_REFRESH_TOKEN=1//0gzygiWAe-uWMbji', // truncated
        'const ratio = 1//0.5;',
      ],
    },
  },
  {
    id: 'gcp-oauth-access-token',
    title: 'Google OAuth access token',
    description:
      'A Google OAuth 2.0 access token (`ya29.`). It is valid for about an hour and grants the scopes it was issued with, such as Cloud Platform or Gmail access; tokens in logs, notebooks or CI output are often still usable when found.',
    provider: 'Google Cloud',
    severity: 'medium',
    keywords: ['ya29.'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ya29\.[A-Za-z0-9_-]{50,2048})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Revoke it (`curl -d token=ACCESS_TOKEN https://oauth2.googleapis.com/revoke`), find where it was printed or stored (logs, notebooks, CI output) and remove it; if it came from a long-lived credential, rotate that credential too.',
    references: ['https://developers.google.com/identity/protocols/oauth2'],
    examples: {
      positive: [
        'Authorization: Bearer ya29.VfJY33Q3BEvhST_gMT3_FOfdnxWAg1eU83dIBlZSozdTLmU-7yKy6BQYLKNGkMS7NM7T1oie3MXuPBJQVvqrCyq9pl3Wd-odaS9WgvE-LwmyZc7qyCzpBuUr',
        '{"access_token": "ya29.a0AfB_byzygiWAe-uWMbji_QaARNkEWMJ5wYtQonfqb9IMLsC_Fqjke0TqHWEcIeg9MYZ1tUgD1Hw", "expires_in": 3599}',
      ],
      negative: [
        'Authorization: Bearer ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'token = "ya29.abc"',
        'Bearer ${ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'gcp-storage-hmac-secret',
    title: 'Google Cloud Storage HMAC secret',
    description:
      "The secret of a Cloud Storage HMAC key in a boto / gsutil configuration (`gs_secret_access_key`). HMAC keys give the owning user or service account's access to Cloud Storage through the S3-compatible XML API.",
    provider: 'Google Cloud',
    severity: 'high',
    keywords: ['gs_secret_access_key'],
    pattern:
      /(?<![A-Za-z0-9_])gs_secret_access_key["']?\s{0,4}[:=]\s{0,4}["']?(?<secret>[A-Za-z0-9+/]{40})(?![A-Za-z0-9+/=])/i,
    minEntropy: 4.0,
    remediation:
      'Deactivate and delete the HMAC key in Cloud Storage > Settings > Interoperability (or `gcloud storage hmac update ACCESS_ID --deactivated` then `gcloud storage hmac delete ACCESS_ID`), create a new one if still needed, and review the bucket access logs.',
    references: ['https://cloud.google.com/storage/docs/authentication/hmackeys'],
    examples: {
      positive: [
        'gs_secret_access_key = osupkm58vyhbL0jBEimh5EtHm1XcIvN49ZEaH9i6',
        'GS_SECRET_ACCESS_KEY="OssuU5fgMD2ycd2+9+IXDikpw63H3hJIQu0BCb4Y"',
      ],
      negative: [
        'gs_secret_access_key = <your-secret>',
        'gs_secret_access_key = osupkm58vyhbL0jBEimh5EtHm1XcIvN49ZEa', // truncated
        'gs_secret_access_key = ${GS_SECRET}',
      ],
    },
  },
];
