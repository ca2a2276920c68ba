import { describe, expect, it } from 'vitest';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';
import { worldWritable } from './world-writable.js';

const { run } = imagesFor(worldWritable);
const CHMOD = '/bin/sh -c chmod -R 777 /app';

describe('container/world-writable', () => {
  it('reports a world-writable directory once, counting what is world-writable under it', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [
        {
          createdBy: CHMOD,
          files: {
            'app/': { dir: true, mode: 0o777 },
            'app/run.sh': { content: '#!/bin/sh', mode: 0o777 },
            'app/data/': { dir: true, mode: 0o777 },
            'app/data/state.db': { content: 'x', mode: 0o666 },
            'app/README': { content: 'x', mode: 0o644 },
          },
        },
      ],
    });
    expect(results).toEqual([
      {
        ruleId: 'container/world-writable',
        message:
          'app is a world-writable directory (mode 0777), and so are 3 entries under it, written by layer 1 (RUN chmod -R 777 /app): any user in the container can change it',
        location: 'app',
        key: 'app',
        layer: 1,
        createdBy: CHMOD,
      },
    ]);
  });

  it('reports a world-writable file inside a sticky directory', async () => {
    const results = await run({
      base: ALPINE,
      layers: [{ files: { 'tmp/cache.db': { content: 'x', mode: 0o666 } } }],
    });
    expect(results.map((r) => [r.location, r.message.split(',')[0]])).toEqual([
      ['tmp/cache.db', 'tmp/cache.db is a world-writable file (mode 0666)'],
    ]);
  });

  it('passes sticky /tmp, /var/tmp and /run/lock of the base images', async () => {
    for (const base of [ALPINE, DEBIAN, DISTROLESS]) expect(await run({ base })).toEqual([]);
  });

  it('passes symlinks and the runtime’s /proc, /sys and /dev', async () => {
    const files = {
      'usr/local/bin/app': { symlink: '/app/bin/app' },
      'proc/': { dir: true, mode: 0o555 },
      'dev/': { dir: true, mode: 0o755 },
      'dev/pts/': { dir: true, mode: 0o777 },
      'sys/fs/': { dir: true, mode: 0o777 },
    };
    expect(await run({ base: DEBIAN, layers: [{ files }] })).toEqual([]);
  });
});
