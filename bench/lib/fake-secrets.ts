import { crc32 } from 'node:zlib';
import * as keys from './fake-keys.js';
import { ALNUM, B64, B64URL, HEX, LETTERS, LOWER_ALNUM, type Rng, UPPER_ALNUM } from './prng.js';

/**
 * FAKE credentials in the documented formats of each provider: right prefix, length, alphabet
 * and (where the format has one) checksum, random everywhere else. None of them was ever
 * issued by a provider.
 */
export interface FakeSecret {
  /** Variant, e.g. `github-pat-classic`. */
  kind: string;
  /** Service, as in labels.jsonl (`GitHub`, `Stripe`, ...). */
  provider: string;
  /** A name a developer would store it under. */
  envName: string;
  /** A name that (mostly) says nothing about secrets: no `key`, `token`, `secret`, `password`. */
  plainName: string;
  make(rng: Rng): string;
  /** Multi-line values (PEM blocks, JSON documents) are placed as whole blocks. */
  block?: boolean;
  /** No prefix or structure of its own: only the name it is stored under can tell what it is. */
  needsName?: boolean;
}

/**
 * kind | provider | name in env | plain name | format. In formats, `<c N>` is N random characters
 * of class c (below); `@` means the value is built by a function in SPECIAL.
 */
const TABLE = `
aws-access-key-id          | AWS             | AWS_ACCESS_KEY_ID                   | aws_id                  | AKIA<Z16>
aws-secret-access-key      | AWS             | AWS_SECRET_ACCESS_KEY               | aws_secret_access_key   | <b40>
github-pat-classic         | GitHub          | GITHUB_TOKEN                        | gh_login                | @
github-oauth               | GitHub          | GH_OAUTH_TOKEN                      | gh_oauth                | @
github-app-installation    | GitHub          | GH_APP_TOKEN                        | gh_app                  | @
github-pat-fine-grained    | GitHub          | GITHUB_PAT                          | gh_fine                 | github_pat_11<U20>_<a59>
gitlab-pat                 | GitLab          | GITLAB_TOKEN                        | gitlab_login            | glpat-<x20>
gitlab-runner              | GitLab          | RUNNER_TOKEN                        | runner_registration     | glrt-<x20>
gitlab-trigger             | GitLab          | TRIGGER_TOKEN                       | pipeline_trigger        | glptt-<h40>
slack-bot-token            | Slack           | SLACK_BOT_TOKEN                     | slack_bot               | xoxb-<d11>-<d13>-<a24>
slack-user-token           | Slack           | SLACK_USER_TOKEN                    | slack_user              | xoxp-<d11>-<d11>-<d13>-<h32>
slack-webhook              | Slack           | SLACK_WEBHOOK_URL                   | alerts_channel          | https://hooks.slack.com/services/T<U8>/B<U10>/<a24>
slack-app-token            | Slack           | SLACK_APP_TOKEN                     | socket_mode             | xapp-1-A<U10>-<d13>-<h64>
stripe-secret-key          | Stripe          | STRIPE_SECRET_KEY                   | stripe_live             | sk_live_51<a97>
stripe-restricted-key      | Stripe          | STRIPE_RESTRICTED_KEY               | stripe_reporting        | rk_live_<a24>
stripe-webhook-secret      | Stripe          | STRIPE_WEBHOOK_SECRET               | stripe_endpoint_signing | whsec_<a32>
google-api-key             | Google          | GOOGLE_MAPS_API_KEY                 | maps_client             | AIza<x35>
google-oauth-client-secret | Google          | GOOGLE_CLIENT_SECRET                | google_oauth            | GOCSPX-<x28>
gcp-service-account        | GCP             | GOOGLE_APPLICATION_CREDENTIALS_JSON | gcp_sa                  | @
private-key-rsa            | Private key     | RSA_PRIVATE_KEY                     | rsa_pem                 | @
private-key-pkcs8          | Private key     | SIGNING_PRIVATE_KEY                 | pkcs8_pem               | @
private-key-ec             | Private key     | EC_PRIVATE_KEY                      | ec_pem                  | @
private-key-ed25519        | Private key     | ED25519_PRIVATE_KEY                 | ed_pem                  | @
private-key-openssh        | Private key     | DEPLOY_SSH_KEY                      | deploy_ssh              | @
private-key-pgp            | Private key     | PGP_PRIVATE_KEY                     | release_signing         | @
jwt                        | JWT             | SERVICE_JWT                         | service_bearer          | @
postgres-url               | PostgreSQL      | DATABASE_URL                        | primary_db              | postgres://billing_app:<a20>@db-primary.acme-corp.internal:5432/billing
mysql-url                  | MySQL           | MYSQL_URL                           | legacy_db               | mysql://shop:<a18>@mysql-7.acme-corp.internal:3306/shop
mongodb-url                | MongoDB         | MONGODB_URI                         | mongo_cluster           | mongodb+srv://analytics:<a16>@cluster0.<L5>.mongodb.net/analytics?retryWrites=true
redis-url                  | Redis           | REDIS_URL                           | cache_backend           | redis://default:<a32>@redis-<d5>.c1.eu-west-1-2.ec2.cloud.redislabs.com:<d5>
amqp-url                   | RabbitMQ        | AMQP_URL                            | broker                  | amqps://orders:<a22>@rabbit.acme-corp.internal:5671/orders
basic-auth-url             | Basic auth URL  | ARTIFACTS_URL                       | mirror                  | https://ci-bot:<a24>@artifacts.acme-corp.io/repository/releases/
npm-token                  | npm             | NPM_TOKEN                           | npm_publish             | @
pypi-token                 | PyPI            | PYPI_API_TOKEN                      | twine_upload            | pypi-AgEIcHlwaS5vcmc<x160>
openai-project-key         | OpenAI          | OPENAI_API_KEY                      | llm_client              | sk-proj-<x74>T3BlbkFJ<x74>
openai-legacy-key          | OpenAI          | OPENAI_KEY                          | gpt                     | sk-<a20>T3BlbkFJ<a20>
anthropic-api-key          | Anthropic       | ANTHROPIC_API_KEY                   | claude                  | sk-ant-api03-<x93>AA
anthropic-admin-key        | Anthropic       | ANTHROPIC_ADMIN_KEY                 | claude_admin            | sk-ant-admin01-<x93>AA
sendgrid-api-key           | SendGrid        | SENDGRID_API_KEY                    | mailer                  | SG.<x22>.<x43>
twilio-api-key             | Twilio          | TWILIO_API_KEY                      | sms_sid                 | SK<h32>
twilio-auth-token          | Twilio          | TWILIO_AUTH_TOKEN                   | twilio_auth_token       | <h32>
shopify-access-token       | Shopify         | SHOPIFY_ACCESS_TOKEN                | storefront_admin        | shpat_<h32>
shopify-shared-secret      | Shopify         | SHOPIFY_SHARED_SECRET               | shopify_app             | shpss_<h32>
huggingface-token          | Hugging Face    | HF_TOKEN                            | hub_login               | hf_<l34>
mailgun-key                | Mailgun         | MAILGUN_API_KEY                     | mg_client               | key-<h32>
mailchimp-key              | Mailchimp       | MAILCHIMP_API_KEY                   | newsletter              | <h32>-us1<d1>
heroku-api-key             | Heroku          | HEROKU_API_KEY                      | heroku_cli              | HRKU-AA<x58>
digitalocean-token         | DigitalOcean    | DIGITALOCEAN_TOKEN                  | do_client               | dop_v1_<h64>
azure-storage-connection   | Azure           | AZURE_STORAGE_CONNECTION_STRING     | blob_store              | DefaultEndpointsProtocol=https;AccountName=acme<L8>;AccountKey=<b86>==;EndpointSuffix=core.windows.net
azure-ad-client-secret     | Azure           | AZURE_CLIENT_SECRET                 | aad_app                 | <a3>8Q~<y34>
vault-token                | HashiCorp Vault | VAULT_TOKEN                         | vault_login             | hvs.CAESI<x86>
terraform-cloud-token      | Terraform Cloud | TFE_TOKEN                           | tfc_login               | <a14>.atlasv1.<x67>
doppler-token              | Doppler         | DOPPLER_TOKEN                       | doppler_cli             | dp.pt.<a43>
databricks-token           | Databricks      | DATABRICKS_TOKEN                    | workspace_login         | dapi<h32>
atlassian-api-token        | Atlassian       | JIRA_API_TOKEN                      | jira_login              | @
bitbucket-app-password     | Atlassian       | BITBUCKET_APP_PASSWORD              | bb_login                | @
circleci-token             | CircleCI        | CIRCLECI_TOKEN                      | circle_login            | CCIPAT_<a22>_<h40>
buildkite-token            | Buildkite       | BUILDKITE_API_TOKEN                 | bk_agent                | bkua_<h40>
dockerhub-pat              | Docker Hub      | DOCKERHUB_TOKEN                     | registry_login          | dckr_pat_<x27>
sentry-user-token          | Sentry          | SENTRY_AUTH_TOKEN                   | sentry_cli              | sntryu_<h64>
datadog-api-key            | Datadog         | DD_API_KEY                          | dd_api_key              | <h32>
newrelic-user-key          | New Relic       | NEW_RELIC_API_KEY                   | nr_user                 | NRAK-<U27>
grafana-service-account    | Grafana         | GRAFANA_TOKEN                       | grafana_sa              | @
grafana-cloud-token        | Grafana         | GRAFANA_CLOUD_TOKEN                 | grafana_cloud           | @
okta-api-token             | Okta            | OKTA_API_TOKEN                      | okta_api_token          | 00<x40>
square-access-token        | Square          | SQUARE_ACCESS_TOKEN                 | square_client           | EAAA<x60>
square-oauth-secret        | Square          | SQUARE_APP_SECRET                   | square_app              | sq0csp-<x43>
braintree-token            | PayPal          | BRAINTREE_ACCESS_TOKEN              | paypal_gateway          | access_token$production$<L16>$<h32>
discord-bot-token          | Discord         | DISCORD_BOT_TOKEN                   | discord_bot             | @
discord-webhook            | Discord         | DISCORD_WEBHOOK                     | discord_channel         | https://discord.com/api/webhooks/<d19>/<x68>
telegram-bot-token         | Telegram        | TELEGRAM_BOT_TOKEN                  | telegram_bot            | <D1><d9>:AA<x33>
teams-webhook              | Microsoft Teams | TEAMS_WEBHOOK_URL                   | teams_channel           | https://acmecorp.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<h32>/<uuid>
linear-api-key             | Linear          | LINEAR_API_KEY                      | linear_client           | lin_api_<a40>
notion-token               | Notion          | NOTION_TOKEN                        | notion_client           | ntn_<d11><a35>
airtable-pat               | Airtable        | AIRTABLE_TOKEN                      | airtable_base           | pat<a14>.<h64>
asana-pat                  | Asana           | ASANA_TOKEN                         | asana_client            | 2/<d16>/<d16>:<h32>
figma-pat                  | Figma           | FIGMA_TOKEN                         | figma_client            | figd_<x40>
postman-api-key            | Postman         | POSTMAN_API_KEY                     | postman_client          | PMAK-<h24>-<h34>
pulumi-token               | Pulumi          | PULUMI_ACCESS_TOKEN                 | pulumi_login            | pul-<h40>
cloudflare-api-token       | Cloudflare      | CLOUDFLARE_API_TOKEN                | cloudflare_api_token    | <x40>
cloudflare-origin-ca-key   | Cloudflare      | CF_ORIGIN_CA_KEY                    | origin_ca               | v1.0-<h24>-<h146>
alibaba-access-key-id      | Alibaba Cloud   | ALIBABA_CLOUD_ACCESS_KEY_ID         | aliyun_id               | LTAI<a20>
age-secret-key             | age             | SOPS_AGE_KEY                        | sops_recipient_identity | AGE-SECRET-KEY-1<K58>
supabase-token             | Supabase        | SUPABASE_ACCESS_TOKEN               | supabase_cli            | sbp_<h40>
firebase-fcm-server-key    | Firebase        | FCM_SERVER_KEY                      | push_sender             | AAAA<x7>:APA91b<x134>
mapbox-secret-token        | Mapbox          | MAPBOX_SECRET_TOKEN                 | tiles_upload            | @
contentful-pat             | Contentful      | CONTENTFUL_MANAGEMENT_TOKEN         | cms_admin               | CFPAT-<x43>
dynatrace-token            | Dynatrace       | DT_API_TOKEN                        | dynatrace_ingest        | dt0c01.<U24>.<U64>
rubygems-key               | RubyGems        | GEM_HOST_API_KEY                    | gem_push                | rubygems_<h48>
nuget-key                  | NuGet           | NUGET_API_KEY                       | nuget_push              | oy2<L43>
artifactory-key            | JFrog           | ARTIFACTORY_API_KEY                 | jfrog_client            | AKCp8<a68>
clojars-token              | Clojars         | CLOJARS_TOKEN                       | clojars_deploy          | CLOJARS_<h60>
flutterwave-secret         | Flutterwave     | FLW_SECRET_KEY                      | flutterwave_client      | FLWSECK-<h32>-X
easypost-key               | EasyPost        | EASYPOST_API_KEY                    | shipping_rates          | EZAK<a54>
shippo-token               | Shippo          | SHIPPO_TOKEN                        | labels_client           | shippo_live_<h40>
typeform-token             | Typeform        | TYPEFORM_TOKEN                      | forms_client            | tfp_<x44>_<a14>
1password-service-account  | 1Password       | OP_SERVICE_ACCOUNT_TOKEN            | op_sa                   | @
replicate-token            | Replicate       | REPLICATE_API_TOKEN                 | replicate_client        | r8_<a37>
groq-key                   | Groq            | GROQ_API_KEY                        | groq_client             | gsk_<a52>
perplexity-key             | Perplexity      | PERPLEXITY_API_KEY                  | pplx_client             | pplx-<a48>
xai-key                    | xAI             | XAI_API_KEY                         | grok_client             | xai-<a80>
hubspot-pat                | HubSpot         | HUBSPOT_ACCESS_TOKEN                | crm_client              | pat-na1-<uuid>
launchdarkly-api-key       | LaunchDarkly    | LD_API_KEY                          | flags_admin             | api-<uuid>
plaid-access-token         | Plaid           | PLAID_ACCESS_TOKEN                  | bank_link               | access-production-<uuid>
adobe-client-secret        | Adobe           | ADOBE_CLIENT_SECRET                 | adobe_io                | p8e-<x32>
prefect-key                | Prefect         | PREFECT_API_KEY                     | prefect_cloud           | pnu_<a36>
readme-key                 | ReadMe          | README_API_KEY                      | docs_sync               | rdme_<L70>
frameio-token              | Frame.io        | FRAMEIO_TOKEN                       | review_client           | fio-u-<x64>
duffel-token               | Duffel          | DUFFEL_ACCESS_TOKEN                 | flights_client          | duffel_live_<x43>
generic-password           | Generic         | DB_PASSWORD                         | db_password             | <l4><p1><a10><q1><d2>
generic-secret             | Generic         | SESSION_SECRET                      | session_secret          | <a48>
`;

