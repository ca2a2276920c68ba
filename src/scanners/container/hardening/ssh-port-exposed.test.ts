import { describe, expect, it } from 'vitest';
import { sshPortExposed } from './ssh-port-exposed.js';
import { DEBIAN, imagesFor } from './testing/images.js';

const { run } = imagesFor(sshPortExposed);
const ports = (...specs: string[]) => Object.fromEntries(specs.map((s) => [s, {}]));

describe('container/ssh-port-exposed', () => {
  it('reports TCP port 22, naming the EXPOSE step (classic builder)', async () => {
    const results = await run({
      base: DEBIAN,
      config: { ExposedPorts: ports('22/tcp', '8080/tcp') },
      steps: ['/bin/sh -c #(nop)  EXPOSE 22 8080'],
    });
    expect(results).toEqual([
      expect.objectContaining({
        ruleId: 'container/ssh-port-exposed',
        location: 'config:ExposedPorts:22/tcp',
        message: 'the image exposes 22/tcp (set by EXPOSE 22 8080): it is meant to run an SSH server',
      }),
    ]);
  });

  it('passes other ports and UDP 22', async () => {
    expect(
      await run({ base: DEBIAN, config: { ExposedPorts: ports('2222/tcp', '8080/tcp', '22/udp') } }),
    ).toEqual([]);
    expect(await run({ base: DEBIAN })).toEqual([]);
  });
});
