import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ecosystem, Package } from '../../../core/package.js';
import { assessRisk, type RiskOptions, toFindingDraft } from './index.js';
import { startTestRegistry, type TestRegistry } from './registry/test-server.js';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/sca/risk/registry');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
const NOW = new Date('2026-11-29T00:00:00Z');
const PURL_TYPES: Partial<Record<Ecosystem, string>> = {
  npm: 'npm',
  PyPI: 'pypi',
  'crates.io': 'cargo',
  Go: 'golang',
};

function pkg(ecosystem: Ecosystem, name: string, version = '1.0.0', extra: Partial<Package> = {}): Package {
  return {
    ecosystem,
    name,
    version,
    resolved: version !== '',
    purl: `pkg:${PURL_TYPES[ecosystem]}/${name.replace('@', '%40')}${version ? `@${version}` : ''}`,
    direct: true,
    source: { path: 'app/lockfile', line: 7 },
    key: `${name}@${version}`,
    ...extra,
  };
}

describe('typosquat check (offline)', () => {
  const offline: RiskOptions = { online: false, newerThanDays: 7 };

  it('reports a direct look-alike with its evidence and a versionless fingerprint', async () => {
    const { findings } = await assessRisk([pkg('npm', 'loadsh', '1.0.1')], offline);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.ruleId).toBe('sca/typosquat');
    expect(findings[0]!.message).toMatch(
      /^`loadsh` is one edit away from the popular npm package `lodash` \(\d+M downloads\/month\): letters `da` swapped\.$/,
    );
    expect(findings[0]!.fingerprintContent).toBe('pkg:npm/loadsh sca/typosquat');
  });

  it('names the PyPI rank when the list has no download counts', async () => {
    const { findings } = await assessRisk([pkg('PyPI', 'python3-dateutil', '2.8.0')], offline);
    expect(findings[0]!.message).toMatch(
      /`python-dateutil` \(#\d+ by downloads on PyPI\): a different prefix or suffix\.$/,
    );
  });

  it('leaves transitive dependencies to their dependents unless asked', async () => {
    const transitive = [pkg('npm', 'loadsh', '1.0.1', { direct: false })];
    expect((await assessRisk(transitive, offline)).findings).toEqual([]);
    expect((await assessRisk(transitive, { ...offline, typosquatTransitive: true })).findings).toHaveLength(
      1,
    );
    expect(
      (await assessRisk([pkg('npm', 'loadsh', '1.0.1', { direct: undefined })], offline)).findings,
    ).toHaveLength(1);
  });

  it('reports a package once per file, skips popular names, and can be turned off', async () => {
    const packages = [
      pkg('npm', 'crossenv'),
      pkg('npm', 'crossenv', '2.0.0'),
      pkg('npm', 'cross-env'),
      pkg('npm', 'react'),
    ];
    expect((await assessRisk(packages, offline)).findings.map((f) => f.package.name)).toEqual(['crossenv']);
    expect((await assessRisk(packages, { ...offline, typosquat: false })).findings).toEqual([]);
  });

  it('says which ecosystems have no list', async () => {
    const { diagnostics } = await assessRisk([pkg('Go', 'github.com/sirupsen/logrus', 'v1.9.0')], offline);
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'typosquat-unavailable' })]);
  });

  it('reports an unreadable list as a diagnostic, not a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatehouse-popular-'));
    // A directory where the list file should be: reading it fails with EISDIR.
    await (await import('node:fs/promises')).mkdir(join(dir, 'npm.txt'));
    const { findings, diagnostics } = await assessRisk([pkg('npm', 'loadsh')], {
      ...offline,
      popularDir: dir,
    });
    expect(findings).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ level: 'error', code: 'popular-list-unreadable' });
    await rm(dir, { recursive: true });
  });

  it('turns a finding into the scanner draft located at the lockfile entry', async () => {
    const { findings } = await assessRisk([pkg('npm', 'loadsh', '1.0.1')], offline);
    expect(toFindingDraft(findings[0]!)).toMatchObject({
      ruleId: 'sca/typosquat',
      location: { path: 'app/lockfile', startLine: 7 },
      fingerprintContent: 'pkg:npm/loadsh sca/typosquat',
      properties: { ecosystem: 'npm', package: 'loadsh', version: '1.0.1' },
    });
  });
});

