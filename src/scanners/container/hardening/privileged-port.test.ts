import { describe, expect, it } from 'vitest';
import { privilegedPort } from './privileged-port.js';
import { DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run } = imagesFor(privilegedPort);
const ports = (...specs: string[]) => Object.fromEntries(specs.map((s) => [s, {}]));

describe('container/privileged-port', () => {
  it('reports a port below 1024 on a non-root image, naming the EXPOSE step', async () => {
    const results = await run({
      base: DISTROLESS,
      config: { User: '65532', ExposedPorts: ports('80/tcp', '8080/tcp') },
      steps: ['EXPOSE map[80/tcp:{} 8080/tcp:{}]', 'EXPOSE 80 8080'],
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      ruleId: 'container/privileged-port',
      location: 'config:ExposedPorts:80/tcp',
      createdBy: 'EXPOSE 80 8080',
    });
    expect(results[0]!.message).toContain(
      'port 80/tcp (set by EXPOSE 80 8080) is below 1024 but the image runs as 65532',
    );
  });

  it('reports UDP ports too', async () => {
    const results = await run({
      base: DISTROLESS,
      config: { User: 'nonroot', ExposedPorts: ports('53/udp') },
    });
    expect(results.map((r) => r.location)).toEqual(['config:ExposedPorts:53/udp']);
  });

  it('passes high ports, root images (container/runs-as-root reports them) and port 22 (container/ssh-port-exposed)', async () => {
    expect(
      await run({ base: DISTROLESS, config: { User: '65532', ExposedPorts: ports('8080/tcp') } }),
    ).toEqual([]);
    expect(await run({ base: DEBIAN, config: { ExposedPorts: ports('80/tcp') } })).toEqual([]);
    expect(await run({ base: DEBIAN, config: { User: '1000', ExposedPorts: ports('22/tcp') } })).toEqual([]);
  });
});
