import { describe, expect, it } from 'vitest';
import type { OsInfo, OsPackage } from './os-packages/index.js';
import { distributionPackages } from './third-party.js';

const pkg = (name: string, vendor?: string): OsPackage =>
  ({
    ecosystem: 'Rocky Linux',
    name,
    version: '1.0-1.el9',
    sourceName: name,
    sourceVersion: '1.0-1.el9',
    arch: 'x86_64',
    resolved: true,
    key: name,
    source: { path: 'var/lib/rpm/rpmdb.sqlite' },
    ...(vendor ? { vendor } : {}),
  }) as OsPackage;

const os = (id: string) => ({ known: true, id, idLike: [] }) as unknown as OsInfo;

describe('distributionPackages', () => {
  it("keeps the distribution's own and unlabelled packages, and names the others", () => {
    const packages = [
      pkg('openssl', 'Rocky Enterprise Software Foundation'),
      pkg('gpg-pubkey'),
      pkg('docker-ce', 'Docker'),
      pkg('containerd.io', 'Docker'),
      pkg('nodejs', 'NodeSource'),
    ];
    const { covered, diagnostics } = distributionPackages(os('rocky'), packages);
    expect(covered.map((p) => p.name)).toEqual(['openssl', 'gpg-pubkey']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      `2 package(s) from vendor "Docker" (docker-ce, containerd.io) are not rocky's own: not matched against its advisories`,
      `1 package(s) from vendor "NodeSource" (nodejs) are not rocky's own: not matched against its advisories`,
    ]);
    expect(diagnostics[0]).toMatchObject({ level: 'info', code: 'third-party-packages' });
  });

  it('matches each distribution by its own vendor string', () => {
    expect(distributionPackages(os('rhel'), [pkg('bash', 'Red Hat, Inc.')]).covered).toHaveLength(1);
    expect(distributionPackages(os('almalinux'), [pkg('bash', 'AlmaLinux')]).covered).toHaveLength(1);
    expect(distributionPackages(os('almalinux'), [pkg('bash', 'Red Hat, Inc.')]).covered).toHaveLength(0);
    expect(distributionPackages(os('amzn'), [pkg('bash', 'Amazon Linux')]).covered).toHaveLength(1);
  });

  it('leaves distributions without vendors alone', () => {
    expect(distributionPackages(os('debian'), [pkg('bash', 'Someone')]).covered).toHaveLength(1);
  });
});
