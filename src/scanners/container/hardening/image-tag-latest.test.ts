import { describe, expect, it } from 'vitest';
import { imageTagLatest } from './image-tag-latest.js';
import { DEBIAN, imagesFor } from './testing/images.js';

const { run, input } = imagesFor(imageTagLatest);

describe('container/image-tag-latest', () => {
  it('reports an image saved only as latest', async () => {
    expect(await run({ base: DEBIAN, repoTags: ['registry.example.com/app:latest'] })).toEqual([
      {
        ruleId: 'container/image-tag-latest',
        message:
          'the image is named only registry.example.com/app:latest: a deployment by that name runs whatever was pushed last',
        location: 'image:names',
        key: 'image:names',
      },
    ]);
  });

  it('reads a bare OCI ref.name as a tag', async () => {
    const image = await input({ base: DEBIAN });
    expect(imageTagLatest.check({ ...image, names: ['latest'] })).toHaveLength(1);
    expect(imageTagLatest.check({ ...image, names: ['1.4.2'] })).toEqual([]);
  });

  it('passes a version tag, a version tag beside latest, a digest, and an unnamed image', async () => {
    expect(await run({ base: DEBIAN, repoTags: ['app:1.4.2'] })).toEqual([]);
    const image = await input({ base: DEBIAN });
    expect(imageTagLatest.check({ ...image, names: ['app:latest', 'app:1.4.2'] })).toEqual([]);
    expect(imageTagLatest.check({ ...image, names: [`app@sha256:${'b'.repeat(64)}`] })).toEqual([]);
    expect(imageTagLatest.check({ ...image, names: [] })).toEqual([]);
  });
});
