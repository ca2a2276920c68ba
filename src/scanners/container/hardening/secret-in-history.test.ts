import { describe, expect, it } from 'vitest';
import { secretInHistory } from './secret-in-history.js';
import { DEBIAN, imagesFor } from './testing/images.js';

const { run } = imagesFor(secretInHistory);
const NPM = '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';
const TOKEN = 'Zx8vQ2mL9pR4kT7w';

describe('container/secret-in-history', () => {
  it('reports a build argument recorded before RUN steps once, at its first step, by its detector', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [
        { createdBy: `RUN |1 NPM_TOKEN=${NPM} /bin/sh -c npm ci # buildkit`, files: { 'app/a': 'a' } },
        { createdBy: `RUN |1 NPM_TOKEN=${NPM} /bin/sh -c npm run build # buildkit`, files: { 'app/b': 'b' } },
      ],
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      ruleId: 'container/secret-in-history',
      location: 'config:history',
      layer: 1,
      createdBy: 'RUN |1 NPM_TOKEN=npm_… /bin/sh -c npm ci # buildkit',
      properties: { step: 1 },
    });
    expect(results[0]!.message).toMatch(
      /^history step 1 and 1 later step records a secret \(.+\) npm_… \(sha256:[0-9a-f]{12}\), in layer 1 \(RUN npm ci\): anyone who pulls the image reads it with docker history$/,
    );
    expect(JSON.stringify(results)).not.toContain(NPM);
  });

  it('reports credential-named build arguments, flags and curl -u passwords', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [
        { createdBy: `|1 DEPLOY_TOKEN=${TOKEN} /bin/sh -c ./deploy.sh`, files: { a: 'a' } },
        { createdBy: '/bin/sh -c mysql --password=Sup3rS3cr3t -e "select 1"', files: { b: 'b' } },
        {
          createdBy: '/bin/sh -c curl -fsSL -u deploy:Pa55w0rdX https://artifacts.example.com/app.tgz',
          files: { c: 'c' },
        },
      ],
    });
    expect(results.map((r) => [r.layer, /records a secret \((.*?)\) /.exec(r.message)?.[1]])).toEqual([
      [1, 'Hard-coded API key, token or secret, in build argument DEPLOY_TOKEN'],
      [2, '--password'],
      [3, 'curl -u password'],
    ]);
    for (const secret of [TOKEN, 'Sup3rS3cr3t', 'Pa55w0rdX'])
      expect(JSON.stringify(results)).not.toContain(secret);
  });

  it('reports an ENV the final config no longer shows', async () => {
    const results = await run({
      base: DEBIAN,
      config: { Env: ['DB_PASSWORD='] },
      steps: ['ENV DB_PASSWORD=Tr0ub4dor', 'ENV DB_PASSWORD='],
    });
    expect(results.map((r) => [r.layer, r.createdBy, r.properties?.step])).toEqual([
      [undefined, 'ENV DB_PASSWORD=…', 1],
    ]);
  });

  it('leaves a value still in the final Env to container/secret-in-env', async () => {
    const results = await run({
      base: DEBIAN,
      config: { Env: ['DB_PASSWORD=Tr0ub4dor'] },
      steps: ['ENV DB_PASSWORD=Tr0ub4dor'],
    });
    expect(results).toEqual([]);
  });

  it('passes references, secret mounts, uids and ordinary build arguments', async () => {
    const steps = [
      'ARG VERSION=1.4.2',
      'ARG NPM_TOKEN',
      'RUN |2 VERSION=1.4.2 NPM_TOKEN=$NPM_TOKEN /bin/sh -c npm ci # buildkit',
      'RUN /bin/sh -c --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci # buildkit',
      'RUN /bin/sh -c useradd -u 10001 app && docker run -u 1000:1000 x # buildkit',
      'RUN /bin/sh -c curl -fsSL -u "$USER:$PASS" https://example.com/a # buildkit',
      'RUN /bin/sh -c app --password-file=/run/secrets/pw --token=${TOKEN} # buildkit',
    ];
    expect(await run({ base: DEBIAN, steps })).toEqual([]);
  });
});
