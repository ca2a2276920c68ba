import { describe, expect, it } from 'vitest';
import { commandSecrets, redactCommand } from './secret-values.js';

const AWS_SECRET = '9dK2mQz7Lr4Vx1Np8TbW3cYh6Fs0GjUe5Ra/XoBi';

describe('commandSecrets', () => {
  it('finds build arguments, ENV and ARG values, flags, curl passwords and detector matches', () => {
    const found = (cmd: string) => commandSecrets(cmd).map((s) => [s.what, s.value]);
    expect(found('|2 API_TOKEN=k9Xv2Lq7 VERSION=1.2 /bin/sh -c make')).toEqual([
      ['build argument API_TOKEN', 'k9Xv2Lq7'],
    ]);
    expect(found('/bin/sh -c #(nop)  ENV DB_PASS="s3cr3t x" LANG=C')).toEqual([['ENV DB_PASS', 's3cr3t x']]);
    expect(found('ARG REGISTRY_PASSWORD=hunter22')).toEqual([['ARG REGISTRY_PASSWORD', 'hunter22']]);
    expect(found('RUN /bin/sh -c login --api-key abcd1234 --user bob # buildkit')).toEqual([
      ['--api-key', 'abcd1234'],
    ]);
    expect(found(`RUN /bin/sh -c echo "aws_secret_access_key = ${AWS_SECRET}" > creds`)).toEqual([
      ['AWS secret access key', AWS_SECRET],
    ]);
  });

  it('only reads -u as a password for curl, where it means user:password', () => {
    expect(commandSecrets('/bin/sh -c gosu -u app:s3cr3tX run')).toEqual([]);
    expect(commandSecrets('/bin/sh -c curl -u app:s3cr3tX https://x').map((s) => s.value)).toEqual([
      's3cr3tX',
    ]);
  });
});

describe('redactCommand', () => {
  it('masks every secret the checks would report, and credential-like assignments', () => {
    const cmd = `RUN |1 NPM_TOKEN=abc123xyz /bin/sh -c echo "aws_secret_access_key = ${AWS_SECRET}" && login --password=pw1 # buildkit`;
    const out = redactCommand(cmd);
    for (const s of ['abc123xyz', AWS_SECRET, 'pw1']) expect(out).not.toContain(s);
    expect(out).toContain('/bin/sh -c echo');
  });

  it('masks values it is told about', () => {
    expect(redactCommand('ENV SOMETHING=opaque-value', ['opaque-value'])).toBe('ENV SOMETHING=op…');
  });
});
