import type { Confidence } from '../../../core/severity.js';
import type { Detector } from '../detector.js';
import { ASSIGN, assigned, ci, GAP, mixedCase, near, UUID } from './patterns.js';

/**
 * Messaging, email and customer-support providers. Prefixed tokens (`xoxb-`, `SG.`, `xkeysib-`)
 * stand on their own; prefix-less ones (Twilio's 32-hex auth token, Pusher's secret) are only
 * reported when assigned to a name that carries the provider's name.
 */

const SLACK_REVOKE =
  "Revoke the token (call auth.revoke with it, or reinstall the app / regenerate it under api.slack.com/apps > the app > OAuth & Permissions), store the new one in a secret manager, and review the workspace access logs and the app's recent activity.";
const SLACK_REFS = [
  'https://api.slack.com/authentication/token-types',
  'https://api.slack.com/methods/auth.revoke',
];

/** Discord bot tokens start with the bot's user id (a snowflake), base64-encoded. */
function discordIdPart(token: string): boolean {
  const id = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  return /^[0-9]{17,20}$/.test(id);
}

/** Intercom access tokens are base64 of `tok:<id>:...`. */
function intercomToken(token: string, g: Readonly<Record<string, string | undefined>>): boolean | Confidence {
  if (!Buffer.from(token, 'base64').toString('latin1').startsWith('tok:')) return false;
  return g.ctx ? true : 'medium';
}

