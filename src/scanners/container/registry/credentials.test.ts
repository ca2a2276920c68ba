import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCredential } from './credentials.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dockerConfig(content: unknown): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'gh-dockercfg-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content));
  return { DOCKER_CONFIG: dir, PATH: process.env.PATH ?? '' };
}

/** A real credential helper program on PATH, answering as `docker-credential-*` do. */
function withHelper(env: Record<string, string>, name: string, script: string): Record<string, string> {
  const bin = mkdtempSync(join(tmpdir(), 'gh-helper-'));
  dirs.push(bin);
  const file = join(bin, `docker-credential-${name}`);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return { ...env, PATH: `${bin}:${env.PATH}` };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('findCredential', () => {
  it('prefers our variables', async () => {
    expect(await findCredential('r.example.com', { GATEHOUSE_REGISTRY_TOKEN: 't0k' })).toEqual({
      credential: { kind: 'bearer', token: 't0k' },
      from: 'GATEHOUSE_REGISTRY_TOKEN',
    });
    const basic = await findCredential('r.example.com', {
      GATEHOUSE_REGISTRY_USERNAME: 'ci',
      GATEHOUSE_REGISTRY_PASSWORD: 'p:w',
    });
    expect(basic.credential).toEqual({ kind: 'basic', username: 'ci', password: 'p:w' });
    await expect(findCredential('r', { GATEHOUSE_REGISTRY_USERNAME: 'ci' })).rejects.toThrow(/set together/);
  });

  it('reads auths entries by host, with or without scheme and path, Hub under its index name', async () => {
    const env = dockerConfig({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
        'https://reg.example.com/v2/': { auth: b64('u:pa:ss') },
        'plain.example.com:5000': { username: 'x', password: 'y' },
        'id.example.com': { identitytoken: 'refresh-me', username: 'z' },
      },
    });
    expect((await findCredential('docker.io', env)).credential).toEqual({
      kind: 'basic',
      username: 'hubuser',
      password: 'hubpass',
    });
    expect((await findCredential('reg.example.com', env)).credential).toEqual({
      kind: 'basic',
      username: 'u',
      password: 'pa:ss',
    });
    expect((await findCredential('plain.example.com:5000', env)).credential).toEqual({
      kind: 'basic',
      username: 'x',
      password: 'y',
    });
    expect((await findCredential('id.example.com', env)).credential).toEqual({
      kind: 'identity',
      token: 'refresh-me',
      username: 'z',
    });
    expect(await findCredential('other.example.com', env)).toEqual({ from: 'anonymous' });
  });

  it('is anonymous without a config, and says which file is broken without echoing it', async () => {
    const none = { DOCKER_CONFIG: join(tmpdir(), 'gh-no-such-dir-xyz') };
    expect(await findCredential('r.example.com', none)).toEqual({ from: 'anonymous' });
    const broken = dockerConfig('{"auths": {"r": {"auth": "c2VjcmV0' /* truncated */);
    await expect(findCredential('r', broken)).rejects.toThrow(/config\.json is not a JSON object/);
    await expect(findCredential('r', broken)).rejects.not.toThrow(/c2VjcmV0/);
    const bad = dockerConfig({ auths: { 'r.example.com': { auth: b64('no-colon-here') } } });
    await expect(findCredential('r.example.com', bad)).rejects.toThrow(
      /"auths" entry for r.example.com is malformed/,
    );
    await expect(findCredential('r.example.com', bad)).rejects.not.toThrow(/no-colon-here/);
    await expect(findCredential('r', dockerConfig([]))).rejects.toThrow(/not a JSON object/);
  });

  it('asks credential helpers, credHelpers before auths before credsStore', async () => {
    const env = withHelper(
      dockerConfig({
        credHelpers: { 'reg.example.com': 'fake' },
        auths: { 'reg.example.com': { auth: b64('a:b') } },
      }),
      'fake',
      'read server; [ "$1" = get ] || exit 3; printf \'{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\' "$server"',
    );
    expect(await findCredential('reg.example.com', env)).toEqual({
      credential: { kind: 'basic', username: 'helper-user', password: 'helper-secret' },
      from: 'docker-credential-fake',
    });
    const store = withHelper(
      dockerConfig({ credsStore: 'store' }),
      'store',
      'read server; printf \'{"Username":"<token>","Secret":"idtok"}\'',
    );
    expect((await findCredential('docker.io', store)).credential).toEqual({
      kind: 'identity',
      token: 'idtok',
    });
    const notFound = withHelper(
      dockerConfig({ credsStore: 'nf' }),
      'nf',
      'echo "credentials not found in native keychain"; exit 1',
    );
    expect(await findCredential('r.example.com', notFound)).toEqual({ from: 'anonymous' });
    const failing = withHelper(
      dockerConfig({ credsStore: 'bad' }),
      'bad',
      'echo "keychain locked" >&2; exit 2',
    );
    await expect(findCredential('r.example.com', failing)).rejects.toThrow(
      /docker-credential-bad failed for r.example.com: keychain locked/,
    );
    const garbage = withHelper(dockerConfig({ credsStore: 'junk' }), 'junk', 'echo "not json"');
    await expect(findCredential('r.example.com', garbage)).rejects.toThrow(/not JSON/);
    await expect(
      findCredential('r.example.com', dockerConfig({ credsStore: 'absent-helper' })),
    ).rejects.toThrow(/is not installed/);
    await expect(
      findCredential('r.example.com', dockerConfig({ credsStore: '../../bin/sh' })),
    ).rejects.toThrow(/not a helper name/);
  });
});
