import { describe, expect, it } from 'vitest';
import { baseImageLatest } from './base-image-latest.js';
import { DEBIAN, imagesFor } from './testing/images.js';

const { run } = imagesFor(baseImageLatest);
const BASE = 'org.opencontainers.image.base.name';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const labelled = (name: string, extra: Record<string, string> = {}) => ({
  base: DEBIAN,
  config: { Labels: { [BASE]: name, ...extra } },
});

describe('container/base-image-latest', () => {
  it('reports a base named with the latest tag', async () => {
    expect(await run(labelled('docker.io/library/debian:latest'))).toEqual([
      {
        ruleId: 'container/base-image-latest',
        message: `label ${BASE} says the image was built FROM docker.io/library/debian:latest, which floats on latest.`,
        location: `config:Labels:${BASE}`,
        key: `config:Labels:${BASE}`,
      },
    ]);
  });

  it('reports a base without a tag, with the digest the build resolved and the LABEL step', async () => {
    const [result] = await run({
      ...labelled('registry.local:5000/base', { 'org.opencontainers.image.base.digest': DIGEST }),
      steps: [`LABEL ${BASE}=registry.local:5000/base`],
    });
    expect(result!.message).toBe(
      `label ${BASE} (set by LABEL ${BASE}=registry.local:5000/base) says the image was built FROM registry.local:5000/base, which floats on latest. The build resolved it to ${DIGEST}; the next one takes whatever latest is then.`,
    );
  });

  it('passes a versioned or digest-pinned base, and images without the label', async () => {
    expect(await run(labelled('docker.io/library/debian:12.6-slim'))).toEqual([]);
    expect(await run(labelled(`docker.io/library/debian:latest@${DIGEST}`))).toEqual([]);
    expect(await run(labelled(`registry.local:5000/base@${DIGEST}`))).toEqual([]);
    expect(await run({ base: DEBIAN })).toEqual([]);
  });
});
