/**
 * Writes the labelled secrets corpus, test/fixtures/secrets-corpus/: ordinary files in many
 * formats with FAKE credentials planted (labels.jsonl: one line per secret) and decoys the
 * scanner must not report (decoys.jsonl, for diagnosis only: anything unlabelled is a decoy).
 * Deterministic; run it again after changing the generators and commit the result.
 *
 *   npx tsx bench/gen-corpus.ts
 */
import { join } from 'node:path';
import { log, ROOT } from './lib/common.js';
import { CODE, Corpus, type Item, LANGS, STYLES } from './lib/corpus.js';
import { pathFor, specialFiles } from './lib/corpus-files.js';
import { type CorpusLang, place } from './lib/corpus-render.js';
import { FAKE_SECRETS, type FakeSecret, fakeSecret } from './lib/fake-secrets.js';
import { B64, Rng } from './lib/prng.js';
import { word } from './lib/words.js';

export const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'secrets-corpus');

function secretItem(rng: Rng, s: FakeSecret, lang: CorpusLang, i: number): Item {
  let style = STYLES[i % STYLES.length]!;
  if (style === 'call' && !CODE.has(lang)) style = 'plain';
  // A value with no format of its own is only a secret by its name: never hide the name.
  if (s.needsName) style = 'named';
  return { lines: [place(lang, style, style === 'named' ? s.envName : s.plainName, s.make(rng))], secret: s };
}

const indent = (pad: string, text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l);

function blockFiles(c: Corpus, rng: Rng): void {
  const k = (kind: string) => fakeSecret(kind);
  const gcp = k('gcp-service-account').make(rng).trimEnd().split('\n');
  c.addWhole('config/gcp/ci-deployer.json', gcp, [
    { line: gcp.findIndex((l) => l.includes('"private_key"')) + 1, secret: k('gcp-service-account') },
  ]);
  const rsa = k('private-key-rsa').make(rng).trimEnd().split('\n');
  c.addWhole('deploy/tls/server.key', rsa, [{ line: 1, endLine: rsa.length, secret: k('private-key-rsa') }]);
  const p8 = indent('    ', k('private-key-pkcs8').make(rng));
  const tls = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: ingress-tls',
    'type: kubernetes.io/tls',
    'stringData:',
    '  tls.key: |',
  ];
  c.addWhole(
    'k8s/ingress/tls-secret.yaml',
    [...tls, ...p8],
    [{ line: tls.length + 1, endLine: tls.length + p8.length, secret: k('private-key-pkcs8') }],
  );
  const ec = k('private-key-ec').make(rng).trimEnd().split('\n');
  c.addWhole('services/edge-gateway/certs/signing.pem', ec, [
    { line: 1, endLine: ec.length, secret: k('private-key-ec') },
  ]);
  const ed = k('private-key-ed25519').make(rng).trimEnd().split('\n');
  const py = ['"""Keys for signing webhook payloads."""', '', 'SIGNING_KEY_PEM = """\\'];
  c.addWhole(
    'services/hooks-svc/app/signing_keys.py',
    [...py, ...ed, '"""', ''],
    [{ line: py.length + 1, endLine: py.length + ed.length, secret: k('private-key-ed25519') }],
  );
  const ssh = k('private-key-openssh').make(rng).trimEnd().split('\n');
  c.addWhole('deploy/ssh/id_ed25519', ssh, [
    { line: 1, endLine: ssh.length, secret: k('private-key-openssh') },
  ]);
  const pgp = k('private-key-pgp').make(rng).trimEnd().split('\n');
  c.addWhole('release/signing-key.asc', pgp, [
    { line: 1, endLine: pgp.length, secret: k('private-key-pgp') },
  ]);
}