describe('registry checks (online, against a registry on 127.0.0.1)', () => {
  let server: TestRegistry;
  let cacheDir: string;
  const abbreviated = (doc: unknown) => (req: { headers: { accept?: string } }) =>
    req.headers.accept?.includes('install-v1') ? { json: doc } : undefined;

  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'gatehouse-risk-'));
    const full = (name: string, short: unknown) => (req: { headers: { accept?: string } }) =>
      abbreviated(short)(req) ?? { json: fixture(name) };
    server = await startTestRegistry({
      '/lodash': { json: fixture('npm-lodash.abbreviated.json') },
      '/core-js': {
        json: { modified: '2025-01-01T00:00:00Z', versions: { '3.0.0': { hasInstallScript: true } } },
      },
      '/left-padder': full('npm-left-padder.full.json', {
        modified: '2026-11-27T08:00:00Z',
        versions: { '1.0.0': {} },
      }),
      '/native-thing': full('npm-native-thing.full.json', {
        modified: '2026-11-28T09:30:00Z',
        versions: { '2.1.0': { hasInstallScript: true } },
      }),
      '/evil-pkg': {
        json: { 'dist-tags': { latest: '0.0.1-security' }, versions: { '0.0.1-security': {} } },
      },
      '/slow-pkg': { delayMs: 3000, json: {} },
      '/broken-pkg': { status: 500, text: 'oops' },
      '/garbage-pkg': { text: '<html>' },
      '/pypi/requests/json': { json: fixture('pypi-requests.json') },
      '/api/v1/crates/serde': { json: fixture('crates-serde.json') },
    });
  });

  afterAll(async () => {
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  const options = (extra: Partial<RiskOptions> = {}): RiskOptions => ({
    online: true,
    typosquat: false,
    newerThanDays: 7,
    registries: { npm: server.url, pypi: `${server.url}/pypi`, crates: `${server.url}/api/v1/crates` },
    cacheDir,
    timeoutMs: 300,
    now: NOW,
    ...extra,
  });

  const packages = () => [
    pkg('npm', 'lodash', '4.17.21'),
    pkg('npm', 'core-js', '3.0.0'),
    pkg('npm', 'hallucinated-helper-lib', '1.0.0'),
    pkg('npm', 'left-padder', '1.0.0'),
    pkg('npm', 'native-thing', '2.1.0'),
    pkg('npm', 'evil-pkg', '0.0.1-security'),
    pkg('npm', 'slow-pkg'),
    pkg('npm', 'broken-pkg'),
    pkg('npm', 'garbage-pkg'),
    pkg('PyPI', 'requests', '2.33.0'),
    pkg('PyPI', 'requests', '2.32.3'),
    pkg('PyPI', 'no-such-project', ''),
    pkg('crates.io', 'serde', '1.0.200'),
    pkg('Go', 'github.com/sirupsen/logrus', 'v1.9.0'),
  ];

  it('reports missing, taken-down, new and script-running packages, and nothing else', async () => {
    const { findings } = await assessRisk(packages(), options());
    const seen = findings.map(
      (f) => `${f.ruleId} ${f.package.name}@${f.package.version}${f.severity ? ` ${f.severity}` : ''}`,
    );
    expect(seen.sort()).toEqual([
      'sca/install-scripts native-thing@2.1.0',
      'sca/package-not-found evil-pkg@0.0.1-security critical',
      'sca/package-not-found hallucinated-helper-lib@1.0.0',
      'sca/package-not-found no-such-project@',
      'sca/package-too-new left-padder@1.0.0',
      'sca/package-too-new native-thing@2.1.0',
      'sca/package-too-new requests@2.33.0',
    ]);
    const message = (rule: string, name: string) =>
      findings.find((f) => f.ruleId === rule && f.package.name === name)!.message;
    expect(message('sca/package-too-new', 'left-padder')).toMatch(
      /^`left-padder` first appeared on npm yesterday \(2026-11-27T08:00:00.000Z\), less than the 7 days/,
    );
    expect(message('sca/package-too-new', 'native-thing')).toMatch(
      /^`native-thing@2.1.0` was published today/,
    );
    expect(message('sca/install-scripts', 'native-thing')).toContain(
      'runs `preinstall`, `postinstall` when installed',
    );
  });

  it('turns registry failures into one diagnostic per registry, never into findings', async () => {
    const { findings, diagnostics } = await assessRisk(packages(), options({ cacheDir: undefined }));
    expect(findings.some((f) => /slow|broken|garbage/.test(f.package.name))).toBe(false);
    const failure = diagnostics.find((d) => d.code === 'registry-unavailable')!;
    expect(failure.level).toBe('warning');
    expect(failure.message).toMatch(
      /^3 of 9 npm registry look-ups failed, so those packages were not checked/,
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'registry-checks-unavailable',
        message: expect.stringContaining('Go'),
      }),
    );
  });

  it('answers a second scan from the cache, until the answers expire', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'gatehouse-risk-'));
    const hits = () => [...server.hits.values()].reduce((a, b) => a + b, 0);
    await assessRisk(
      [pkg('npm', 'lodash', '4.17.21'), pkg('PyPI', 'requests', '2.32.3')],
      options({ cacheDir: fresh }),
    );
    const before = hits();
    await assessRisk(
      [pkg('npm', 'lodash', '4.17.21'), pkg('PyPI', 'requests', '2.32.3')],
      options({ cacheDir: fresh }),
    );
    expect(hits()).toBe(before);
    const later = new Date(NOW.getTime() + 25 * 60 * 60 * 1000);
    await assessRisk([pkg('npm', 'lodash', '4.17.21')], options({ cacheDir: fresh, now: later }));
    expect(hits()).toBe(before + 1);
    await rm(fresh, { recursive: true, force: true });
  });

  it('does not look anything up once the scan is cancelled', async () => {
    const before = [...server.hits.values()].reduce((a, b) => a + b, 0);
    const { findings } = await assessRisk(packages(), options({ signal: AbortSignal.abort() }));
    expect(findings).toEqual([]);
    expect([...server.hits.values()].reduce((a, b) => a + b, 0)).toBe(before);
  });
});