export const messagingDetectors: Detector[] = [
  {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    description:
      'A Twilio account auth token (32 hex characters), assigned to a Twilio auth-token setting or paired with an account SID (`AC...:token`). With the account SID it controls the whole account: sending SMS and calls billed to it, reading message logs, buying numbers. The account SID itself is an identifier and is not reported.',
    provider: 'Twilio',
    severity: 'high',
    confidence: 'medium',
    keywords: ['twilio'],
    pattern: new RegExp(
      `(?:${ci('twilio')}${GAP}${ci('auth')}[_.-]?${ci('token')}${ASSIGN}|AC[0-9a-f]{32}:)(?<secret>[0-9a-f]{32})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 2.6,
    remediation:
      'Rotate the auth token in the Twilio Console (Account > API keys & tokens > Auth tokens: request a secondary token, deploy it, then promote it), prefer API keys over the auth token for applications, and review usage and message logs for unexpected traffic.',
    references: [
      'https://www.twilio.com/docs/iam/api/authtoken',
      'https://www.twilio.com/docs/usage/security',
    ],
    examples: {
      positive: [
        'TWILIO_AUTH_TOKEN=9407e9fafcce663898f4bb30aa75eb95',
        "twilioAuthToken: 'dce9950d5209a74d7babdc5758d81d59'",
        'curl -X POST https://api.twilio.com/2010-04-01/Accounts/AC8d1c63355fec43ad495a4b622faabca9/Messages.json -u ACd6fe215f46ab6517529c7d4c5d192fd7:4aac43d5b53e2ba213973e8f00a6354f',
      ],
      negative: [
        'TWILIO_ACCOUNT_SID=ACd389a3c0b816404242e33dd10cf065bb',
        'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
        'TWILIO_AUTH_TOKEN=76191a8c82326aad9781b67f',
        'TWILIO_AUTH_TOKEN=your_auth_token',
      ],
    },
  },
  {
    id: 'twilio-api-key-secret',
    title: 'Twilio API key secret',
    description:
      "The secret of a Twilio API key (32 base62 characters), assigned to a Twilio secret setting. With the key SID (`SK...`) it calls the Twilio REST API with the key's permissions (standard keys: almost everything the auth token can do).",
    provider: 'Twilio',
    severity: 'high',
    confidence: 'medium',
    keywords: ['twilio'],
    pattern: assigned(`${ci('twilio')}${GAP}${ci('secret')}`, '[A-Za-z0-9]{32}'),
    minEntropy: 3.5,
    verify: (s) => mixedCase(s),
    remediation:
      'Delete the API key in the Twilio Console (Account > API keys & tokens), create a new one, deploy it from a secret manager, and review usage logs.',
    references: ['https://www.twilio.com/docs/iam/api-keys'],
    examples: {
      positive: [
        'TWILIO_API_SECRET=lcMwt8KJ3M9cw2KQ1LcHIHJBz07Pv92q',
        'twilio_api_key_secret: "YscmcjP9rWIy1ExgYM2ROvcij4zpCLKT"',
      ],
      negative: [
        'TWILIO_API_KEY=SK25fabbeace0f265f13a1e6492db02994',
        'TWILIO_API_SECRET=${TWILIO_API_SECRET}',
        'TWILIO_API_SECRET=gsa1tuw01mzkp1heq21hl5d0jxxty4rn',
        'TWILIO_API_SECRET=77X15empCV9u7dtM',
      ],
    },
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    description:
      "A Twilio SendGrid API key (`SG.<id>.<secret>`). Depending on its scopes it sends email as the account's verified senders (phishing from a trusted domain), reads contacts or changes account settings.",
    provider: 'SendGrid',
    severity: 'high',
    keywords: ['sg.'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in SendGrid (Settings > API Keys), create a replacement with only the scopes needed (usually Mail Send), and review Activity for email you did not send.',
    references: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys'],
    examples: {
      positive: [
        'SENDGRID_API_KEY=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',
        "sgMail.setApiKey('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');",
      ],
      negative: [
        'SENDGRID_API_KEY=SG.yZEMoT-6b1jb5tsGBM4Ocy.ZxzaUA_YCPC-f5buphAF',
        'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'const text = msg.KztRjyxMqZxJlTM4sAEGwo.g7EBYJp4eTmlnZ_w8wTjtK5oDpqbzXwSBUol0nieShS;',
        'SENDGRID_API_KEY=${SENDGRID_API_KEY}',
      ],
    },
  },
  {
    id: 'mailgun-api-key',
    title: 'Mailgun API key',
    description:
      "A Mailgun private API key (`key-` + 32 characters, or the newer `<32 hex>-<8 hex>-<8 hex>` format) next to the Mailgun name. It sends email from the account's domains and reads logs, routes and mailing lists. Public validation keys (`pubkey-`) are not reported.",
    provider: 'Mailgun',
    severity: 'high',
    keywords: ['mailgun'],
    pattern: near(ci('mailgun'), '(?:key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})'),
    minEntropy: 3.0,
    remediation:
      "Delete or regenerate the key in the Mailgun dashboard (Account settings > API security, or the domain's Sending API keys), deploy the new one, and review sending logs.",
    references: ['https://documentation.mailgun.com/docs/mailgun/api-reference/authentication'],
    examples: {
      positive: [
        'MAILGUN_API_KEY=key-affzqu120arlp0rcdlc7aq7y2xizpmqf',
        'MAILGUN_API_KEY=ef8269f28362840bae6eafe2a4cbb053-6ea977b4-2278decb',
        "const mg = mailgun.client({ username: 'api', key: 'b711691fc272eb4e59161b78d6219b01-a103043d-67a3f401' });",
      ],
      negative: [
        'MAILGUN_PUBLIC_KEY=pubkey-l4b21mpoxvn1i6o6ebsmaxxcfsb6po7s',
        'cache_key = "key-1ac7af33936402705d708f5c141a1856"',
        'MAILGUN_API_KEY=key-bydlhebqw28sxtbsgdkk',
        'MAILGUN_API_KEY=your-mailgun-api-key',
      ],
    },
  },
  {
    id: 'mailchimp-api-key',
    title: 'Mailchimp API key',
    description:
      'A Mailchimp Marketing API key (32 hex characters and the data-centre suffix `-usN`). It reads and exports audiences (subscriber personal data) and sends campaigns from the account.',
    provider: 'Mailchimp',
    severity: 'high',
    keywords: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Disable the key in Mailchimp (Profile > Extras > API keys), create a new one, deploy it, and check the audience export and campaign history.',
    references: ['https://mailchimp.com/developer/marketing/guides/quick-start/'],
    examples: {
      positive: [
        'MAILCHIMP_API_KEY=cc89b8340fa7a878e92943b23b345bdb-us21',
        "mailchimp.setConfig({ apiKey: '5787cfbf83f17d346e99a1632b3bd78c-us6', server: 'us6' });",
      ],
      negative: [
        'MAILCHIMP_API_KEY=4cb624c5eb1db5be2f15-us6',
        'MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us6',
        'MAILCHIMP_SERVER_PREFIX=us6',
        'MAILCHIMP_API_KEY=8c6c0f197cf9e83563e964a7ab971e69-us',
      ],
    },
  },
  {
    id: 'mandrill-api-key',
    title: 'Mailchimp Transactional (Mandrill) API key',
    description:
      "A Mailchimp Transactional (Mandrill) API key (`md-` + 22 characters) next to the Mandrill name. It sends transactional email from the account's sending domains and reads message content and logs.",
    provider: 'Mailchimp',
    severity: 'high',
    keywords: ['mandrill'],
    pattern: near(ci('mandrill'), 'md-[A-Za-z0-9_-]{22}'),
    minEntropy: 3.5,
    remediation:
      'Delete the key in Mailchimp Transactional (Settings > SMTP & API Info), create a new one, deploy it, and review the outbound activity.',
    references: ['https://mailchimp.com/developer/transactional/guides/quick-start/'],
    examples: {
      positive: [
        'MANDRILL_API_KEY=md-3WL9_HitxiNshvy4BFg7p2',
        "mandrill_client = MailchimpTransactional.Client('md-IfR9maUmYFScVxB3vTTx1r')",
      ],
      negative: [
        'MANDRILL_API_KEY=md-mNouhsH5TP',
        'class="md-TpQtpGimw0SZ03xnuvIuJf"',
        'MANDRILL_API_KEY=${MANDRILL_API_KEY}',
      ],
    },
  },
  {
    id: 'postmark-server-token',
    title: 'Postmark server or account token',
    description:
      "A Postmark server or account API token (a UUID) assigned to a Postmark setting or sent in an `X-Postmark-Server-Token` header. Server tokens send email from the server's streams and read its messages; account tokens manage servers, domains and sender signatures.",
    provider: 'Postmark',
    severity: 'high',
    confidence: 'medium',
    keywords: ['postmark'],
    pattern: assigned(`${ci('postmark')}${GAP}(?:${ci('token')}|${ci('key')})`, UUID),
    minEntropy: 3.0,
    remediation:
      'Regenerate the token in Postmark (the server > API Tokens, or Account > API Tokens for account tokens), deploy the new one, and review the Activity page for messages you did not send.',
    references: ['https://postmarkapp.com/developer/api/overview'],
    examples: {
      positive: [
        'POSTMARK_SERVER_TOKEN=fd0aa53d-ba51-42ca-a7fb-2c2a8e035cc6',
        'curl -H "X-Postmark-Server-Token: c5047cf7-63e1-4a19-a057-7639a27693ea" https://api.postmarkapp.com/email',
      ],
      negative: [
        'POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST',
        'POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000',
        'POSTMARK_MESSAGE_STREAM=outbound',
        'message_id = "b2d8a43c-e8b5-4b44-a4e4-8b8a02d11a72"',
      ],
    },
  },
  {
    id: 'brevo-api-key',
    title: 'Brevo (Sendinblue) API key',
    description:
      'A Brevo (formerly Sendinblue) API v3 key (`xkeysib-`). It sends email and SMS from the account and reads or exports contacts.',
    provider: 'Brevo',
    severity: 'high',
    keywords: ['xkeysib-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in Brevo (SMTP & API > API keys), create a new one, deploy it, and review recent email and contact exports.',
    references: ['https://developers.brevo.com/docs/getting-started'],
    examples: {
      positive: [
        'BREVO_API_KEY=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',
        "apiKey.apiKey = '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';",
      ],
      negative: [
        'BREVO_API_KEY=xkeysib-92d9c4cc7c8e03bd86e455d6b152caa1-DT6ir4jxW8Q2bj54',
        'BREVO_API_KEY=xkeysib-...',
        'BREVO_API_KEY=xsmtpsib-35910addfdd01ee4fba95f1429b8785374b00856f1eb3805f8313f60d3e06ad6-NnoXBVbHGyXIri6k',
      ],
    },
  },
  {
    id: 'brevo-smtp-key',
    title: 'Brevo (Sendinblue) SMTP key',
    description:
      "A Brevo (formerly Sendinblue) SMTP relay key (`xsmtpsib-`). It is the password for Brevo's SMTP relay: whoever holds it sends email as the account.",
    provider: 'Brevo',
    severity: 'high',
    keywords: ['xsmtpsib-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the SMTP key in Brevo (SMTP & API > SMTP), generate a new one, deploy it, and review recent sending activity.',
    references: ['https://help.brevo.com/hc/en-us/articles/7924908994450'],
    examples: {
      positive: [
        'SMTP_PASSWORD=xsmtpsib-1a4960619b4e81dcb2080b79ad54aae1dc170ca9c15360dfe80bafd9e05356c6-Cf3FWK9NshN6Haf1',
        'smtp_pass: "xsmtpsib-2659286fbb4ba370ef9a6eb326dd35c63887f80875a9ab4ba5a7c01d851505c2-uC4pL87eytGcmrAw"',
      ],
      negative: [
        'SMTP_PASSWORD=xsmtpsib-2ffee9397c46168ba13582a6d2f31214a0a2d1f3d84473a320cecc25497d0931',
        'SMTP_PASSWORD=xsmtpsib-<key>',
        'BREVO_API_KEY=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',
      ],
    },
  },
  {
    id: 'slack-bot-token',
    title: 'Slack bot token',
    description:
      "A Slack bot user OAuth token (`xoxb-`). It acts as the app's bot in the workspace with the app's scopes: reading channels it is in, posting messages, uploading files, listing users.",
    provider: 'Slack',
    severity: 'high',
    keywords: ['xoxb-'],
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{24,34})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation: SLACK_REVOKE,
    references: SLACK_REFS,
    examples: {
      positive: [
        'SLACK_BOT_TOKEN=xoxb-740238585609-8907211470321-cNfcv6Dkuu6aHmnzTkGZ8Ll4',
        'slack:\n  token: "xoxb-40892361909-L6GtM9nPzRDj0Og7ls68AF4k"',
      ],
      negative: [
        'SLACK_BOT_TOKEN=xoxb-your-bot-token',
        'SLACK_BOT_TOKEN=xoxb-656352740903-1516843702671-btnOHXbzkX',
        'SLACK_BOT_TOKEN=xoxb-${TOKEN}',
      ],
    },
  },
  {
    id: 'slack-user-token',
    title: 'Slack user token',
    description:
      'A Slack user OAuth token (`xoxp-`). It acts as the user who installed the app: with common scopes it reads their channels, private messages and files.',
    provider: 'Slack',
    severity: 'high',
    keywords: ['xoxp-'],
    pattern:
      /(?<![A-Za-z0-9_.-])(?<secret>xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation: SLACK_REVOKE,
    references: SLACK_REFS,
    examples: {
      positive: [
        'SLACK_USER_TOKEN=xoxp-108873422995-744308945123-9865537963906-8a7adf3d03b97f4fcee90a7a46fab4b3',
        '"token": "xoxp-74774894970-892767973314-1775234021979-2bcd027e19889f6c4409b820454a7685"',
      ],
      negative: [
        'SLACK_USER_TOKEN=xoxp-220820913582-921516293552-9097906285808-a171215ed5276e704dc6',
        'SLACK_USER_TOKEN=xoxp-xxxxxxxxxxxx-xxxxxxxxxxxx',
        'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-V7esgufVpJM2M8YKSFVLRyZzoh1gcFa3diMgf05qbnwhWK70NIFjnXHB8DZxly1zZ2gBdZaqQrnoAXy2sdU5qAfmHwiZBsiQCoQU25fEZ06sOc5Y2zcbpks5aggdR7E30MUMHoSmc1w8QTvsHvbiyUL1CKkpY483',
      ],
    },
  },
  {
    id: 'slack-app-token',
    title: 'Slack app-level token',
    description:
      "A Slack app-level token (`xapp-`). It opens Socket Mode connections that receive the app's events (messages in its channels) and can carry other app-wide scopes.",
    provider: 'Slack',
    severity: 'high',
    keywords: ['xapp-'],
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the app-level token under api.slack.com/apps > the app > Basic Information > App-Level Tokens, generate a new one, and store it in a secret manager.',
    references: SLACK_REFS,
    examples: {
      positive: [
        'SLACK_APP_TOKEN=xapp-1-A2FQPI4QKFT-8023231644167-535ca8ed30f69145b5d42c86002237aeefa71d20b4e5f3c879085d5689aac797',
        "app_token: 'xapp-1-AUMHEUU0Q85-2351559574279-03973661b6eb5c5db93d9b2ebfe2ef6d8a9a73a460879baaef4d27220a67ddb9'",
      ],
      negative: [
        'SLACK_APP_TOKEN=xapp-1-ALIARUM6P8I-8309684693630-66ffe18c2f1749c8e5eb522573ea21',
        'SLACK_APP_TOKEN=xapp-...',
        'SLACK_APP_TOKEN=${SLACK_APP_TOKEN}',
      ],
    },
  },
  {
    id: 'slack-legacy-token',
    title: 'Slack legacy, workspace or refresh token',
    description:
      'A Slack token of an older or special kind: workspace app tokens (`xoxa-`), refresh tokens (`xoxr-`) or session tokens (`xoxs-`). Session tokens act as the user in the browser; refresh tokens mint new access tokens.',
    provider: 'Slack',
    severity: 'high',
    keywords: ['xoxa-', 'xoxr-', 'xoxs-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xox[ars]-[A-Za-z0-9-]{30,250})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    verify: (s) => /[0-9]/.test(s) && /[a-z]/.test(s.slice(5)),
    remediation: SLACK_REVOKE,
    references: SLACK_REFS,
    examples: {
      positive: [
        'SLACK_REFRESH_TOKEN=xoxr-231452828771-9619731856080-2lo8efmmd9vyg115d5dqn1w4jjlnt60mk8ajtdfj',
        'token = "xoxs-68274232973-827183183518-4744006640334-a80613f5a2c38023cfad6d79f01f183353b1396a07b70c71554eb9f05905affe"',
      ],
      negative: [
        'SLACK_TOKEN=xoxs-235900548226',
        'SLACK_TOKEN=xoxa-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'SLACK_TOKEN=xoxr-${TOKEN}',
      ],
    },
  },
  {
    id: 'slack-config-access-token',
    title: 'Slack app configuration token',
    description:
      "A Slack app configuration access token (`xoxe.xoxp-` or `xoxe.xoxb-`). It creates, updates and deletes the workspace's apps through the App Manifest API.",
    provider: 'Slack',
    severity: 'high',
    keywords: ['xoxe.'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{100,250})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Revoke the configuration token (api.slack.com/apps > Your App Configuration Tokens > Revoke), generate a new one only when needed, and review the workspace's apps for changes.",
    references: ['https://api.slack.com/authentication/config-tokens'],
    examples: {
      positive: [
        'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-vbTZ0ByFmLKY0jmEySxSA8QXN4uhrHs0Q4LRP9b5pascUxtvJ1Iphxad36G3jKucj7BKL89v4yvoRbC7T4ydMItPW7agdY7UCZZm0JmzprhEGln99npXGWsvGhAb5frTwo0o1ILFTslOZHF8rVRTDgnKPCCDqRYbnjHzxK',
        '"config_token": "xoxe.xoxp-1-Xk1MdPS0ZGSBrcrtJgmsPGTBgdThfvwqqVTF2WVQ9QRw2iSRG92o14JXOl0BQFjLwdh9h3waUHchMAMZTj8nfEt0T87yHSRasI1aw9lspb3g8zX7nXmQ2nbKdCmUHZitrIFgYQORwJKa8qzA68okQ8m5sdHnQXRevZjv7Y"',
      ],
      negative: [
        'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-nYzhnaYqIWX2yHqK7BVuAZu43mAra4yBKXLR9L95',
        'SLACK_CONFIG_TOKEN=xoxe.xoxp-...',
        'SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-m59mHUmlmm2QmhF6VW433T8dFn91Ar8OJOROeBDyYg0qSyDWTC2eUMuANOZudukTfGdNL7o9MvwIWxIv4N0IyBWiDiqljifvBC3TLwv12uLrYDPoo4W52WudnaSKRNJdqwgdPIcuVbEwOzeUpP',
      ],
    },
  },
  {
    id: 'slack-config-refresh-token',
    title: 'Slack app configuration refresh token',
    description:
      "A Slack app configuration refresh token (`xoxe-`). It mints new configuration access tokens, which manage the workspace's apps.",
    provider: 'Slack',
    severity: 'high',
    keywords: ['xoxe-'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>xoxe-[0-9]-[A-Za-z0-9]{100,250})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Revoke the configuration tokens (api.slack.com/apps > Your App Configuration Tokens > Revoke) and review the workspace's apps for changes.",
    references: ['https://api.slack.com/authentication/config-tokens'],
    examples: {
      positive: [
        'SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-Uv16N9r5bh2OVuIGYtqVOBSPD4GcPjtWsiwRUFXiyQLOTXAAqvFbY9SMqXHk2jc1UAe1vIGYeQL9361THC04g6aavi3O1n99IOysHgZRPYUNtp2SkLn29A8mWG4LNUa3wjyUA72rWq3eiPifqi',
        "refresh_token: 'xoxe-1-sttQkdt8GjE7WoMROKgekyLdnubtkUVDcoSyRr4CobsqcxgQR6lJXy0uHxBmQIEeEYQJIDMrVHhx41AdwYB93eQgZ5U9PK5YQwFbPbyOtpiCFfXpwB8FNQIJEIx8Szy5aUvEEqqjMcikIOy0OI'",
      ],
      negative: [
        'SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-zpwSwr0qbFozPb97Ow5QxFhP6USxbH',
        'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-kf76h8cHHfqMxiXi0mf6m2e1toiVELCgsUNP4ndfjuwAiqG1oIoPVrO1E6V4IqE8dDenyPq0bJ42NAe6JOzr95eJsIZuYSwuWKut7lfatexddEgwBZGZUt3WQhejFrGnWA86KhtKfDdwCtAxqC5R3MSpDtvLtEME806QXy',
        'SLACK_CONFIG_REFRESH_TOKEN=xoxe-...',
      ],
    },
  },
  {
    id: 'slack-webhook-url',
    title: 'Slack incoming webhook URL',
    description:
      'A Slack incoming webhook URL (`hooks.slack.com/services/T.../B.../...`). Anyone with it can post messages (including convincing phishing links) into the channel it was created for.',
    provider: 'Slack',
    severity: 'medium',
    keywords: ['hooks.slack.com/services/'],
    pattern:
      /(?<secret>(?:https?:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Remove the webhook (api.slack.com/apps > the app > Incoming Webhooks, or the channel's integrations) and create a new one; keep the URL in a secret store.",
    references: ['https://api.slack.com/messaging/webhooks'],
    examples: {
      positive: [
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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',
        'url: "https://hooks.slack.com/services/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"',
      ],
      negative: [
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/TZ7NB6ASOTQ/BGPUAK86CCT',
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/${SLACK_PATH}',
      ],
    },
  },
  {
    id: 'slack-workflow-webhook-url',
    title: 'Slack workflow webhook URL',
    description:
      'A Slack Workflow Builder webhook or trigger URL (`hooks.slack.com/workflows/` or `/triggers/`). Anyone with it can start the workflow with arbitrary inputs, which often post messages or create records.',
    provider: 'Slack',
    severity: 'medium',
    keywords: ['hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
    pattern:
      /(?<secret>(?:https?:\/\/)?hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/(?:A[A-Z0-9]{8,12}\/)?[0-9]{8,20}\/[A-Za-z0-9]{24,32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Remove or re-create the workflow's webhook trigger in Workflow Builder so the old URL stops working, and keep the new URL in a secret store.",
    references: [
      'https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack',
    ],
    examples: {
      positive: [
        'WORKFLOW_URL=https://hooks.slack.com/workflows/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',
        'trigger_url: https://hooks.slack.com/triggers/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',
      ],
      negative: [
        'WORKFLOW_URL=https://hooks.slack.com/workflows/TC4JE3KVDXW/AQCJZQN3FRG/445909725478623186',
        'WORKFLOW_URL=https://hooks.slack.com/triggers/TXXXXXXXX/123/abc',
        'WORKFLOW_URL=https://hooks.slack.com/services/T8WRJ0WXBN9',
      ],
    },
  },
  {
    id: 'discord-bot-token',
    title: 'Discord bot token',
    description:
      "A Discord bot token (the bot's base64-encoded user id, a timestamp and an HMAC, separated by dots) next to the Discord name or a login call. It logs in as the bot: reading and posting in every server the bot is in, with its permissions (often moderation or administrator).",
    provider: 'Discord',
    severity: 'high',
    keywords: ['discord', 'client.login(', 'bot.run('],
    pattern: near(
      `${ci('discord')}|client\\.login\\(|bot\\.run\\(`,
      '[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
    ),
    verify: (s) => discordIdPart(s),
    minEntropy: 3.0,
    remediation:
      'Reset the token in the Discord Developer Portal (Applications > the app > Bot > Reset Token), deploy the new one, and review the audit logs of the servers the bot is in.',
    references: ['https://discord.com/developers/docs/topics/oauth2#bots'],
    examples: {
      positive: [
        'DISCORD_BOT_TOKEN=MTA0NzE4OTAxODc0MTExMzUwMQ.QqTnE8.ODcr-0x5ka-DA_oqt_gaxY6FmI_ONBhZr8KEDC',
        'discord_token: "MTA5NzA1NDcxNzgxOTQ5OTI2Mg.4b2leQ.3aI9b3W4zS0F5qf4dz5hlT0Jb8K"',
        "client.login('MTA4MTE2MjIzMDgwOTQ5MTI5Mw.TJ458O.mtjr3TYhkTzDy46ZcRad6b3vqxmxl_5yGuxUXn');",
      ],
      negative: [
        'DISCORD_BOT_TOKEN=MTA1MTM3OTYxMzk3OTk1NTQwNw.0zwI4E',
        'DISCORD_TOKEN=NS-ApLD7cind7MJLP3LNyrHbvy.2tNu5M.n-KpsCcY11QTPGOOL5ZvcE5Vc26',
        'DISCORD_BOT_TOKEN=${DISCORD_BOT_TOKEN}',
        'jwt = "MTA2NDYyOTI4ODAxMzQ5OTQ3MQ.WG2naj.ReNoA544vGyo5QONyuXElzk0xJhNKBngaUUqcS"',
      ],
    },
  },
  {
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    description:
      'A Discord webhook URL (`discord.com/api/webhooks/<id>/<token>`). Anyone with it can post messages, with any name and avatar, into the channel, or delete the webhook.',
    provider: 'Discord',
    severity: 'medium',
    keywords: ['discord.com/api/', 'discordapp.com/api/'],
    pattern:
      /(?<secret>(?:https?:\/\/)?(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/(?:v[0-9]{1,2}\/)?webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,70})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the webhook (Server Settings > Integrations > Webhooks, or DELETE the webhook URL) and create a new one; keep its URL in a secret store.',
    references: ['https://discord.com/developers/docs/resources/webhook'],
    examples: {
      positive: [
        'DISCORD_WEBHOOK=https://discord.com/api/webhooks/1080313727103519430/XfxXFW_lxC6LNbe2S0vKLhyP3HIu0C1UTGggndhrelbbE2OPlU0gi4hU0tbXQiPBgzLZ',
        'url = "https://discordapp.com/api/webhooks/1005819563187941714/O5SWMiJTacnN5BlWDugzeSbsucW2q-5BUd9e6N_VUFeFRBGGJT3wxw-atOnzdjg9tvOw"',
      ],
      negative: [
        'DISCORD_WEBHOOK=https://discord.com/api/webhooks/1085053548387318561',
        'DISCORD_WEBHOOK=https://discord.com/api/webhooks/123/abc',
        'DISCORD_WEBHOOK=https://discord.com/api/webhooks/{id}/{token}',
      ],
    },
  },
  {
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    description:
      'A Telegram Bot API token (`<bot id>:AA...`, 35 characters after the colon). It controls the bot: reading the messages sent to it, posting in its chats and changing its settings.',
    provider: 'Telegram',
    severity: 'high',
    keywords: [':aa'],
    pattern: /(?<![0-9])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{32,33})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Revoke the token with @BotFather (/revoke, then pick the bot) and deploy the new token; review the bot's chats for messages you did not send.",
    references: [
      'https://core.telegram.org/bots/api#authorizing-your-bot',
      'https://core.telegram.org/bots/features#botfather',
    ],
    examples: {
      positive: [
        'TELEGRAM_BOT_TOKEN=5294694753:AAi0MptFl_4hw9paPnzR8nFwlbpkrFPgh-f',
        'requests.post(f"https://api.telegram.org/bot854507266:AARIwHrDWLI-Gz287GObF-VCcoehMS_7PVL/sendMessage", data=payload)',
      ],
      negative: [
        'TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
        'TELEGRAM_BOT_TOKEN=3881961281:AAzQQC5mQfTqiJQCiGFI-C',
        'TELEGRAM_BOT_TOKEN=${TELEGRAM_BOT_TOKEN}',
        'color: #AABBCC; time: 12345678:AA',
      ],
    },
  },
  {
    id: 'microsoft-teams-webhook-url',
    title: 'Microsoft Teams incoming webhook URL',
    description:
      'A Microsoft Teams incoming webhook URL (`*.webhook.office.com/webhookb2/...`, or the older `outlook.office.com/webhook/...`). Anyone with it can post cards and messages, including phishing links, into the channel.',
    provider: 'Microsoft Teams',
    severity: 'medium',
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
    pattern: new RegExp(
      String.raw`(?<secret>https://(?:[A-Za-z0-9-]{1,63}\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID}(?:/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.0,
    remediation:
      'Remove the Incoming Webhook connector from the channel (Channel > Connectors, or the Workflows app for its replacement) and create a new one; keep the URL in a secret store.',
    references: [
      'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    ],
    examples: {
      positive: [
        'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/77b59e01-34c5-4393-a93c-19d241e5aa18@b603a843-6620-4d35-ac33-8aa5674fd2ad/IncomingWebhook/698d3a0114a6849eac6a7f9fa79f0c4d/e24d6a65-02b5-4e62-ab30-92f85a352340',
        'url: "https://outlook.office.com/webhook/cc79c77b-1ce6-4eb0-abb3-943674e8f373@bc9b6165-93ba-4af1-ae80-e2707a2fa9ca/IncomingWebhook/2b0bbe8084f37fd07d797692bc3f67a4/c041787f-98fc-4792-a807-273fcc44ca74"',
      ],
      negative: [
        'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/e9f54a44-075b-41ec-a715-c3ef68c05f31@d4f3b139-54c2-4e54-a55f-925eb1cbde4e',
        'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/<id>@<tenant>/IncomingWebhook/<hash>/<owner>',
        'TEAMS_WEBHOOK_URL=${TEAMS_WEBHOOK_URL}',
      ],
    },
  },
  {
    id: 'mattermost-access-token',
    title: 'Mattermost access token or webhook',
    description:
      'A Mattermost personal access or bot token (26 lower-case characters) assigned to a Mattermost setting, or the key of a Mattermost incoming webhook URL. Tokens act as their user or bot; webhook keys post into the channel.',
    provider: 'Mattermost',
    severity: 'high',
    confidence: 'medium',
    keywords: ['mattermost'],
    pattern: new RegExp(
      String.raw`(?:${ci('mattermost')}${GAP}(?:${ci('token')}|${ci('key')}|${ci('secret')})${ASSIGN}|${ci('mattermost')}[^\n]{0,80}?/hooks/)(?<secret>[a-z0-9]{26})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.0,
    remediation:
      'Revoke the token (Profile > Security > Personal Access Tokens, or System Console > Integrations > Bot Accounts) or delete the incoming webhook (Integrations > Incoming Webhooks), and create a new one.',
    references: ['https://developers.mattermost.com/integrate/reference/personal-access-token/'],
    examples: {
      positive: [
        'MATTERMOST_TOKEN=7q2jfqoxg39apfq5j92wwkrzrr',
        'MATTERMOST_WEBHOOK_URL=https://mattermost.acme.io/hooks/u78wrkmbqngnw99pz3zt2gh8hf',
      ],
      negative: [
        'MATTERMOST_URL=https://mattermost.acme.io',
        'MATTERMOST_TOKEN=${MATTERMOST_TOKEN}',
        'MATTERMOST_TOKEN=l8rqev9qtzkbuaxo2pzc',
        'MATTERMOST_TEAM_NAME=engineeringplatformsupport',
      ],
    },
  },
  {
    id: 'vonage-api-secret',
    title: 'Vonage (Nexmo) API secret',
    description:
      'A Vonage (formerly Nexmo) API secret assigned to a Vonage or Nexmo setting. With the API key it sends SMS and makes calls billed to the account and manages its numbers.',
    provider: 'Vonage',
    severity: 'high',
    confidence: 'medium',
    keywords: ['vonage', 'nexmo'],
    pattern: assigned(`(?:${ci('vonage')}|${ci('nexmo')})${GAP}${ci('secret')}`, '[A-Za-z0-9]{16}'),
    minEntropy: 2.8,
    remediation:
      'Rotate the API secret in the Vonage API Dashboard (API Settings: create a second secret, deploy it, delete the old one) and review usage for unexpected traffic.',
    references: ['https://developer.vonage.com/en/getting-started/concepts/authentication'],
    examples: {
      positive: ['VONAGE_API_SECRET=60JcIiYU8dDnSB31', 'NEXMO_API_SECRET: "7EDdehKUoXexhdP9"'],
      negative: [
        'VONAGE_API_KEY=1ba6b89b',
        'VONAGE_API_SECRET=${VONAGE_API_SECRET}',
        'VONAGE_API_SECRET=J21PRPzH5g',
      ],
    },
  },
  {
    id: 'messagebird-access-key',
    title: 'MessageBird (Bird) access key',
    description:
      'A MessageBird (now Bird) live access key (25 characters) assigned to a MessageBird setting. It sends SMS and voice messages billed to the account and reads message history.',
    provider: 'MessageBird',
    severity: 'high',
    confidence: 'medium',
    keywords: ['messagebird'],
    pattern: assigned(`${ci('messagebird')}${GAP}(?:${ci('key')}|${ci('token')})`, '[A-Za-z0-9]{25}'),
    minEntropy: 3.5,
    verify: (s) => mixedCase(s),
    remediation:
      'Delete the access key in the MessageBird dashboard (Developers > API access), create a new one, and review message logs and balance usage.',
    references: ['https://developers.messagebird.com/api/#authentication'],
    examples: {
      positive: [
        'MESSAGEBIRD_ACCESS_KEY=wjYSKH588OYE2Qdfjnq3DM3WU',
        'messagebird_api_key: rY4ib6UU6BbcqOS9soWCqmouw',
      ],
      negative: [
        'MESSAGEBIRD_ACCESS_KEY=test_tXPG6NbOV3cIjxgn9gNt',
        'MESSAGEBIRD_ACCESS_KEY=${MESSAGEBIRD_ACCESS_KEY}',
        'MESSAGEBIRD_ORIGINATOR=1NPB9TKgS7iYBUZjhsWGGlOFf',
      ],
    },
  },
  {
    id: 'plivo-auth-token',
    title: 'Plivo auth token',
    description:
      'A Plivo auth token (40 characters) assigned to a Plivo setting. With the auth id it sends SMS and makes calls billed to the account.',
    provider: 'Plivo',
    severity: 'high',
    confidence: 'medium',
    keywords: ['plivo'],
    pattern: assigned(`${ci('plivo')}${GAP}(?:${ci('token')}|${ci('secret')})`, '[A-Za-z0-9]{40}'),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s),
    remediation:
      'Regenerate the auth token in the Plivo console (Account > Overview > Auth Credentials), deploy it, and review usage for unexpected traffic.',
    references: ['https://www.plivo.com/docs/messaging/api/overview/'],
    examples: {
      positive: [
        'PLIVO_AUTH_TOKEN=r7pL1CqOR7fM9GwE17KJZaMiq0xhqxXqJduhn48w',
        'plivo_auth_token = "O0mYZvBtqmArANkASP07AmY3cXPMOEqUJwiVZhIh"',
      ],
      negative: [
        'PLIVO_AUTH_ID=MA2UZA7KABH8U7ANPARJ',
        'PLIVO_AUTH_TOKEN=${PLIVO_AUTH_TOKEN}',
        'PLIVO_AUTH_TOKEN=rDS08svCXluD2imJxhvK',
      ],
    },
  },
  {
    id: 'pusher-app-secret',
    title: 'Pusher Channels app secret',
    description:
      'A Pusher Channels app secret (20 hex characters) assigned to a Pusher setting. It signs server API calls (triggering events on any channel) and authorises subscriptions to private and presence channels. The app key is public and not reported.',
    provider: 'Pusher',
    severity: 'high',
    confidence: 'medium',
    keywords: ['pusher'],
    pattern: assigned(`${ci('pusher')}${GAP}${ci('secret')}`, '[a-f0-9]{20}'),
    minEntropy: 2.3,
    remediation:
      'Generate a new key pair for the app in the Pusher dashboard (the app > App Keys), switch servers to it, then delete the old one.',
    references: ['https://pusher.com/docs/channels/server_api/authenticating-users/'],
    examples: {
      positive: ['PUSHER_APP_SECRET=bd1a3300a810c3fccbef', "pusher_secret: '1eef1760660fc8cbc85f'"],
      negative: [
        'PUSHER_APP_KEY=36521d6c46560db1e434',
        'PUSHER_APP_SECRET=${PUSHER_APP_SECRET}',
        'PUSHER_APP_SECRET=0fc6821422bf0a12115c502f365ab476',
      ],
    },
  },
  {
    id: 'intercom-access-token',
    title: 'Intercom access token',
    description:
      'An Intercom access token (base64 of `tok:...`). It calls the Intercom API for the workspace: reading and exporting contacts and conversations (customer personal data) and sending messages.',
    provider: 'Intercom',
    severity: 'high',
    keywords: ['dg9ro'],
    pattern: new RegExp(
      String.raw`(?:(?<ctx>${ci('intercom')})[^\n]{0,100}?)?(?<![A-Za-z0-9+/_-])(?<secret>dG9rO[A-Za-z0-9+/]{40,80}={0,2})(?![A-Za-z0-9+/=_-])`,
    ),
    verify: intercomToken,
    minEntropy: 3.0,
    remediation:
      'Revoke the token in the Intercom Developer Hub (the app > Authentication) or uninstall the app, create a new token, and review exports and conversation activity.',
    references: ['https://developers.intercom.com/docs/build-an-integration/learn-more/authentication'],
    examples: {
      positive: [
        'INTERCOM_ACCESS_TOKEN=dG9rOjgxNGI3MzZmXzdkYzVfNDA2MF9hYmY0XzVjY2RlNDNlYzhhMjoxOjA=',
        "headers = {'Authorization': 'Bearer dG9rOjRjMWFkM2EyXzUyN2NfNDllMV9hMzkzXzc5MzcxYWY2MjYzZjoxOjA='}",
      ],
      negative: [
        'INTERCOM_ACCESS_TOKEN=dG9rOg==',
        'INTERCOM_ACCESS_TOKEN=dG9rOwHTTHbR84erp4vPpV60lRox6p2f+ga65jbok506BjW8opC2gPw2i0AqyW',
        'INTERCOM_ACCESS_TOKEN=${INTERCOM_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'zendesk-api-token',
    title: 'Zendesk API token',
    description:
      "A Zendesk API token (40 characters) assigned to a Zendesk setting. With an agent's email it calls the Zendesk API as that agent: tickets, users and their personal data.",
    provider: 'Zendesk',
    severity: 'high',
    confidence: 'medium',
    keywords: ['zendesk'],
    pattern: assigned(
      `${ci('zendesk')}${GAP}(?:${ci('token')}|${ci('key')}|${ci('secret')})`,
      '[A-Za-z0-9]{40}',
    ),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s),
    remediation:
      'Delete the token in Zendesk Admin Center (Apps and integrations > APIs > Zendesk API), create a new one, and review the audit log.',
    references: ['https://support.zendesk.com/hc/en-us/articles/4408889192858'],
    examples: {
      positive: [
        'ZENDESK_API_TOKEN=dEXb7RPSXbyvLygHjOXtHqWvmC7viZSHI8Da9sM3',
        'zendesk_token: "mmnXzYnkaj6suauTBcZCClxv6apX7ylcr6ItWNqY"',
      ],
      negative: [
        'ZENDESK_SUBDOMAIN=acme',
        'ZENDESK_API_TOKEN=${ZENDESK_API_TOKEN}',
        'ZENDESK_API_TOKEN=1Y6QLd7AbwbgwXqcNfAJ6tdH',
      ],
    },
  },
  {
    id: 'freshdesk-api-key',
    title: 'Freshdesk API key',
    description:
      'A Freshdesk API key (20 characters) assigned to a Freshdesk setting. It calls the Freshdesk API as the agent it belongs to: tickets, contacts and their personal data.',
    provider: 'Freshdesk',
    severity: 'high',
    confidence: 'medium',
    keywords: ['freshdesk'],
    pattern: assigned(`${ci('freshdesk')}${GAP}(?:${ci('key')}|${ci('token')})`, '[A-Za-z0-9]{20}'),
    minEntropy: 3.0,
    verify: (s) => mixedCase(s),
    remediation:
      "Reset the agent's API key in Freshdesk (Profile settings > View API key > reset, or have an admin reset it), deploy the new one, and review the audit log.",
    references: ['https://developers.freshdesk.com/api/#authentication'],
    examples: {
      positive: ['FRESHDESK_API_KEY=uUHrGv9l7RjEu2xTHacM', 'freshdesk_key = "lnNSJ8KJQkcBWU3oYB5y"'],
      negative: [
        'FRESHDESK_DOMAIN=acme.freshdesk.com',
        'FRESHDESK_API_KEY=${FRESHDESK_API_KEY}',
        'FRESHDESK_API_KEY=2sezytp4frgwyh39ce5l',
      ],
    },
  },
  {
    id: 'resend-api-key',
    title: 'Resend API key',
    description:
      "A Resend API key (`re_` + 8 + `_` + 24 characters) next to the Resend name. It sends email from the account's verified domains and, with full access, manages domains and keys.",
    provider: 'Resend',
    severity: 'high',
    keywords: ['resend'],
    pattern: near(ci('resend'), 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{20,32}'),
    minEntropy: 3.0,
    remediation:
      'Delete the key in the Resend dashboard (API Keys), create a new one with sending-only access, and review the Emails log for messages you did not send.',
    references: ['https://resend.com/docs/dashboard/api-keys/introduction'],
    examples: {
      positive: [
        'RESEND_API_KEY=re_ScJ0Xndj_9fYwrWmZSMpoNkTPKOuBXEw9',
        "const resend = new Resend('re_m43KpIUJ_b5JPRXCn7A5Ck7EQvOrOEzki');",
      ],
      negative: ['RESEND_API_KEY=re_123456789', 'RESEND_API_KEY=re_...', 'resendEmail(user, "re_NKPJWc2S")'],
    },
  },
];
