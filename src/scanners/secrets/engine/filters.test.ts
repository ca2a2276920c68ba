import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isNotAGenericSecret, isPlaceholder, isReference, isTestLikePath } from './filters.js';

describe('isPlaceholder', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'your-api-key-here',
    'YOUR_TOKEN',
    'yourtokenhere',
    'changeme',
    'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    '<your-token>',
    '<REDACTED>',
    '[REDACTED]',
    '********',
    'xxxxxxxxxxxxxxxx',
    'ghp_000000000000000000000000000000000000',
    'shpca_00000000000000000000000000000000',
    'pat-na1-00000000-0000-0000-0000-000000000000',
    'ghp_1234567890abcdefghijklmnopqrstuvwxyz',
    'sk_live_fake_key_for_docs',
    'abc…xyz',
  ])('recognises %s', (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });

  it.each(['ghp_R8yQz3LmW5vKc9PxT2nB7sJd4HfG6aE1uXoY', 'Vq7#mK2p!xR9zL', 'wp<ihuelu/Rf>salt+Q9z'])(
    'keeps %s',
    (v) => {
      expect(isPlaceholder(v)).toBe(false);
    },
  );

  it('almost never drops a random key by chance', () => {
    let dropped = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (isPlaceholder(randomBytes(48).toString('base64'))) dropped++;
    expect(dropped / n).toBeLessThan(0.001);
  });
});

describe('isReference', () => {
  it.each([
    '${DB_PASSWORD}',
    '$DB_PASSWORD',
    '{{ .Values.db.password }}',
    'process.env.X',
    'os.environ["X"]',
    'secrets.TOKEN',
  ])('recognises %s', (v) => {
    expect(isReference(v)).toBe(true);
  });
  it('does not take a literal for a reference', () => {
    expect(isReference('Vq7#mK2p!xR9zL')).toBe(false);
  });
});

describe('isNotAGenericSecret', () => {
  it.each([
    '5f4dcc3b5aa765d61d8327deb882cf99',
    '123e4567-e89b-12d3-a456-426614174000',
    'sha512-Jq3kX9mL2vB7tR4wN8pY1sZc6dF0gH5jK3lM9nQ2rT7vW4xY8zA1bC6dE0fG5hI==',
    'getPassword()',
    'm.groups?.secret',
    'keys.rsa',
    'config.database.primaryPassword',
    'user_password_input',
    './secrets/db.txt',
    'etc/passwd',
    'run/secrets/db_password2',
    'https://vault.internal/v1/secret',
    'hunter22',
    'aws_secretsmanager_secret.db.arn\\n',
  ])('drops the ordinary value %s', (v) => {
    expect(isNotAGenericSecret(v, 3.2)).toBe(true);
  });
  it('keeps a high-entropy value, also at the end of a quoted line', () => {
    expect(isNotAGenericSecret('f3Kq9ZxL2mVb7RtW4nPy8sJd', 3.2)).toBe(false);
    expect(isNotAGenericSecret('f3Kq9ZxL2mVb7RtW4nPy8sJd\\n', 3.2)).toBe(false);
    expect(isNotAGenericSecret('x9Kq/etc/Lm2#Zr8', 3.2)).toBe(false);
  });
});

describe('isTestLikePath', () => {
  it.each([
    'test/a.env',
    'src/__tests__/x.ts',
    'src/scanners/container/testing/images.ts',
    'pkg/testdata/key.pem',
    'app.spec.ts',
    'docs/setup.md',
    'examples/demo/.env',
  ])('%s is test-like', (p) => {
    expect(isTestLikePath(p)).toBe(true);
  });
  it.each(['src/app.ts', 'deploy/prod.env', 'contest/x.py', 'latest/config.yml'])('%s is not', (p) => {
    expect(isTestLikePath(p)).toBe(false);
  });
});
