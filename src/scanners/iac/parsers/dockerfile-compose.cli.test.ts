import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, gatehouse } from '../../../../test/cli.js';
import { makeTree } from '../../../../test/tmp.js';

// Made-up credentials in a realistic shape.
const ENV_SECRET = 'Vq7mK2pxR9zLw8Tb';
const COMPOSE_SECRET = 'Hj8kL2mN9pQ4rS6v';

const tree = makeTree({
  'services/api/Dockerfile': [
    'FROM golang:1.22 AS build', // 1
    'RUN go build -o /out/api ./cmd/api', // 2
    '', // 3
    'FROM debian:bookworm-slim', // 4
    `ENV DB_PASSWORD=${ENV_SECRET} LOG_LEVEL=info`, // 5
    'RUN apt-get update \\', // 6
    '  && apt-get install -y --no-install-recommends ca-certificates=20230311 \\', // 7
    '  && rm -rf /var/lib/apt/lists/*', // 8
    'COPY --from=build /out/api /usr/local/bin/api', // 9
    'ENTRYPOINT ["/usr/local/bin/api"]', // 10
  ].join('\n'),
  'deploy/docker-compose.yml': [
    'services:', // 1
    '  db:', // 2
    '    image: postgres:16.3', // 3
    '    ports:', // 4
    '      - "5432:5432"', // 5
    '    environment:', // 6
    `      POSTGRES_PASSWORD: ${COMPOSE_SECRET}`, // 7
    '  api:', // 8
    '    build: ../services/api', // 9
    '    privileged: true', // 10
  ].join('\n'),
});
afterAll(tree.cleanup);

interface JsonFinding {
  ruleId: string;
  message: string;
  location: { path: string; startLine: number; snippet?: string };
}

describe('gatehouse scan --scanners iac on Dockerfiles and compose files', () => {
  let run: CliRun;
  let findings: JsonFinding[];
  beforeAll(() => {
    run = gatehouse(['scan', tree.root, '--scanners', 'iac', '--format', 'json']);
    findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  });
  const at = (ruleId: string) =>
    findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.location.path}:${f.location.startLine}`);

  it('fails the gate on the high findings', () => {
    expect(run.code).toBe(1);
  });

  it('reports Dockerfile findings at the instruction’s first line', () => {
    expect(at('iac/dockerfile-user-root')).toEqual(['services/api/Dockerfile:4']);
    expect(at('iac/dockerfile-secret-env')).toEqual(['services/api/Dockerfile:5']);
    expect(at('iac/dockerfile-image-not-pinned')).toEqual([
      'services/api/Dockerfile:1',
      'services/api/Dockerfile:4',
    ]);
    expect(at('iac/dockerfile-apt-lists-not-cleaned')).toEqual([]);
  });

  it('reports compose findings at the offending key', () => {
    expect(at('iac/compose-privileged')).toEqual(['deploy/docker-compose.yml:10']);
    expect(at('iac/compose-exposed-admin-port')).toEqual(['deploy/docker-compose.yml:5']);
    expect(at('iac/compose-secret-env')).toEqual(['deploy/docker-compose.yml:7']);
  });

  it('never writes a secret unredacted', () => {
    expect(run.stdout + run.stderr).not.toContain(ENV_SECRET);
    expect(run.stdout + run.stderr).not.toContain(COMPOSE_SECRET);
    const secret = findings.find((f) => f.ruleId === 'iac/dockerfile-secret-env')!;
    expect(secret.location.snippet).toMatch(/^ENV DB_PASSWORD=Vq… LOG_LEVEL=info$/);
  });
});