function configFiles(c: Corpus, rng: Rng): void {
  const k = (kind: string) => fakeSecret(kind);
  const line = (s: FakeSecret, fmt: (v: string) => string): Item => ({
    lines: [fmt(s.make(rng))],
    secret: s,
  });
  c.addFile('services/orders-api/.env.production', 'env', [
    line(k('aws-access-key-id'), (v) => `AWS_ACCESS_KEY_ID=${v}`),
    line(k('aws-secret-access-key'), (v) => `AWS_SECRET_ACCESS_KEY=${v}`),
    line(k('stripe-secret-key'), (v) => `STRIPE_SECRET_KEY=${v}`),
    line(k('postgres-url'), (v) => `DATABASE_URL=${v}`),
    line(k('sendgrid-api-key'), (v) => `SENDGRID_API_KEY=${v}`),
    c.nextDecoy('env'),
    c.nextDecoy('env'),
  ]);
  c.addWhole(
    'app/web/.npmrc',
    [
      'registry=https://registry.npmjs.org/',
      `//registry.npmjs.org/:_authToken=${k('npm-token').make(rng)}`,
      'save-exact=true',
    ],
    [{ line: 2, secret: k('npm-token') }],
  );
  c.addWhole(
    'tools/release/.pypirc',
    [
      '[distutils]',
      'index-servers = pypi',
      '',
      '[pypi]',
      'username = __token__',
      `password = ${k('pypi-token').make(rng)}`,
    ],
    [{ line: 6, secret: k('pypi-token') }],
  );
  const aws = k('aws-access-key-id');
  c.addWhole(
    'deploy/aws/credentials',
    [
      '[default]',
      `aws_access_key_id = ${aws.make(rng)}`,
      `aws_secret_access_key = ${k('aws-secret-access-key').make(rng)}`,
      'region = eu-west-1',
    ],
    [
      { line: 2, secret: aws },
      { line: 3, secret: k('aws-secret-access-key') },
    ],
  );
  const jwt = k('jwt');
  c.addWhole(
    'deploy/kubeconfig-ci.yaml',
    [
      'apiVersion: v1',
      'kind: Config',
      'users:',
      '  - name: ci-deployer',
      '    user:',
      `      token: ${jwt.make(rng)}`,
    ],
    [{ line: 6, secret: jwt }],
  );
  const docker: FakeSecret = {
    kind: 'docker-config-auth',
    provider: 'Docker registry',
    envName: '',
    plainName: '',
    make: (r) => Buffer.from(`ci-bot:${r.chars(B64.slice(0, 62), 24)}`).toString('base64'),
  };
  c.addWhole(
    'deploy/registry/config.json',
    [
      '{',
      '  "auths": {',
      '    "registry.acme-corp.io": {',
      `      "auth": "${docker.make(rng)}"`,
      '    }',
      '  }',
      '}',
    ],
    [{ line: 4, secret: docker }],
  );
  // Test-like and documentation paths: provider formats still count (at low confidence).
  c.addFile('tests/integration/test_payments.py', 'python', [
    {
      lines: [`LIVE_KEY = "${k('stripe-restricted-key').make(rng)}"  # copied from the dashboard`],
      secret: k('stripe-restricted-key'),
    },
    { lines: [`GH = "${k('github-pat-classic').make(rng)}"`], secret: k('github-pat-classic') },
    c.nextDecoy('python'),
    c.nextDecoy('python'),
  ]);
  c.addFile('docs/alerting.md', 'markdown', [
    { lines: [`    SLACK_WEBHOOK_URL=${k('slack-webhook').make(rng)}`], secret: k('slack-webhook') },
    c.nextDecoy('markdown'),
    c.nextDecoy('markdown'),
  ]);
}

export function generateCorpus(seed = 20240601): Corpus {
  const rng = new Rng(seed);
  const c = new Corpus(rng);
  FAKE_SECRETS.filter((s) => !s.block).forEach((s, i) => {
    const lang = LANGS[i % LANGS.length]!;
    c.addFile(c.uniquePath(pathFor(lang, rng)), lang, [secretItem(rng, s, lang, i), c.nextDecoy(lang)]);
  });
  blockFiles(c, rng);
  configFiles(c, rng);
  for (let i = 0; i < 55; i++) {
    const lang = LANGS[(i * 7) % LANGS.length]!;
    const items = Array.from({ length: rng.int(2, 4) }, () => c.nextDecoy(lang));
    c.addFile(c.uniquePath(pathFor(lang, rng)), lang, items);
  }
  for (const f of specialFiles(rng)) {
    c.write(f.path, f.lines);
    for (const d of f.decoys) c.decoys.push({ file: f.path, line: d.line, kind: d.kind });
  }
  for (let i = 0; i < 6; i++)
    c.addFile(c.uniquePath(`docs/${word(rng)}-guide.md`), 'markdown', [
      c.nextDecoy('markdown'),
      c.nextDecoy('markdown'),
    ]);
  return c;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const c = generateCorpus();
  const files = c.save(CORPUS_DIR);
  const providers = new Set(c.labels.map((l) => l.provider));
  log(
    `${files} files, ${c.labels.length} planted secrets (${providers.size} providers), ${c.decoys.length} decoys -> ${CORPUS_DIR}`,
  );
}
