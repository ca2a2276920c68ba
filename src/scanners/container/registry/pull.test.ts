import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltImage, buildParts, type ImageSpec } from '../image/testing/build-image.js';
import { readImageInventory } from '../read-image.js';
import { ENV_PASSWORD } from '../testing/images.js';
import { pullImage } from './pull.js';
import { pushImage } from './testing/push-image.js';
import {
  REGISTRY_BINARY,
  registryAvailable,
  startRegistry,
  type TestRegistry,
} from './testing/registry-server.js';

/** CI installs the registry; a developer machine without it skips, and says so. */
const available = registryAvailable();
if (!available && process.env.CI === 'true')
  throw new Error(`${REGISTRY_BINARY} is missing: .ci/run installs it`);
if (!available)
  console.warn(`pull.test: ${REGISTRY_BINARY} is not installed (apt-get install docker-registry); skipped`);

const spec = (arch: string, version: string): ImageSpec => ({
  platform: { os: 'linux', architecture: arch },
  config: { Env: [`DB_PASSWORD=${ENV_PASSWORD}`] },
  layers: [
    {
      createdBy: 'ADD rootfs.tar /',
      files: {
        'etc/os-release': 'ID=alpine\nVERSION_ID=3.19.1\n',
        'lib/apk/db/installed': `P:musl\nV:${version}\nA:${arch === 'amd64' ? 'x86_64' : 'aarch64'}\no:musl\n\n`,
      },
    },
    { createdBy: 'COPY app /app', compression: 'zstd', files: { 'app/main.js': 'console.log(1)\n' } },
  ],
});

