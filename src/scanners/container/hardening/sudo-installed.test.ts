import { describe, expect, it } from 'vitest';
import { sudoInstalled } from './sudo-installed.js';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run } = imagesFor(sudoInstalled);
const INSTALL = '/bin/sh -c apt-get update && apt-get install -y sudo';

describe('container/sudo-installed', () => {
  it('reports sudo with the layer that installed it', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [{ createdBy: INSTALL, files: { 'usr/bin/sudo': { content: 'ELF', mode: 0o4755 } } }],
    });
    expect(results).toEqual([
      expect.objectContaining({
        ruleId: 'container/sudo-installed',
        location: 'usr/bin/sudo',
        layer: 1,
        createdBy: INSTALL,
      }),
    ]);
    expect(results[0]!.message).toContain('added by layer 1 (RUN apt-get update && apt-get install -y sudo)');
  });

  it('reports doas on Alpine', async () => {
    const results = await run({
      base: ALPINE,
      layers: [{ files: { 'usr/bin/doas': { content: 'ELF', mode: 0o4755 } } }],
    });
    expect(results.map((r) => r.location)).toEqual(['usr/bin/doas']);
  });

  it('passes the base images, which ship neither', async () => {
    for (const base of [DEBIAN, ALPINE, DISTROLESS]) expect(await run({ base })).toEqual([]);
  });
});
