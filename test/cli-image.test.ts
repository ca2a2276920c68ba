import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, buildParts } from '../src/scanners/container/image/testing/build-image.js';
import { pushImage } from '../src/scanners/container/registry/testing/push-image.js';
import {
  registryAvailable,
  startRegistry,
  type TestRegistry,
} from '../src/scanners/container/registry/testing/registry-server.js';
import { testVulnStore } from '../src/scanners/container/testing/advisories.js';
import {
  ALPINE_IMAGE,
  DEBIAN_IMAGE,
  ENV_PASSWORD,
  HISTORY_TOKEN,
} from '../src/scanners/container/testing/images.js';
import { gatehouse, gatehouseAsync } from './cli.js';

interface JsonFinding {
  ruleId: string;
  message: string;
  location: { path: string; snippet?: string };
  vulnerability?: { id: string };
  properties?: Record<string, string | number>;
}
interface JsonReport {
  findings: JsonFinding[];
  diagnostics: { level: string; code: string; message: string }[];
  scanners: { name: string; status: string }[];
}

let dir: string;
let debian: string;
let closedPort: number;
const env = () => ({ GATEHOUSE_CACHE_DIR: join(dir, 'cache') });
// The repository's own gatehouse.yml must not decide these gates: an empty policy does.
const run = (args: string[]) => gatehouse(args, { env: env() });
const scan = (args: string[]) => run([...args, '-c', join(dir, 'gatehouse.yml')]);
const noSecrets = (text: string) => {
  expect(text).not.toContain(ENV_PASSWORD);
  expect(text).not.toContain(HISTORY_TOKEN);
  expect(text).not.toContain(HISTORY_TOKEN.slice(4));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-image-'));
  for (const sub of ['cache', 'deb', 'alpine', 'corrupt']) mkdirSync(join(dir, sub));
  testVulnStore(join(dir, 'cache', 'vulndb.sqlite')).close();
  writeFileSync(join(dir, 'gatehouse.yml'), 'version: 1\n');
  debian = (await buildImage(DEBIAN_IMAGE, 'docker', join(dir, 'deb'))).path;
  closedPort = await new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gatehouse image', () => {
  it('reports OS and language package vulnerabilities with their layer, and hardening, as JSON', () => {
    const r = scan(['image', debian, '--format', 'json']);
    expect(r.code).toBe(1);
    noSecrets(r.stdout + r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    const byRule = (id: string) => report.findings.filter((f) => f.ruleId === id);
    const [os, ...moreOs] = byRule('container/vulnerable-os-package');
    expect(moreOs).toEqual([]);
    expect(os?.vulnerability?.id).toBe('DSA-5532-1');
    expect(os?.location.path).toBe('var/lib/dpkg/status');
    expect(os?.properties).toMatchObject({
      layer: 1,
      sourcePackage: 'openssl',
      binaryPackages: 'libssl3@3.0.11-1~deb12u1',
    });
    expect(String(os?.properties?.layerDigest)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(String(os?.properties?.createdBy)).toContain('apt-get install -y libssl3');
    const [lib] = byRule('container/vulnerable-library');
    expect(lib?.vulnerability?.id).toBe('GHSA-9wx4-h78v-vm56');
    expect(lib?.location.path).toBe(
      'usr/local/lib/python3.12/site-packages/requests-2.31.0.dist-info/METADATA',
    );
    expect(lib?.properties).toMatchObject({
      layer: 2,
      createdBy: 'RUN /bin/sh -c pip install requests==2.31.0 # buildkit',
    });
    expect(byRule('container/runs-as-root')).toHaveLength(1);
    expect(byRule('container/secret-in-env')).toHaveLength(1);
    expect(byRule('container/secret-in-history')).toHaveLength(1);
  });

  it('runs as `scan --image` and writes valid SARIF without the secrets', () => {
    const out = join(dir, 'report.sarif');
    const r = scan(['scan', '--image', debian, '--format', 'sarif', '--output', out]);
    expect(r.code).toBe(1);
    const text = readFileSync(out, 'utf8');
    noSecrets(text);
    const sarif = JSON.parse(text) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((x) => x.ruleId)).toContain('container/vulnerable-os-package');
  });

  it('matches an Alpine image’s packages through their origin package', async () => {
    const alpine = (await buildImage(ALPINE_IMAGE, 'oci-tar', join(dir, 'alpine'))).path;
    const r = scan(['image', alpine, '--format', 'json']);
    expect(r.code).toBe(0);
    const [finding] = (JSON.parse(r.stdout) as JsonReport).findings.filter(
      (f) => f.ruleId === 'container/vulnerable-os-package',
    );
    expect(finding?.vulnerability?.id).toBe('ALPINE-CVE-2023-42366');
    expect(finding?.message).toContain('busybox, busybox-binsh (source busybox@1.36.1-r15)');
  });

  it('reports a layer whose digest is wrong and scans the rest', async () => {
    const corrupt = await buildImage(DEBIAN_IMAGE, 'oci-dir', join(dir, 'corrupt'), (files, built) => {
      const blob = [...files.keys()].find((k) => k.endsWith(built[0]!.layers[2]!.digest.slice(7)))!;
      files.set(blob, Buffer.from('not a layer at all'));
    });
    const r = scan(['image', corrupt.path, '--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.diagnostics.some((d) => d.level === 'error' && /layer/.test(d.message))).toBe(true);
    expect(report.scanners[0]?.status).toBe('partial');
    expect(report.findings.map((f) => f.ruleId)).toContain('container/vulnerable-os-package');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('container/vulnerable-library');
  });

  it('exits 2 naming a path that does not exist or a reference that is malformed', () => {
    const missing = run(['image', join(dir, 'nope.tar')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.tar: no such file or folder');
    const bad = run(['image', 'Registry.example.com/Team/App:1.4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an image reference');
    const unreachable = run(['image', `127.0.0.1:${closedPort}/team/app:1.4`]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain(`cannot reach registry 127.0.0.1:${closedPort}: ECONNREFUSED`);
  });
});

describe.runIf(registryAvailable())(
  'gatehouse image REFERENCE (a registry on loopback, with basic auth)',
  () => {
    let reg: TestRegistry;
    let tmp: string;
    let ref: string;
    const withCreds = () => ({
      ...env(),
      TMPDIR: tmp,
      DOCKER_CONFIG: join(dir, 'no-docker-config'),
      GATEHOUSE_REGISTRY_USERNAME: reg.username,
      GATEHOUSE_REGISTRY_PASSWORD: reg.password,
    });
    beforeAll(async () => {
      reg = await startRegistry('basic');
      tmp = mkdtempSync(join(dir, 'tmp-'));
      ref = `${reg.host}/shop/api:1.4`;
      const credential = { kind: 'basic' as const, username: reg.username, password: reg.password };
      await pushImage(reg.host, 'shop/api', '1.4', [await buildParts(DEBIAN_IMAGE)], {
        credential,
        from: 'test',
      });
    }, 30_000);
    afterAll(() => reg?.stop());
    const pullDirs = () => readdirSync(tmp).filter((n) => n.startsWith('gatehouse-pull-'));

    it('pulls, scans with the same findings as the saved image, and leaves no temporary files', async () => {
      const r = await gatehouseAsync(['image', ref, '--format', 'json', '-c', join(dir, 'gatehouse.yml')], {
        env: withCreds(),
      });
      expect(r.stderr).not.toContain(reg.password);
      expect(r.code).toBe(1);
      noSecrets(r.stdout + r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      const saved = JSON.parse(scan(['image', debian, '--format', 'json']).stdout) as JsonReport;
      const ids = (rep: JsonReport) =>
        rep.findings.map((f) => `${f.ruleId} ${f.vulnerability?.id ?? ''} ${f.location.path}`).sort();
      expect(ids(report)).toEqual(ids(saved));
      expect(report.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      expect(pullDirs()).toEqual([]);
    });

    it('lists the pulled image in an SBOM named by its reference', async () => {
      const r = await gatehouseAsync(['sbom', '--image', ref], { env: withCreds() });
      expect(r.code).toBe(0);
      const bom = JSON.parse(r.stdout) as {
        metadata: { component: { name: string } };
        components: { purl?: string }[];
      };
      expect(bom.metadata.component.name).toBe(ref);
      expect(bom.components.map((c) => c.purl)).toContain('pkg:pypi/requests@2.31.0');
    });

    it('exits 2 without credentials, saying how to give them', async () => {
      const r = await gatehouseAsync(['image', ref], {
        env: {
          ...withCreds(),
          GATEHOUSE_REGISTRY_USERNAME: undefined,
          GATEHOUSE_REGISTRY_PASSWORD: undefined,
        },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/anonymously: authentication failed/);
      expect(r.stderr).toContain('GATEHOUSE_REGISTRY_USERNAME');
      expect(pullDirs()).toEqual([]);
    });
  },
);

describe('gatehouse sbom --image', () => {
  it('lists the OS and language packages of the image as CycloneDX', () => {
    const r = run(['sbom', '--image', debian]);
    expect(r.code).toBe(0);
    const bom = JSON.parse(r.stdout) as {
      specVersion: string;
      metadata: { component: { name: string } };
      components: { purl?: string }[];
    };
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component.name).toBe('shop/api:1.4');
    const purls = bom.components.map((c) => c.purl ?? '');
    expect(purls.some((p) => p.startsWith('pkg:deb/debian/libssl3@3.0.11-1~deb12u1'))).toBe(true);
    expect(purls.some((p) => p.startsWith('pkg:deb/debian/base-files@'))).toBe(true);
    expect(purls).toContain('pkg:pypi/requests@2.31.0');
  });
});
