import type { Detector } from '../detector.js';
import { crc32HexLittleEndian } from '../engine/checksums.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * Monitoring, logging and error-tracking services. Ingest-only keys are medium severity: they
 * let others send (and bill, or spoof) data; keys that read data or change configuration are
 * high. Public-by-design values — Sentry DSNs — are not reported.
 */
/** `=`, `:`, `:=`, `=>` between a name and its value; `var name string =` (Go) too. */
const ASSIGN = String.raw`["'\]]?(?:\s{1,3}string)?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;
const CRED = String.raw`[\w.-]{0,24}?(?:token|key|secret|password|pass|auth)[\w.-]{0,12}?`;
const END = `(?![A-Za-z0-9_+/=-])`;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function named(names: string, value: string): RegExp {
  return new RegExp(`(?:${names})${CRED}${ASSIGN}(?<secret>${value})${END}`, 'i');
}

/** The JSON object a base64 segment decodes to, or undefined. */
function decodeJson(b64: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const observabilityDetectors: Detector[] = [
  {
    id: 'datadog-api-key',
    title: 'Datadog API key',
    description:
      'A Datadog API key (32 hexadecimal characters) assigned to a Datadog-named variable such as `DD_API_KEY`. It submits metrics, logs, traces and events to the organisation — spoofing data and running up ingestion costs — and is half of the pair needed to read data.',
    provider: 'Datadog',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey'],
    pattern: new RegExp(
      String.raw`(?:datadog[^\n]{0,40}?|dd[_-]?)api[_-]?key${ASSIGN}(?<secret>[0-9a-f]{32})${END}`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Create a new API key in Datadog (Organization Settings > API Keys), deploy it to the agents and integrations, then revoke the leaked key.',
    references: ['https://docs.datadoghq.com/account_management/api-app-keys/'],
    examples: {
      positive: [
        'DD_API_KEY=c37cca15204f57e9da9d35cb38180154',
        'datadog_api_key: "aec25113e9174673d84f7bcef0351d98"',
      ],
      negative: [
        'DD_API_KEY=${DD_API_KEY}',
        'DD_API_KEY=<DATADOG_API_KEY>',
        'DD_API_KEY=c37cca15204f57e9da9d35cb3818015',
        'DD_SITE=datadoghq.eu',
      ],
    },
  },
  {
    id: 'datadog-app-key',
    title: 'Datadog application key',
    description:
      'A Datadog application key (40 hexadecimal characters) assigned to a Datadog-named variable such as `DD_APP_KEY`. With an API key it reads everything its user can see — logs, traces, dashboards — and can change monitors, integrations and users.',
    provider: 'Datadog',
    severity: 'high',
    confidence: 'medium',
    keywords: [
      'datadog',
      'dd_app_key',
      'dd-app-key',
      'ddappkey',
      'dd_application_key',
      'dd-application-key',
      'ddapplicationkey',
    ],
    pattern: new RegExp(
      String.raw`(?:datadog[^\n]{0,40}?|dd[_-]?)app(?:lication)?[_-]?key${ASSIGN}(?<secret>[0-9a-f]{40})${END}`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Revoke the application key in Datadog (Organization Settings > Application Keys, or Personal Settings) and create a scoped replacement; review the audit trail for its use.',
    references: ['https://docs.datadoghq.com/account_management/api-app-keys/'],
    examples: {
      positive: [
        'DD_APP_KEY=2369986fcc13f3377031e469576f002d98561c6f',
        'datadog_application_key = "a66ca5b1aa40549640c39a812861333973e586b5"',
      ],
      negative: [
        'DD_APP_KEY=${DD_APP_KEY}',
        'DD_APP_KEY=2369986fcc13f3377031e469576f002d98561c6',
        'dd_app_name = "checkout"',
      ],
    },
  },
  {
    id: 'newrelic-user-api-key',
    title: 'New Relic user API key',
    description:
      "A New Relic user API key (`NRAK-`, or a legacy admin key `NRAA-`). It queries and configures the account through NerdGraph with its user's permissions: reading all telemetry, changing alerts, dashboards and users.",
    provider: 'New Relic',
    severity: 'high',
    keywords: ['nrak-', 'nraa-'],
    pattern: /(?<![A-Za-z0-9])(?<secret>NRAK-[A-Za-z0-9]{27}|NRAA-[a-f0-9]{27})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    remediation:
      "Delete the key in New Relic (API keys UI, or the `apiAccessDeleteKeys` NerdGraph mutation), create a new user key, and review the account's audit log.",
    references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'],
    examples: {
      positive: [
        'NEW_RELIC_API_KEY=NRAK-R12TI8E5D5K48DTQ7CELEZCPNIJ',
        "curl -H 'API-Key: NRAK-V2T441V55YUGTBBK8MQRYDXLWB5' https://api.newrelic.com/graphql",
        'admin_key: NRAA-6316b4398995e026f344be4811c',
      ],
      negative: [
        'NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'NEW_RELIC_API_KEY=NRAK-R12TI8E5D5K48DTQ7CELEZCPNI',
        'NEW_RELIC_API_KEY=${NEW_RELIC_API_KEY}',
      ],
    },
  },
  {
    id: 'newrelic-insights-insert-key',
    title: 'New Relic Insights insert key',
    description:
      'A New Relic Insights insert key (`NRII-`). It writes custom events to the account — spoofing data and consuming ingest quota.',
    provider: 'New Relic',
    severity: 'medium',
    keywords: ['nrii-'],
    pattern: /(?<![A-Za-z0-9])(?<secret>NRII-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      'Delete the insert key (API keys UI > Insights insert keys) and issue a license key for ingestion instead.',
    references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'],
    examples: {
      positive: [
        'X-Insert-Key: NRII-9IB0mB4j8ihMj0Kjsiw3trf-UOFlogc4',
        'insertKey: "NRII-67Ybc7DjzTmopgwM2N56_2pImXOLJkxC"',
      ],
      negative: [
        'X-Insert-Key: NRII-<key>',
        'X-Insert-Key: NRII-9IB0mB4j8ihMj0Kjsiw3t',
        'X-Insert-Key: $NR_INSERT_KEY',
      ],
    },
  },
  {
    id: 'newrelic-insights-query-key',
    title: 'New Relic Insights query key',
    description:
      'A New Relic Insights query key (`NRIQ-`). It runs NRQL queries against all event data of the account.',
    provider: 'New Relic',
    severity: 'high',
    keywords: ['nriq-'],
    pattern: /(?<![A-Za-z0-9])(?<secret>NRIQ-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      'Delete the query key (API keys UI > Insights query keys) and move the consumer to a user key with limited permissions.',
    references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'],
    examples: {
      positive: [
        'X-Query-Key: NRIQ-09OSrT1lFNag_JxRPv9IwSr5WlRg0R7H',
        'NR_QUERY_KEY="NRIQ-09OSrT1lFNag_JxRPv9IwSr5WlRg0R7H"',
      ],
      negative: [
        'X-Query-Key: NRIQ-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'X-Query-Key: NRIQ-09OSrT1lFNag',
        'X-Query-Key: ${NR_QUERY_KEY}',
      ],
    },
  },
  {
    id: 'newrelic-browser-key',
    title: 'New Relic browser license key',
    description:
      'A New Relic browser application key (`NRJS-`). It is embedded in the browser agent snippet that every page visitor downloads, so it is public by design; reported at low severity because it still lets others send browser events to the account.',
    provider: 'New Relic',
    severity: 'low',
    keywords: ['nrjs-'],
    pattern: /(?<![A-Za-z0-9])(?<secret>NRJS-[a-f0-9]{19})(?![A-Za-z0-9])/,
    minEntropy: 3.0,
    remediation:
      'No rotation is usually needed; if unwanted data arrives, create a new browser key and update the snippet.',
    references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#browser-key'],
    examples: {
      positive: [
        'licenseKey:"NRJS-a6dd53cbd83854b5440",applicationID:"1134567"',
        'NEW_RELIC_BROWSER_KEY=NRJS-57ea06ebb5008d1f178',
      ],
      negative: [
        'licenseKey:"NRJS-a6dd53cbd83854b544"',
        'licenseKey:"NRJS-0000000000000000000"',
        'licenseKey: "{{ nr_browser_key }}"',
      ],
    },
  },
  {
    id: 'newrelic-license-key',
    title: 'New Relic license (ingest) key',
    description:
      'A New Relic license key (40 characters ending in `NRAL`), used by APM and infrastructure agents to send data. It lets others report data into the account — spoofing and ingest costs — and is tied to the account until rotated.',
    provider: 'New Relic',
    severity: 'medium',
    keywords: ['nral'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:eu01xx[0-9a-f]{30}|[0-9a-f]{36})NRAL)(?![A-Za-z0-9])/,
    minEntropy: 3.0,
    remediation:
      'Create a new ingest license key in the API keys UI, roll it out to every agent, then delete the leaked key.',
    references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key'],
    examples: {
      positive: [
        'NEW_RELIC_LICENSE_KEY=55d039ec206336a557940d804a24b628943aNRAL',
        "license_key: 'eu01xxa62f031686b1508f4bd22f90de9afbNRAL'",
      ],
      negative: [
        'NEW_RELIC_LICENSE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL',
        'NEW_RELIC_LICENSE_KEY=55d039ec206336a557940d804a24b628943NRAL',
        'NEW_RELIC_LICENSE_KEY=${NRAL_KEY}',
      ],
    },
  },
  {
    id: 'newrelic-license-key-legacy',
    title: 'New Relic license key (unsuffixed)',
    description:
      'A 40-hexadecimal-character New Relic license key of the format issued before the `NRAL` suffix, assigned to a New Relic-named variable. It sends data into the account.',
    provider: 'New Relic',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['newrelic', 'new_relic', 'new-relic'],
    pattern: new RegExp(
      String.raw`new[_-]?relic[\w.-]{0,20}?license[_-]?key${ASSIGN}(?<secret>[0-9a-f]{40})${END}`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Create a new ingest license key in the API keys UI, roll it out to the agents, then delete the leaked one.',
    references: ['https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key'],
    examples: {
      positive: [
        'NEW_RELIC_LICENSE_KEY=de54f771d411b3fa47a762aa182764022a8db8cb',
        'newrelic.license_key = "de54f771d411b3fa47a762aa182764022a8db8cb"',
      ],
      negative: [
        'NEW_RELIC_LICENSE_KEY=${NEW_RELIC_LICENSE_KEY}',
        'NEW_RELIC_APP_NAME=checkout',
        'NEW_RELIC_LICENSE_KEY=de54f771d411b3fa47a762aa182764022a8db8c',
      ],
    },
  },
  {
    id: 'sentry-org-auth-token',
    title: 'Sentry organization auth token',
    description:
      'A Sentry organization auth token (`sntrys_` followed by base64 JSON naming the organisation and a secret). It is meant for CI: it uploads source maps and debug files and creates releases for every project of the organisation.',
    provider: 'Sentry',
    severity: 'high',
    keywords: ['sntrys_'],
    pattern:
      /(?<![A-Za-z0-9_])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,800}={0,2}_[A-Za-z0-9+/_-]{43})(?![A-Za-z0-9+/_=-])/,
    verify: (s) => {
      const payload = decodeJson(s.slice(7, s.lastIndexOf('_')));
      return payload !== undefined && ('org' in payload || 'iat' in payload);
    },
    remediation:
      'Revoke the token in Sentry (Settings > Developer Settings > Organization Tokens) and create a new one stored as a CI secret.',
    references: ['https://docs.sentry.io/account/auth-tokens/'],
    examples: {
      positive: [
        'SENTRY_AUTH_TOKEN=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',
        'authToken: "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"',
      ],
      negative: [
        'SENTRY_AUTH_TOKEN=sntrys_<token>',
        'SENTRY_AUTH_TOKEN=sntrys_eyJhbGciOiJub25lIn0K_3s0R/sqZ9sbzbn8n+bW49Xl4jq+/NVB1GzYs5dvThOV',
        'SENTRY_DSN=https://3b8a5b1c2d4e4f6a8b9c0d1e2f3a4b5c@o450123.ingest.sentry.io/5501234',
      ],
    },
  },
  {
    id: 'sentry-user-auth-token',
    title: 'Sentry user auth token',
    description:
      'A Sentry user auth token (`sntryu_`). It calls the Sentry API as its user with the scopes chosen at creation — reading issues and events (which often contain personal data and request contents) and administering projects.',
    provider: 'Sentry',
    severity: 'high',
    keywords: ['sntryu_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sntryu_[0-9a-f]{64})(?![A-Za-z0-9_])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the token in Sentry (User Settings > Personal Tokens) and create a new one with the minimum scopes.',
    references: ['https://docs.sentry.io/account/auth-tokens/'],
    examples: {
      positive: [
        'SENTRY_AUTH_TOKEN=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',
        'curl -H "Authorization: Bearer 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" https://sentry.io/api/0/projects/',
      ],
      negative: [
        'SENTRY_AUTH_TOKEN=sntryu_0d17173553fffa170061584a35cc41e6c956e47a03512e5adf401bb31aefeb0',
        'SENTRY_AUTH_TOKEN=sntryu_YOUR_TOKEN_HERE',
        'SENTRY_DSN=https://3b8a5b1c2d4e4f6a8b9c0d1e2f3a4b5c@o450123.ingest.sentry.io/5501234',
      ],
    },
  },
  {
    id: 'sentry-auth-token-legacy',
    title: 'Sentry auth token (unprefixed)',
    description:
      'A Sentry auth token of the format issued before the `sntrys_`/`sntryu_` prefixes (64 hexadecimal characters) — including internal-integration tokens — assigned to a Sentry-named variable. It calls the Sentry API with its scopes. A DSN is not a secret and is not reported.',
    provider: 'Sentry',
    severity: 'high',
    confidence: 'medium',
    keywords: [
      'sentry_auth',
      'sentry-auth',
      'sentryauth',
      'sentry_token',
      'sentry-token',
      'sentrytoken',
      'sentry_api',
      'sentry-api',
      'sentryapi',
      'sentry_key',
      'sentry-key',
      'sentrykey',
      'sentry_cli',
      'sentrycli',
    ],
    pattern: new RegExp(
      `sentry[_-]?(?:auth[_-]?|api[_-]?|cli[_-]?)?(?:token|key)${ASSIGN}(?<secret>[0-9a-f]{64})${END}`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      "Revoke the token (User Settings > Personal Tokens, or the internal integration's token list) and create a new organization token for CI.",
    references: ['https://docs.sentry.io/api/auth/'],
    examples: {
      positive: [
        'SENTRY_AUTH_TOKEN=01fd8bc05a5e6b403fe6aa697c2913ec427995f6013939ad830c328ec358dc04',
        'sentryAuthToken: "2e44104336bb4d057e2b458c6f2a0909f07c4a45ed9d17ea0b1600add5e91792"',
      ],
      negative: [
        'SENTRY_DSN=https://3b8a5b1c2d4e4f6a8b9c0d1e2f3a4b5c@o450123.ingest.sentry.io/5501234',
        'SENTRY_AUTH_TOKEN=${SENTRY_AUTH_TOKEN}',
        'SENTRY_KEY=3b8a5b1c2d4e4f6a8b9c0d1e2f3a4b5c',
      ],
    },
  },
  {
    id: 'pagerduty-api-key',
    title: 'PagerDuty REST API key',
    description:
      'A PagerDuty REST API key (20 characters) or user token (`u+`), in a `Token token=` header or a PagerDuty-named variable. It reads incidents, schedules and contact details, and can acknowledge or resolve incidents and change services and escalation policies.',
    provider: 'PagerDuty',
    severity: 'high',
    confidence: 'medium',
    keywords: ['pagerduty', 'token token='],
    pattern: new RegExp(
      String.raw`(?:pagerduty${CRED}${ASSIGN}|Token token=)(?<secret>u\+[A-Za-z0-9_+-]{18}|[A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+/=-])`,
      'i',
    ),
    minEntropy: 3.3,
    remediation:
      "Delete the key in PagerDuty (Integrations > API Access Keys, or the user's User Settings > API Access for user tokens) and create a read-only or scoped replacement.",
    references: ['https://support.pagerduty.com/main/docs/api-access-keys'],
    examples: {
      positive: [
        "curl -H 'Authorization: Token token=iI6RqMm74IXBM_mE7Rgc' https://api.pagerduty.com/incidents",
        'PAGERDUTY_TOKEN=u+bBBbCmoBI04Lxvy0lw',
      ],
      negative: [
        'PAGERDUTY_TOKEN=${PAGERDUTY_TOKEN}',
        'PAGERDUTY_SERVICE_ID=PX1234Z',
        'Authorization: Token token=<api-key>',
      ],
    },
  },
  {
    id: 'pagerduty-integration-key',
    title: 'PagerDuty Events integration key',
    description:
      'A PagerDuty Events API integration (routing) key (32 hexadecimal characters) assigned to a PagerDuty-named variable. It triggers, acknowledges and resolves incidents on its service — paging people at will or silencing real alerts.',
    provider: 'PagerDuty',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['pagerduty'],
    pattern: new RegExp(
      String.raw`pagerduty[\w.-]{0,24}?(?:integration|routing|service|events?)[_-]?key${ASSIGN}(?<secret>[0-9a-f]{32})${END}`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Delete the integration on the service (Service > Integrations) and add a new one; update the alert sources that use the key.',
    references: ['https://developer.pagerduty.com/docs/events-api-v2/overview/'],
    examples: {
      positive: [
        'PAGERDUTY_ROUTING_KEY=e9e24d04b5659d5b8ba1d9ec14cd0216',
        'pagerduty_integration_key: "e9e24d04b5659d5b8ba1d9ec14cd0216"',
      ],
      negative: [
        'PAGERDUTY_ROUTING_KEY=${PAGERDUTY_ROUTING_KEY}',
        'PAGERDUTY_ROUTING_KEY=e9e24d04b5659d5b8ba1d9ec14cd021',
        'PAGERDUTY_SERVICE=checkout',
      ],
    },
  },
  {
    id: 'grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    description:
      'A Grafana Cloud access policy token or legacy Cloud API key (`glc_` followed by base64 JSON). Depending on its scopes it writes or reads metrics, logs and traces, or manages stacks through the Grafana Cloud API.',
    provider: 'Grafana',
    severity: 'high',
    keywords: ['glc_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>glc_eyJ[A-Za-z0-9+/]{20,1200}={0,2})(?![A-Za-z0-9+/=_-])/,
    verify: (s) => {
      const payload = decodeJson(s.slice(4));
      return payload !== undefined && 'k' in payload;
    },
    remediation:
      'Delete the token in the Grafana Cloud portal (Security > Access policies > the policy > tokens) and create a new one with the narrowest scopes and an expiry.',
    references: [
      'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/',
    ],
    examples: {
      positive: [
        'GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiOTE4MjczIiwibiI6InN0YWNrLTU1MTIwNC1obS13cml0ZS1hbGxveSIsImsiOiJsS21zdWpEbk5lcWp5WEtmZVZUSFJ4RXQiLCJtIjp7InIiOiJwcm9kLXVzLWVhc3QtMCJ9fQ==',
        '  password: glc_eyJvIjoiNDAyOTgxIiwibiI6ImNpLXB1Ymxpc2giLCJrIjoic1hRZTB6bWhpTEk5WHlhb1lxb2VwTGFDIiwibSI6eyJyIjoicHJvZC1ldS13ZXN0LTIifX0=',
      ],
      negative: [
        'GRAFANA_CLOUD_TOKEN=glc_<token>',
        'GRAFANA_CLOUD_TOKEN=glc_eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0=',
        'GRAFANA_CLOUD_TOKEN=${GRAFANA_CLOUD_TOKEN}',
      ],
    },
  },
  {
    id: 'grafana-service-account-token',
    title: 'Grafana service account token',
    description:
      "A Grafana service account token (`glsa_`, with a CRC-32 checksum suffix). It calls the Grafana HTTP API with the service account's role — often Editor or Admin: reading data sources' data, changing dashboards, alerts and data source credentials.",
    provider: 'Grafana',
    severity: 'high',
    keywords: ['glsa_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    // The suffix is the CRC-32 of `glsa_<secret>`, as little-endian hex.
    verify: (s) => (crc32HexLittleEndian(s.slice(0, 37)) === s.slice(38) ? 'high' : 'low'),
    remediation:
      'Delete the token under Administration > Users and access > Service accounts > the account > Tokens, and add a new one with an expiry.',
    references: ['https://grafana.com/docs/grafana/latest/administration/service-accounts/'],
    examples: {
      positive: [
        'GRAFANA_SERVICE_ACCOUNT_TOKEN=glsa_RpGMdIa17zvszhkc8nlOuxJoJOSYwbtF_f5c39c6c',
        'curl -H "Authorization: Bearer glsa_6nLh2R11X799rLV1KOGjpaCzBywvfs8a_192450fc" https://grafana.acme.io/api/dashboards/home',
        // Checksum fails: found at low confidence.
        'GRAFANA_TOKEN=glsa_SciMaPkE8dD71Y0cFQzar4uJuBKjiACN_91545df6',
      ],
      negative: [
        'GRAFANA_TOKEN=glsa_RpGMdIa17zvszhkc8nlOuxJoJOSYwbtF',
        'GRAFANA_TOKEN=glsa_<token>',
        'GRAFANA_TOKEN=${GRAFANA_TOKEN}',
      ],
    },
  },
  {
    id: 'grafana-api-key',
    title: 'Grafana API key (legacy)',
    description:
      'A legacy Grafana API key (base64 JSON starting `eyJrIjoi`, i.e. `{"k":"`). It authenticates to the Grafana HTTP API with the role it was created with, up to Admin.',
    provider: 'Grafana',
    severity: 'high',
    keywords: ['eyjrijoi'],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>eyJrIjoi[A-Za-z0-9+/]{30,300}={0,2})(?![A-Za-z0-9+/=])/,
    verify: (s) => {
      const payload = decodeJson(s);
      return payload !== undefined && 'k' in payload && ('n' in payload || 'id' in payload);
    },
    remediation:
      'Delete the API key in Grafana (Administration > API keys, or migrate it to a service account and delete the token) and create a service account token instead.',
    references: ['https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/'],
    examples: {
      positive: [
        'GRAFANA_API_KEY=eyJrIjoiVFJKYXFOQVIzUmlvZkdXWXdHYUFDeGRQdm9iclo5bVkiLCJuIjoiZGVwbG95IiwiaWQiOjF9',
        'headers = {"Authorization": "Bearer eyJrIjoibEd3VTJwZk9xSjVPS1hhcUY0UGtZNGFDMGN6YXNBbXciLCJuIjoiZ3JhZmFuYS1iYWNrdXAiLCJpZCI6N30="}',
      ],
      negative: [
        'GRAFANA_API_KEY=eyJrIjoi<rest-of-key>',
        'GRAFANA_API_KEY=eyJrIjoiYWJjIn0K',
        'GRAFANA_API_KEY=eyJrIjoiVFJKYXFOQVIzUmlvZkdXWXdHYUFDeGRQdm9iclo5bVki', // truncated, not JSON
      ],
    },
  },
  {
    id: 'honeycomb-ingest-key',
    title: 'Honeycomb ingest key',
    description:
      'A Honeycomb ingest key (`hc?ik_`: key id and secret). It sends telemetry into its environment — spoofing data and consuming the event quota — and, if permitted, creates datasets.',
    provider: 'Honeycomb',
    severity: 'medium',
    keywords: [...'abcdefghijklmnopqrstuvwxyz'].map((c) => `hc${c}ik_`),
    pattern: /(?<![A-Za-z0-9_])(?<secret>hc[a-z]ik_[A-Za-z0-9]{58})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
    remediation:
      'Disable or delete the key under Environment settings > API keys and create a new ingest key for the senders.',
    references: ['https://docs.honeycomb.io/api/authentication'],
    examples: {
      positive: [
        'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=hcaik_spaoqxvy5kyjgmbq1gscbmnxu07kri6ioid359dp0kjdzvlmptmmwwysh9"',
        'HONEYCOMB_API_KEY: hcxik_lhrh69bxo1ki7wv9iquv3f9pxhmzp2t07u5as3cptn93hp2y3ex2ovrch9',
      ],
      negative: [
        'HONEYCOMB_API_KEY: hcaik_<key>',
        'HONEYCOMB_API_KEY: hcaik_spaoqxvy5kyjgmbq1gscbmnxu07kri',
        'const tick_ = 1;',
      ],
    },
  },
  {
    id: 'honeycomb-api-key',
    title: 'Honeycomb API key (configuration or classic)',
    description:
      'A Honeycomb configuration key (22 characters) or classic key (32 hexadecimal characters) in an `x-honeycomb-team` header or a Honeycomb-named variable. Configuration keys send data and, with their permissions, manage boards, triggers, SLOs and markers.',
    provider: 'Honeycomb',
    severity: 'high',
    confidence: 'medium',
    keywords: ['honeycomb'],
    pattern: new RegExp(
      String.raw`(?:honeycomb${CRED}${ASSIGN}|x-honeycomb-team["']?\s{0,3}[:=]\s{0,3}["']?)(?<secret>[0-9a-f]{32}|[A-Za-z0-9]{22})${END}`,
      'i',
    ),
    minEntropy: 3.3,
    remediation:
      'Delete the key under Environment settings > API keys (Team settings for classic keys) and create a new one with only the permissions needed.',
    references: ['https://docs.honeycomb.io/api/authentication'],
    examples: {
      positive: [
        'HONEYCOMB_API_KEY=N9xhlaEzvEmDbkzbRAJOiH',
        'OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=f4a51a7dd3140754e99dc039d4829fa0',
      ],
      negative: [
        'HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}',
        'HONEYCOMB_DATASET=checkout-service',
        'x-honeycomb-team: <api-key>',
      ],
    },
  },
  {
    id: 'dynatrace-api-token',
    title: 'Dynatrace API token',
    description:
      'A Dynatrace access token (`dt0c01.` public part and secret). Depending on its scopes it ingests data, reads entities, problems and logs, or changes settings and deploys OneAgent configuration in the environment.',
    provider: 'Dynatrace',
    severity: 'high',
    keywords: ['dt0c0', 'dt0s0'],
    pattern: /(?<![A-Za-z0-9])(?<secret>dt0[cs][0-9]{2}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    remediation:
      'Revoke the token in Dynatrace (Access tokens page, or the tokens API) and create a new one with the minimum scopes.',
    references: [
      'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
    ],
    examples: {
      positive: [
        'DT_API_TOKEN=dt0c01.R4FDO53EA3890736AM7ZKZT9.V642OCJDS74MGFYW7EKFJQDZSN0AVVDSJ5GF61TETGGCPJ4VMDK1VWKLTR8IY70Z',
        'curl -H "Authorization: Api-Token dt0c01.LQJOWQEH06DTNPGSOWA041KE.GAIEV6WCHIF4UNMU9RWJOCXW7UJ6ORQHNHAGDFYUIV6XQIEX77XS1MEOAJ4Y5FNE" https://abc12345.live.dynatrace.com/api/v2/entities',
      ],
      negative: [
        'DT_API_TOKEN=dt0c01.R4FDO53EA3890736AM7ZKZT9',
        'DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'DT_API_TOKEN=${DT_API_TOKEN}',
      ],
    },
  },
  {
    id: 'splunk-hec-token',
    title: 'Splunk HTTP Event Collector token',
    description:
      'A Splunk HTTP Event Collector token (a UUID) in an `Authorization: Splunk` header or a Splunk-named variable. It writes events into the indexes it is allowed — spoofing or flooding security logs.',
    provider: 'Splunk',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['splunk'],
    pattern: new RegExp(
      String.raw`(?:splunk${CRED}${ASSIGN}|Splunk\s{1,3})(?<secret>${UUID})(?![A-Za-z0-9-])`,
      'i',
    ),
    minEntropy: 3.0,
    remediation:
      'Disable and delete the token in Splunk (Settings > Data inputs > HTTP Event Collector) and create a new one limited to the needed indexes.',
    references: ['https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector'],
    examples: {
      positive: [
        'curl -H "Authorization: Splunk D69807F5-BEE4-403F-9C47-3B8106F9C733" https://splunk.acme.io:8088/services/collector/event',
        'SPLUNK_HEC_TOKEN=8ebadd38-4b7c-409f-b9ed-d29427034c08',
      ],
      negative: [
        'SPLUNK_HEC_TOKEN=${SPLUNK_HEC_TOKEN}',
        'SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000',
        'SPLUNK_INDEX=main',
      ],
    },
  },
  {
    id: 'lightstep-access-token',
    title: 'Lightstep (Cloud Observability) access token',
    description:
      'A Lightstep / ServiceNow Cloud Observability access token assigned to a Lightstep-named variable or `lightstep-access-token` header. It sends telemetry to the project and consumes its quota.',
    provider: 'ServiceNow',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['lightstep'],
    pattern: named('lightstep', '[A-Za-z0-9+/]{32,200}={0,2}'),
    minEntropy: 4.0,
    remediation:
      'Delete the token in the project settings (Access tokens) and create a new one for the collectors.',
    references: ['https://docs.lightstep.com/docs/create-and-manage-access-tokens'],
    examples: {
      positive: [
        'LIGHTSTEP_ACCESS_TOKEN=IYR3o7ThNQqxsFW50YBhTFZzZWUieuPiGPHULH53r5IUIYRJTwfXlAJKUqaqtdr+dCTz45Pw0AzN0jrlXHKu',
        'lightstep-access-token: ixya1bklf6cZAL9kqmpFEq/W//DfkMD9qRJfI57jb9MJl+zFb03+LLBvM+KlP+7gyIaTYRNQRSE/NXVmJF2d',
      ],
      negative: [
        'LIGHTSTEP_ACCESS_TOKEN=${LIGHTSTEP_ACCESS_TOKEN}',
        'LIGHTSTEP_ACCESS_TOKEN=short',
        'LIGHTSTEP_SERVICE_NAME=checkout',
      ],
    },
  },
  {
    id: 'logzio-token',
    title: 'Logz.io shipping or API token',
    description:
      'A Logz.io shipping token (32 letters) or API token (a UUID) assigned to a Logz.io-named variable. Shipping tokens send logs and metrics into the account; API tokens read data and change account settings.',
    provider: 'Logz.io',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['logz'],
    pattern: named(`logz(?:[_.-]?io)?`, `[A-Za-z]{32}|${UUID}`),
    minEntropy: 3.5,
    remediation: 'Replace the token in Logz.io (Settings > Manage tokens) and delete the leaked one.',
    references: ['https://docs.logz.io/docs/user-guide/admin/authentication-tokens/'],
    examples: {
      positive: [
        'LOGZIO_TOKEN=PmKeZBzROJGZZlmWWwFOPQsdmLxroZsk',
        'logzio_shipping_token: "MTxZRTFdFMkENlCLpfMHtZriXuDHSmuc"',
      ],
      negative: [
        'LOGZIO_TOKEN=${LOGZIO_TOKEN}',
        'LOGZIO_LISTENER=listener.logz.io',
        'LOGZIO_TOKEN=PmKeZBzROJGZZlmWWwFOPQsdmLxroZs',
      ],
    },
  },
  {
    id: 'rollbar-access-token',
    title: 'Rollbar access token',
    description:
      'A Rollbar project or account access token (32 hexadecimal characters) assigned to a Rollbar-named variable. Server-side (`post_server_item`), `read` and `write` tokens read error data or change projects; `post_client_item` tokens are meant to be public.',
    provider: 'Rollbar',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['rollbar'],
    pattern: named('rollbar', '[0-9a-f]{32}'),
    minEntropy: 3.0,
    remediation:
      'Disable the token in Rollbar (Project or Account Settings > Access Tokens) and create a new one with the minimum scope.',
    references: ['https://docs.rollbar.com/docs/access-tokens'],
    examples: {
      positive: [
        'ROLLBAR_ACCESS_TOKEN=7282022beb4bdeafcf22c6fc9ece5c73',
        "rollbar_token: '3ac9e8ae35e76872442f0e285fef9b1d'",
      ],
      negative: [
        'ROLLBAR_ACCESS_TOKEN=${ROLLBAR_ACCESS_TOKEN}',
        'ROLLBAR_ENVIRONMENT=production',
        'ROLLBAR_ACCESS_TOKEN=7282022beb4bdeafcf22c6fc9ece5c7',
      ],
    },
  },
  {
    id: 'bugsnag-api-key',
    title: 'Bugsnag API key',
    description:
      'A Bugsnag notifier API key (32 hexadecimal characters) assigned to a Bugsnag-named variable. It reports errors and uploads source maps for the project; anyone holding it can flood the project with fake errors. Mobile and browser apps embed it, so it is rarely confidential.',
    provider: 'Bugsnag',
    severity: 'medium',
    confidence: 'medium',
    keywords: ['bugsnag'],
    pattern: named('bugsnag', '[0-9a-f]{32}'),
    minEntropy: 3.0,
    remediation:
      'Regenerate the notifier API key in the project settings and update the apps and build steps that use it.',
    references: ['https://docs.bugsnag.com/product/getting-started/'],
    examples: {
      positive: [
        'BUGSNAG_API_KEY=c8a95d0349de0d4b650559ff0a1c266a',
        '"bugsnagApiKey": "2b2cf33684736899f2a351155d38ecbb"',
      ],
      negative: [
        'BUGSNAG_API_KEY=${BUGSNAG_API_KEY}',
        'BUGSNAG_RELEASE_STAGE=production',
        'BUGSNAG_API_KEY=c8a95d0349de0d4b650559ff0a1c266',
      ],
    },
  },
  {
    id: 'elastic-cloud-api-key',
    title: 'Elastic Cloud API key',
    description:
      'An Elastic Cloud API key (`essu_`). It calls the Elastic Cloud API with the roles it was given — creating, changing or deleting hosted deployments and serverless projects of the organisation.',
    provider: 'Elastic',
    severity: 'high',
    keywords: ['essu_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>essu_[A-Za-z0-9+/]{40,300}={0,2})(?![A-Za-z0-9+/=_-])/,
    minEntropy: 4.0,
    remediation:
      'Revoke the key in the Elastic Cloud console (Organization > API keys) and create a new one with an expiry and the least roles.',
    references: ['https://www.elastic.co/docs/deploy-manage/api-keys/elastic-cloud-api-keys'],
    examples: {
      positive: [
        'EC_API_KEY=essu_RmtsY3h0RWZqNGVMa3dkR3kyZmo6RE5OS2J4R0RFRjFYdTJxMmpHRzRzWW9KYVAzSlMwN3hCaXZpMVI2Ng==',
        'curl -H "Authorization: ApiKey essu_UmNPdWl1SWp5RFo5RkUxUGkzanQ6eW5SYVJaZHc4eWpaTEpoVG9GRWp1eXRYNU9RNzVubmwwSTY2cXdnag==" https://api.elastic-cloud.com/api/v1/deployments',
      ],
      negative: ['EC_API_KEY=essu_<key>', 'EC_API_KEY=essu_RmtsY3h0RWZqNGVMa3dk', 'EC_API_KEY=$EC_API_KEY'],
    },
  },
];
