import { describe, expect, it } from 'vitest';
import { sshServer } from './ssh-server.js';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run } = imagesFor(sshServer);
const ELF = { content: 'ELF', mode: 0o755 };
const INSTALL = 'RUN /bin/sh -c apt-get update && apt-get install -y openssh-server # buildkit';

describe('container/ssh-server', () => {
  it('reports sshd with the layer that installed it', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [{ createdBy: INSTALL, files: { 'usr/sbin/sshd': ELF } }],
    });
    expect(results).toEqual([
      expect.objectContaining({
        ruleId: 'container/ssh-server',
        location: 'usr/sbin/sshd',
        layer: 1,
        createdBy: INSTALL,
      }),
    ]);
    expect(results[0]!.message).toBe(
      'usr/sbin/sshd is an SSH server (added by layer 1 (RUN apt-get update && apt-get install -y openssh-server)): a network service and a way in that bypasses the orchestrator',
    );
  });

  it('reports Dropbear on Alpine', async () => {
    const results = await run({ base: ALPINE, layers: [{ files: { 'usr/sbin/dropbear': ELF } }] });
    expect(results.map((r) => r.location)).toEqual(['usr/sbin/dropbear']);
  });

  it('reports the package when the database lists openssh-server but sshd is not on the PATH', async () => {
    const status =
      'Package: openssh-server\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:9.2p1-2+deb12u3\n\n';
    const results = await run({
      base: DEBIAN,
      layers: [{ createdBy: INSTALL, files: { 'var/lib/dpkg/status': status } }],
    });
    expect(results).toEqual([
      expect.objectContaining({ location: 'var/lib/dpkg/status', key: 'package:openssh-server', layer: 1 }),
    ]);
    expect(results[0]!.message).toContain('lists package openssh-server 1:9.2p1-2+deb12u3 as installed');
  });

  it('passes the SSH client and the base images', async () => {
    expect(
      await run({ base: DEBIAN, layers: [{ files: { 'usr/bin/ssh': ELF, 'usr/bin/ssh-keygen': ELF } }] }),
    ).toEqual([]);
    for (const base of [DEBIAN, ALPINE, DISTROLESS]) expect(await run({ base })).toEqual([]);
  });
});