/** Character classes of the formats. */
const CLASSES: Record<string, string> = {
  d: '0123456789',
  D: '123456789',
  h: HEX,
  a: ALNUM,
  U: UPPER_ALNUM,
  L: LOWER_ALNUM,
  l: LETTERS,
  b: B64,
  x: B64URL,
  y: `${ALNUM}_.-`,
  Z: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  K: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
  p: '#!%@',
  q: '$&*',
};

const uuid = (r: Rng) =>
  `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;

function expand(format: string, r: Rng): string {
  return format.replace(/<([A-Za-z])(\d+)>|<uuid>/g, (m, c: string | undefined, n: string | undefined) => {
    if (m === '<uuid>') return uuid(r);
    const alphabet = CLASSES[c!];
    if (!alphabet) throw new Error(`unknown character class ${c} in ${format}`);
    return r.chars(alphabet, Number(n));
  });
}

function toBase62(n: number, width: number): string {
  let out = '';
  let v = n;
  do {
    out = ALNUM[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/** GitHub and npm: 30 random base62 characters, then the base62 CRC-32 of them in 6. */
const crcToken = (prefix: string) => (r: Rng) => {
  const body = r.chars(ALNUM, 30);
  return `${prefix}${body}${toBase62(crc32(body), 6)}`;
};

/** Atlassian: the last 8 characters are the hex CRC-32 of everything before. */
const hexCrcToken = (prefix: string, n: number, alphabet: string) => (r: Rng) => {
  const head = `${prefix}${r.chars(alphabet, n)}`;
  return `${head}${crc32(head).toString(16).padStart(8, '0').toUpperCase()}`;
};

const b64json = (o: unknown, enc: BufferEncoding = 'base64') => Buffer.from(JSON.stringify(o)).toString(enc);

const SPECIAL: Record<string, (r: Rng) => string> = {
  'github-pat-classic': crcToken('ghp_'),
  'github-oauth': crcToken('gho_'),
  'github-app-installation': crcToken('ghs_'),
  'npm-token': crcToken('npm_'),
  // The first part is the bot's user id (a snowflake) in base64, unpadded.
  'discord-bot-token': (r) =>
    `${Buffer.from(`1${r.chars(CLASSES.d!, 18)}`)
      .toString('base64')
      .replace(/=+$/, '')}.${r.chars(B64URL, 6)}.${r.chars(B64URL, 38)}`,
  'atlassian-api-token': hexCrcToken('ATATT3xFfGF0', 174, `${ALNUM}_-=`),
  'bitbucket-app-password': hexCrcToken('ATBB', 24, ALNUM),
  'gcp-service-account': (r) => keys.gcpServiceAccount(r, `acme-${r.chars(LOWER_ALNUM, 6)}`),
  'private-key-rsa': keys.rsaPrivateKeyPem,
  'private-key-pkcs8': keys.pkcs8RsaPem,
  'private-key-ec': keys.ecPrivatePem,
  'private-key-ed25519': keys.ed25519PrivatePem,
  'private-key-openssh': (r) => keys.opensshPrivateKey(r, 'deploy@ci-runner-3'),
  'private-key-pgp': keys.pgpPrivateBlock,
  jwt: (r) =>
    keys.jwt(r, {
      sub: `svc-${r.chars(LOWER_ALNUM, 8)}`,
      iss: 'https://auth.acme-corp.io',
      aud: 'billing',
      role: 'admin',
      iat: 1718000000 + r.int(0, 1e7),
      exp: 1918000000,
    }),
  'grafana-service-account': (r) => {
    const body = r.chars(ALNUM, 32);
    return `glsa_${body}_${crc32(`glsa_${body}`).toString(16).padStart(8, '0')}`;
  },
  'grafana-cloud-token': (r) =>
    `glc_${b64json({ o: r.chars(CLASSES.d!, 6), n: `stack-${r.chars(CLASSES.d!, 6)}-hm-read`, k: r.chars(ALNUM, 24), m: { r: 'prod-eu-west-2' } })}`,
  'mapbox-secret-token': (r) =>
    `sk.${b64json({ u: `acme-${r.chars(LOWER_ALNUM, 6)}`, a: r.chars(LOWER_ALNUM, 25) }, 'base64url')}.${r.chars(B64URL, 22)}`,
  '1password-service-account': (r) =>
    `ops_${b64json({
      signInAddress: 'acme.1password.com',
      userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: r.chars(B64URL, 22) },
      email: `${r.chars(LOWER_ALNUM, 13)}@1passwordserviceaccounts.com`,
      srpX: r.chars(HEX, 64),
      muk: {
        alg: 'A256GCM',
        ext: true,
        k: r.chars(B64URL, 43),
        key_ops: ['encrypt', 'decrypt'],
        kty: 'oct',
        kid: 'mp',
      },
      secretKey: `A3-${r.chars(UPPER_ALNUM, 6)}-${r.chars(UPPER_ALNUM, 6)}-${r.chars(UPPER_ALNUM, 5)}`,
      throttleSecret: { seed: r.chars(HEX, 64), uuid: r.chars(UPPER_ALNUM, 26) },
      deviceUuid: r.chars(LOWER_ALNUM, 26),
    })}`,
};

const BLOCKS = new Set([
  'gcp-service-account',
  'private-key-rsa',
  'private-key-pkcs8',
  'private-key-ec',
  'private-key-ed25519',
  'private-key-openssh',
  'private-key-pgp',
]);
/** No format of their own, or a prefix too weak to report without the name next to it. */
const NEEDS_NAME = new Set([
  'aws-secret-access-key',
  'twilio-auth-token',
  'twilio-api-key',
  'datadog-api-key',
  'cloudflare-api-token',
  'mailgun-key',
  'launchdarkly-api-key',
  'generic-password',
  'generic-secret',
]);
const PLACEHOLDERISH =
  /example|sample|test|fake|dummy|todo|xxxx|insert|your|lorem|redact|invalid|notreal|fixme|placeholder|changeme/i;

function parse(row: string): FakeSecret {
  const [kind, provider, envName, plainName, format] = row.split('|').map((c) => c.trim()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const build = format === '@' ? SPECIAL[kind] : (r: Rng) => expand(format, r);
  if (!build) throw new Error(`no builder for ${kind}`);
  const block = BLOCKS.has(kind);
  // A random value that happens to spell a placeholder word would be filtered as one: draw again.
  const make = (r: Rng) => {
    for (;;) {
      const v = build(r);
      if (block || !PLACEHOLDERISH.test(v)) return v;
    }
  };
  return {
    kind,
    provider,
    envName,
    plainName,
    make,
    ...(block ? { block } : {}),
    ...(NEEDS_NAME.has(kind) ? { needsName: true } : {}),
  };
}

export const FAKE_SECRETS: readonly FakeSecret[] = TABLE.trim().split('\n').map(parse);

export function fakeSecret(kind: string): FakeSecret {
  const s = FAKE_SECRETS.find((f) => f.kind === kind);
  if (!s) throw new Error(`unknown fake secret kind ${kind}`);
  return s;
}
