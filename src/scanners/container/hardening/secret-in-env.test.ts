import { describe, expect, it } from 'vitest';
import { secretInEnv } from './secret-in-env.js';
import { DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run } = imagesFor(secretInEnv);
const AWS_SECRET = '9dK2mQz7Lr4Vx1Np8TbW3cYh6Fs0GjUe5Ra/XoBi';
const PASSWORD = 'Tr0ub4dor';

describe('container/secret-in-env', () => {
  it('reports a value the secrets detectors recognise, with their severity, and redacts it everywhere', async () => {
    const env = `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`;
    const results = await run({
      base: DEBIAN,
      config: { Env: ['PATH=/usr/bin', env] },
      steps: [`ENV ${env}`],
    });
    expect(results).toEqual([
      expect.objectContaining({
        ruleId: 'container/secret-in-env',
        location: 'config:Env:AWS_SECRET_ACCESS_KEY',
        severity: 'critical',
        properties: { detector: 'aws-secret-access-key' },
        createdBy: 'ENV AWS_SECRET_ACCESS_KEY=9dK2…',
      }),
    ]);
    expect(results[0]!.message).toMatch(
      /^Env AWS_SECRET_ACCESS_KEY \(set by ENV AWS_SECRET_ACCESS_KEY=9dK2…\) holds a secret \(AWS secret access key\) 9dK2… \(sha256:[0-9a-f]{12}\): anyone who pulls the image reads it with docker inspect$/,
    );
    expect(results[0]!.secret?.redacted).toBe('9dK2…');
    expect(JSON.stringify(results)).not.toContain(AWS_SECRET);
  });

  it('reports a literal given to a credential-named variable', async () => {
    const results = await run({ base: DISTROLESS, config: { Env: [`POSTGRES_PASSWORD=${PASSWORD}`] } });
    expect(results.map((r) => [r.location, r.severity, r.message.split(' (')[0]])).toEqual([
      ['config:Env:POSTGRES_PASSWORD', undefined, 'Env POSTGRES_PASSWORD holds a secret'],
    ]);
    expect(JSON.stringify(results)).not.toContain(PASSWORD);
  });

  it('keys the result on the name and the value, so a rotated secret is a new finding', async () => {
    const [a] = await run({ base: DEBIAN, config: { Env: [`DB_PASSWORD=${PASSWORD}`] } });
    const [b] = await run({ base: DEBIAN, config: { Env: ['DB_PASSWORD=An0ther-one'] } });
    expect(a!.key).toMatch(/^config:Env:DB_PASSWORD:[0-9a-f]{12}$/);
    expect(a!.key).not.toBe(b!.key);
  });

  it('passes what official images and careful Dockerfiles put in Env', async () => {
    const env = [
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
      'PYTHON_SHA256=24887b92e2afd4a2ac602419ad4b596372f67ac9b077190f459aba390faf5550',
      'NODE_VERSION=20.15.1',
      'DB_PASSWORD_FILE=/run/secrets/db_password',
      'DB_PASSWORD=',
      'API_TOKEN=changeme',
      'SECRET_KEY=${SECRET_KEY}',
      'GITHUB_TOKEN=$GITHUB_TOKEN',
      'AUTH_ENABLED=true',
      'TOKEN_URL=https://auth.example.com/token',
    ];
    expect(await run({ base: DEBIAN, config: { Env: env } })).toEqual([]);
  });
});
