import { ed25519PublicPem, jwt, sshPublicKey } from './fake-keys.js';
import { ALNUM, B64, B64URL, HEX, LOWER_ALNUM, type Rng } from './prng.js';

/**
 * What a secrets scanner must NOT report, by kind: provider documentation examples,
 * placeholders, references to where the real value lives, public keys and certificates,
 * hashes, UUIDs, lockfile integrity, data URIs, test-fixture conventions, public identifiers,
 * and configuration that merely talks about secrets. `value` decoys are written with the
 * file's own assignment syntax; `raw` decoys are whole lines.
 */
export type DecoyKind =
  | 'doc-example'
  | 'placeholder'
  | 'reference'
  | 'public-key'
  | 'hash'
  | 'uuid'
  | 'lockfile'
  | 'data-uri'
  | 'test-fixture'
  | 'public-id'
  | 'config-noise';

export interface Decoy {
  kind: DecoyKind;
  name: string;
  value?: (r: Rng) => string;
  raw?: (r: Rng) => string[];
}

const uuid = (r: Rng) =>
  `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-a${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
const hex = (n: number) => (r: Rng) => r.chars(HEX, n);
const v = (kind: DecoyKind, name: string, value: (r: Rng) => string): Decoy => ({ kind, name, value });
const fixed = (kind: DecoyKind, name: string, value: string): Decoy => ({ kind, name, value: () => value });
const raw = (kind: DecoyKind, name: string, lines: (r: Rng) => string[]): Decoy => ({
  kind,
  name,
  raw: lines,
});

export const DECOYS: readonly Decoy[] = [
  fixed('doc-example', 'AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'),
  fixed('doc-example', 'AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
  fixed('doc-example', 'aws_secret_access_key', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'),
  fixed(
    'doc-example',
    'SLACK_WEBHOOK_URL',
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  ),
  fixed('doc-example', 'SLACK_BOT_TOKEN', 'xoxb-not-a-real-token-this-will-not-work'),
  fixed('doc-example', 'STRIPE_SECRET_KEY', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'),
  fixed('doc-example', 'GITHUB_TOKEN', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'),
  fixed(
    'doc-example',
    'JWT_EXAMPLE',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ),
  fixed('doc-example', 'DATABASE_URL', 'postgres://user:password@localhost:5432/mydb'),
  fixed('doc-example', 'MONGO_URL', 'mongodb://localhost:27017/app'),
  fixed('doc-example', 'AMQP_URL', 'amqp://guest:guest@localhost:5672/'),
  fixed('doc-example', 'TWILIO_ACCOUNT_SID', 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'),
  fixed('doc-example', 'PROXY_URL', 'https://user:pass@proxy.example.com:8080'),
  fixed('placeholder', 'API_KEY', 'xxxx'),
  fixed('placeholder', 'STRIPE_SECRET_KEY', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'),
  fixed('placeholder', 'GITHUB_TOKEN', 'ghp_<your token>'),
  fixed('placeholder', 'GITLAB_TOKEN', 'glpat-xxxxxxxxxxxxxxxxxxxx'),
  fixed('placeholder', 'SECRET_KEY', '<REDACTED>'),
  fixed('placeholder', 'DB_PASSWORD', '********'),
  fixed('placeholder', 'ADMIN_PASSWORD', 'changeme'),
  fixed('placeholder', 'OPENAI_API_KEY', 'your-api-key-here'),
  fixed('placeholder', 'AUTH_TOKEN', 'REPLACE_ME'),
  fixed('placeholder', 'CLIENT_SECRET', '<client-secret>'),
  fixed(
    'placeholder',
    'SENDGRID_API_KEY',
    'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ),
  fixed('placeholder', 'SLACK_BOT_TOKEN', 'xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx'),
  fixed('placeholder', 'AWS_ACCESS_KEY_ID', 'AKIA****************'),
  fixed('placeholder', 'ANTHROPIC_API_KEY', 'sk-ant-api03-...'),
  fixed('placeholder', 'JWT_SECRET', 'insert-a-long-random-string-here'),
  fixed('placeholder', 'DB_PASSWORD', 'password'),
  fixed('placeholder', 'REDIS_PASSWORD', ''),
  fixed('reference', 'DB_PASSWORD', '${DB_PASSWORD}'),
  fixed('reference', 'NPM_TOKEN', '${{ secrets.NPM_TOKEN }}'),
  fixed('reference', 'STRIPE_SECRET_KEY', '{{ .Values.stripe.secretKey }}'),
  fixed('reference', 'API_TOKEN', '$(cat /run/secrets/api_token)'),
  fixed('reference', 'DB_PASSWORD', '{{resolve:secretsmanager:prod/db:SecretString:password}}'),
  fixed('reference', 'PAYMENTS_API_KEY', 'vault:secret/data/payments#api_key'),
  fixed('reference', 'DB_SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf'),
  fixed('reference', 'SPRING_DATASOURCE_PASSWORD', '${SPRING_DATASOURCE_PASSWORD:}'),
  fixed('reference', 'DB_PASSWORD', '%(DB_PASSWORD)s'),
  fixed('reference', 'GITHUB_TOKEN', '$GITHUB_TOKEN'),
  raw('reference', 'code', () => ['api_key = os.environ["STRIPE_SECRET_KEY"]']),
  raw('reference', 'code', () => ['const token = process.env.GITHUB_TOKEN ?? "";']),
  raw('reference', 'code', () => ['password := os.Getenv("DB_PASSWORD")']),
  raw('reference', 'code', () => ['String secret = System.getenv("CLIENT_SECRET");']),
  raw('reference', 'code', () => ['secret_key = ENV.fetch("SECRET_KEY_BASE")']),
  raw('reference', 'code', () => ['  password = var.db_password']),
  raw('public-key', 'pem', (r) => ed25519PublicPem(r).trimEnd().split('\n')),
  raw('public-key', 'ssh', (r) => [sshPublicKey(r, `deploy@build-${r.int(1, 9)}`)]),
  raw('public-key', 'pgp', (r) => [
    '-----BEGIN PGP PUBLIC KEY BLOCK-----',
    '',
    ...(Buffer.from(r.chars(ALNUM, 600))
      .toString('base64')
      .match(/.{1,64}/g) ?? []),
    '-----END PGP PUBLIC KEY BLOCK-----',
  ]),
  v('public-key', 'STRIPE_PUBLISHABLE_KEY', (r) => `pk_live_51${r.chars(ALNUM, 97)}`),
  v(
    'public-key',
    'MAPBOX_PUBLIC_TOKEN',
    (r) =>
      `pk.${Buffer.from(JSON.stringify({ u: 'acme-maps', a: r.chars(LOWER_ALNUM, 25) })).toString('base64url')}.${r.chars(B64URL, 22)}`,
  ),
  v('hash', 'checksum', hex(32)),
  v('hash', 'commit', hex(40)),
  v('hash', 'sha256', hex(64)),
  v('hash', 'sha512', hex(128)),
  v('hash', 'password_hash', hex(32)),
  v('hash', 'api_key_sha256', hex(64)),
  v('hash', 'token_digest', hex(40)),
  v('hash', 'image', (r) => `registry.internal/api@sha256:${r.chars(HEX, 64)}`),
  v('hash', 'password_hash', (r) => `$2b$12$${r.chars(`${ALNUM}./`, 53)}`),
  v('hash', 'etag', (r) => `W/"${r.chars(HEX, 32)}"`),
  v('uuid', 'client_id', uuid),
  v('uuid', 'tenant_id', uuid),
  v('uuid', 'request_id', uuid),
  v('uuid', 'api_key_id', uuid),
  v('uuid', 'secret_id', uuid),
  v('uuid', 'subscription_id', uuid),
  v(
    'data-uri',
    'icon',
    (r) => `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA${r.chars(B64, 240)}=`,
  ),
  v(
    'data-uri',
    'logo',
    (r) =>
      `data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9${r.chars(B64, 180)}`,
  ),
  v('test-fixture', 'STRIPE_TEST_KEY', (r) => `sk_test_51${r.chars(ALNUM, 97)}`),
  v('test-fixture', 'STRIPE_PUBLISHABLE_TEST_KEY', (r) => `pk_test_51${r.chars(ALNUM, 97)}`),
  fixed('test-fixture', 'TEST_PASSWORD', 'test1234'),
  fixed('test-fixture', 'fake_api_key', 'fake-api-key-for-unit-tests'),
  fixed('test-fixture', 'GITHUB_TOKEN', 'ghp_000000000000000000000000000000000000'),
  fixed('test-fixture', 'DUMMY_JWT', 'header.payload.signature'),
  fixed('test-fixture', 'MOCK_SECRET', 'mock-secret-value-not-used'),
  fixed('test-fixture', 'AWS_SECRET_ACCESS_KEY', 'test'),
  v(
    'public-id',
    'SENTRY_DSN',
    (r) =>
      `https://${r.chars(HEX, 32)}@o${r.int(100000, 999999)}.ingest.sentry.io/${r.int(1000000, 9999999)}`,
  ),
  v('public-id', 'RECAPTCHA_SITE_KEY', (r) => `6Lc${r.chars(`${ALNUM}_-`, 37)}`),
  v('public-id', 'ALGOLIA_SEARCH_ONLY_KEY', hex(32)),
  v('public-id', 'wallet_address', (r) => `0x${r.chars(HEX, 40)}`),
  v(
    'public-id',
    'GOOGLE_CLIENT_ID',
    (r) => `${r.int(100000000000, 999999999999)}-${r.chars(LOWER_ALNUM, 32)}.apps.googleusercontent.com`,
  ),
  fixed('config-noise', 'token_endpoint', 'https://oauth2.googleapis.com/token'),
  fixed('config-noise', 'api_key_header', 'X-API-Key'),
  fixed('config-noise', 'password_min_length', '12'),
  fixed('config-noise', 'secret_name', 'prod/payments/db-credentials'),
  fixed('config-noise', 'tokenizer', 'bert-base-uncased'),
  fixed('config-noise', 'secret_pattern', 'AKIA[0-9A-Z]{16}'),
  fixed('config-noise', 'password_reset_subject', 'Reset your password'),
  fixed('config-noise', 'token_type', 'Bearer'),
  fixed('config-noise', 'credentials_file', '/etc/acme/credentials.json'),
  fixed('config-noise', 'private_key_path', '~/.ssh/id_ed25519'),
  v('config-noise', 'session_token_ttl', (r) => `${r.int(5, 120)}m`),
  v('config-noise', 'bundle', (r) => `main.${r.chars(HEX, 10)}.chunk.js`),
  raw('config-noise', 'cache-key', () => [
    "          key: ${{ runner.os }}-node-${{ hashFiles('**/package-lock.json') }}",
  ]),
  raw('config-noise', 'sql', () => [
    'CREATE TABLE users (id UUID PRIMARY KEY, password_hash TEXT NOT NULL, api_token_hash TEXT);',
  ]),
  raw('test-fixture', 'jwt-claims', (r) => [`// decoded: ${jwt(r, { sub: 'demo' }).split('.')[1]}`]),
];

export const DECOY_KINDS: readonly DecoyKind[] = [...new Set(DECOYS.map((d) => d.kind))];