let work: string;
const temps = () => readdirSync(work).filter((n) => n.startsWith('gatehouse-pull-'));
let amd64: BuiltImage;
let arm64: BuiltImage;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gh-pull-'));
  amd64 = await buildParts(spec('amd64', '1.2.4-r2'));
  arm64 = await buildParts(spec('arm64', '1.2.4-r3'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function packages(ref: string, env: Record<string, string | undefined>, platform?: string) {
  const pulled = await pullImage(ref, { env, tempRoot: work, ...(platform ? { platform } : {}) });
  try {
    const inv = await readImageInventory(pulled.layout, {
      ...(platform ? { platform } : {}),
      pulled: { reference: pulled.reference, diagnostics: pulled.diagnostics },
    });
    return { pulled, inv };
  } finally {
    await pulled.remove();
  }
}

const noCreds = { DOCKER_CONFIG: '/nonexistent-gatehouse-docker-config' };

describe.runIf(available)('pull from a real registry on loopback', () => {
  describe('anonymous', () => {
    let reg: TestRegistry;
    beforeAll(async () => {
      reg = await startRegistry('none');
      await pushImage(reg.host, 'team/app', '1.0', [amd64]);
      await pushImage(reg.host, 'team/multi', '2', [amd64, arm64]);
    }, 30_000);
    afterAll(() => reg?.stop());

    it('pulls by tag into a temporary layout, read like a local one, then removed', async () => {
      const { pulled, inv } = await packages(`${reg.host}/team/app:1.0`, noCreds);
      expect(pulled.reference).toBe(`${reg.host}/team/app:1.0`);
      expect(pulled.digest).toBe(amd64.manifestDigest);
      expect(inv.image.source).toEqual({
        kind: 'registry',
        path: `${reg.host}/team/app:1.0`,
        archive: false,
      });
      expect(inv.image.repoTags).toEqual([`${reg.host}/team/app:1.0`]);
      expect(inv.os).toMatchObject({ id: 'alpine' });
      expect(inv.osPackages.map((p) => `${p.name}@${p.version}`)).toEqual(['musl@1.2.4-r2']);
      expect(inv.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      expect(inv.image.layers.map((l) => l.createdBy)).toEqual(['ADD rootfs.tar /', 'COPY app /app']);
      expect(existsSync(pulled.layout)).toBe(false);
      expect(temps()).toEqual([]);
    });

    it('pulls by digest, and picks the platform from an index', async () => {
      const byDigest = await packages(`${reg.host}/team/app@${amd64.manifestDigest}`, noCreds);
      expect(byDigest.inv.osPackages[0]?.version).toBe('1.2.4-r2');
      const multi = await packages(`${reg.host}/team/multi:2`, noCreds);
      expect(multi.inv.image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
      const arm = await packages(`${reg.host}/team/multi:2`, noCreds, 'linux/arm64');
      expect(arm.inv.osPackages[0]?.version).toBe('1.2.4-r3');
      expect(arm.inv.image.platform).toEqual({ os: 'linux', architecture: 'arm64' });
      await expect(
        pullImage(`${reg.host}/team/multi:2`, { env: noCreds, tempRoot: work, platform: 'linux/s390x' }),
      ).rejects.toThrow(/no image for platform linux\/s390x; it has linux\/amd64, linux\/arm64/);
      expect(temps()).toEqual([]);
    });

    it('says plainly when the tag or repository is not there, and leaves nothing behind', async () => {
      await expect(pullImage(`${reg.host}/team/app:9.9`, { env: noCreds, tempRoot: work })).rejects.toThrow(
        /team\/app manifest 9.9: not found \(MANIFEST_UNKNOWN/,
      );
      await expect(pullImage(`${reg.host}/team/nothing:1`, { env: noCreds, tempRoot: work })).rejects.toThrow(
        /team\/nothing manifest 1: not found/,
      );
      expect(temps()).toEqual([]);
    });
  });

  describe('with basic auth (htpasswd)', () => {
    let reg: TestRegistry;
    let creds: Record<string, string>;
    beforeAll(async () => {
      reg = await startRegistry('basic');
      creds = {
        ...noCreds,
        GATEHOUSE_REGISTRY_USERNAME: reg.username,
        GATEHOUSE_REGISTRY_PASSWORD: reg.password,
      };
      await pushImage(reg.host, 'private/app', '1', [amd64], {
        credential: { kind: 'basic', username: reg.username, password: reg.password },
        from: 'test',
      });
    }, 30_000);
    afterAll(() => reg?.stop());

    it('pulls with credentials from the environment or the Docker config', async () => {
      expect((await packages(`${reg.host}/private/app:1`, creds)).inv.osPackages).toHaveLength(1);
      const dir = mkdtempSync(join(work, 'docker-'));
      const auth = Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ auths: { [`http://${reg.host}`]: { auth } } }),
      );
      expect(
        (await packages(`${reg.host}/private/app:1`, { DOCKER_CONFIG: dir })).inv.osPackages,
      ).toHaveLength(1);
    });

    it('refuses anonymous and wrong credentials with a message that never holds the password', async () => {
      const anon = pullImage(`${reg.host}/private/app:1`, { env: noCreds, tempRoot: work });
      await expect(anon).rejects.toThrow(
        /pulling private\/app from 127\.0\.0\.1:\d+ anonymously: authentication failed/,
      );
      const wrong = { ...creds, GATEHOUSE_REGISTRY_PASSWORD: 'Wr0ng-Secret-Value-42' };
      const err = await pullImage(`${reg.host}/private/app:1`, { env: wrong, tempRoot: work }).catch(
        (e: Error) => e,
      );
      expect(String(err)).toMatch(
        /with the credentials from GATEHOUSE_REGISTRY_USERNAME\/PASSWORD: authentication failed/,
      );
      expect(`${String(err)} ${(err as { hint?: string }).hint}`).not.toContain('Wr0ng-Secret-Value-42');
      expect(temps()).toEqual([]);
    });
  });

  describe('with token auth (a token service signing JWTs the registry verifies)', () => {
    let reg: TestRegistry;
    beforeAll(async () => {
      reg = await startRegistry('token');
      await pushImage(reg.host, 'tok/app', 'v1', [amd64], {
        credential: { kind: 'basic', username: reg.username, password: reg.password },
        from: 'test',
      });
    }, 30_000);
    afterAll(() => reg?.stop());

    it('trades basic credentials for a bearer token scoped to pull', async () => {
      const env = {
        ...noCreds,
        GATEHOUSE_REGISTRY_USERNAME: reg.username,
        GATEHOUSE_REGISTRY_PASSWORD: reg.password,
      };
      const { inv } = await packages(`${reg.host}/tok/app:v1`, env);
      expect(inv.osPackages).toHaveLength(1);
      expect(inv.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    });

    it('is denied anonymously: the token service grants nothing', async () => {
      await expect(pullImage(`${reg.host}/tok/app:v1`, { env: noCreds, tempRoot: work })).rejects.toThrow(
        /anonymously: authentication failed/,
      );
    });
  });
});
