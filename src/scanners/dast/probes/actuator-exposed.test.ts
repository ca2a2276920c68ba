import { describe, expect, it } from 'vitest';
import { actuatorExposed } from './actuator-exposed.js';
import { siteContext, text } from './testing/fake-site.js';

const json = (v: unknown) => text(JSON.stringify(v), 'application/vnd.spring-boot.actuator.v3+json');

describe('actuator-exposed', () => {
  it('confirms the index, env and heapdump by content', async () => {
    const hits = await actuatorExposed.run(
      await siteContext({
        '/actuator': json({ _links: { self: {}, env: {}, health: {} } }),
        '/actuator/env': json({
          activeProfiles: ['prod'],
          propertySources: [{ name: 'x', properties: { PASSWORD: { value: 'hunter2' } } }],
        }),
        '/actuator/heapdump': text(
          Buffer.concat([Buffer.from('JAVA PROFILE 1.0.2\0'), Buffer.alloc(32)]),
          'application/octet-stream',
        ),
      }),
    );
    expect(hits.map((h) => h.severity ?? 'rule')).toEqual(['medium', 'rule', 'critical']);
    expect(JSON.stringify(hits.map((h) => [h.message, h.evidence]))).not.toContain('hunter2');
  });

  it('does not report health-only links, health, soft-404s or HTML', async () => {
    const hits = await actuatorExposed.run(
      await siteContext({
        '/actuator': json({ _links: { self: {}, health: {}, 'health-path': {}, info: {} } }),
        '/actuator/health': json({ status: 'UP' }),
        '/actuator/env': text('<html>propertySources</html>', 'text/html'),
        '/heapdump': text('<!doctype html><p>JAVA PROFILE 1.0.2 explained</p>', 'text/html'),
      }),
    );
    expect(hits).toEqual([]);
  });
});
