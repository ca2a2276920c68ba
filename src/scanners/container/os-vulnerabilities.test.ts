import { afterAll, describe, expect, it } from 'vitest';
import type { OsInfo, OsPackage } from './os-packages/index.js';
import { isMatchable, osVulnerabilityDrafts } from './os-vulnerabilities.js';
import { testVulnStore } from './testing/advisories.js';

const store = testVulnStore();
afterAll(() => store.close());

const debian = (release: string): OsInfo => ({
  known: true,
  id: 'debian',
  idLike: [],
  prettyName: `Debian ${release}`,
  family: 'deb',
  ecosystem: 'Debian',
  release,
  distroless: false,
  path: 'etc/os-release',
});

const deb = (name: string, version: string, sourceName = name, sourceVersion = version): OsPackage => ({
  ecosystem: 'Debian',
  name,
  version,
  sourceName,
  sourceVersion,
  arch: 'amd64',
  resolved: true,
  purl: `pkg:deb/debian/${name}@${version}?arch=amd64&distro=debian-12`,
  source: { path: 'var/lib/dpkg/status' },
  key: name,
});

describe('OS package vulnerabilities', () => {
  it('match the source package in the image’s release and name the binaries built from it', () => {
    const os = debian('12');
    if (!isMatchable(os)) throw new Error('unreachable');
    const pkgs = [
      deb('libssl3', '3.0.11-1~deb12u1', 'openssl'),
      deb('openssl', '3.0.11-1~deb12u1'),
      deb('base-files', '12.4'),
    ];
    const found = osVulnerabilityDrafts(os, pkgs, store);
    expect(found.map((f) => f.draft.vulnerability?.id)).toEqual(['DSA-5532-1']);
    const [{ draft, group }] = found as [(typeof found)[0]];
    expect(group.map((p) => p.name)).toEqual(['libssl3', 'openssl']);
    expect(draft.ruleId).toBe('container/vulnerable-os-package');
    expect(draft.message).toMatch(/^libssl3, openssl \(source openssl@3\.0\.11-1~deb12u1\) is affected/);
    expect(draft.properties).toMatchObject({ distribution: 'Debian:12', sourcePackage: 'openssl' });
    expect(draft.fingerprintContent).toBe('Debian:12|openssl@3.0.11-1~deb12u1|CVE-2023-5363');
  });

  it('ignore advisories of another release and fixed versions', () => {
    const os = debian('11');
    if (!isMatchable(os)) throw new Error('unreachable');
    const found = osVulnerabilityDrafts(os, [deb('libssl3', '100.0', 'openssl')], store);
    expect(found).toEqual([]);
    const bookworm = debian('12') as Parameters<typeof osVulnerabilityDrafts>[0];
    expect(osVulnerabilityDrafts(bookworm, [deb('libssl3', '3.0.11-1~deb12u2', 'openssl')], store)).toEqual(
      [],
    );
  });

  it('are not looked for without a release or an ecosystem', () => {
    const { release: _, ...testing } = debian('12');
    expect(isMatchable(testing)).toBe(false);
    const { ecosystem: __, ...fedora } = debian('12');
    expect(isMatchable(fedora)).toBe(false);
    expect(isMatchable({ known: false })).toBe(false);
  });
});
