import { afterAll, describe, expect, it } from 'vitest';
import { buildImage, type ImageSpec, tempDir } from './image/testing/build-image.js';
import { readImageInventory } from './read-image.js';
import { ENV_PASSWORD, HISTORY_TOKEN } from './testing/images.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SPEC: ImageSpec = {
  config: { User: '10001' },
  layers: [
    {
      createdBy: 'COPY . /app # buildkit',
      files: {
        'app/.env': `GITHUB_TOKEN=${HISTORY_TOKEN}\n`,
        'app/server.js': 'module.exports = {};\n',
        // A library's own test key and a package's example: not the image's secrets.
        'app/node_modules/lib/test/config.js': `const token = '${HISTORY_TOKEN}';\n`,
        'usr/share/doc/tool/example.conf': `token = ${HISTORY_TOKEN}\n`,
      },
    },
    {
      createdBy: 'RUN /bin/sh -c rm /app/.env # buildkit',
      files: {
        'app/.wh..env': '',
        'etc/app.conf': `[db]\nhost = db.internal\ndb_password = ${ENV_PASSWORD}\n`,
      },
    },
  ],
};

async function secretDrafts(spec: ImageSpec) {
  const { path } = await buildImage(spec, 'oci-tar', tmp.dir);
  const inv = await readImageInventory(path);
  return inv.secrets.drafts(inv.image, inv.filesystem.fs);
}

describe('secrets in image layers', () => {
  it('finds a secret in a file a later layer deleted, and one still in the image', async () => {
    const drafts = await secretDrafts(SPEC);
    const byPath = new Map(drafts.map((d) => [d.location.path, d]));
    expect([...byPath.keys()].sort()).toEqual(['app/.env', 'etc/app.conf']);
    const deleted = byPath.get('app/.env')!;
    expect(deleted.message).toContain('a later layer deleted the file, but layer 0 still holds it');
    expect(deleted.properties).toMatchObject({
      layer: 0,
      stillVisible: false,
      detector: 'github-pat-classic',
    });
    expect(deleted.location.startLine).toBe(1);
    const live = byPath.get('etc/app.conf')!;
    expect(live.properties).toMatchObject({ layer: 1, stillVisible: true });
    expect(live.location.startLine).toBe(3);
  });

  it('never carries a secret value unredacted', async () => {
    const text = JSON.stringify(await secretDrafts(SPEC));
    expect(text).not.toContain(HISTORY_TOKEN);
    expect(text).not.toContain(ENV_PASSWORD);
  });

  it('says nothing about an image without secrets, binary files or files of package trees', async () => {
    const clean: ImageSpec = {
      layers: [
        {
          files: {
            'app/server.js': 'const password = process.env.DB_PASSWORD;\n',
            'app/logo.png': Buffer.from(`\x89PNG\0${HISTORY_TOKEN}`),
            'app/data.bin': Buffer.concat([Buffer.from([0]), Buffer.from(HISTORY_TOKEN)]),
            'usr/lib/python3/dist-packages/x/tests/key.txt': HISTORY_TOKEN,
          },
        },
      ],
    };
    expect(await secretDrafts(clean)).toEqual([]);
  });
});
