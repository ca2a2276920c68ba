import { describe, expect, it } from 'vitest';
import { healthcheckMissing } from './healthcheck-missing.js';
import { DEBIAN, DISTROLESS, HEALTHY, imagesFor } from './testing/images.js';

const { run, input } = imagesFor(healthcheckMissing);

describe('container/healthcheck-missing', () => {
  it('reports an image config without a Healthcheck', async () => {
    expect(await run({ base: DISTROLESS, config: { User: '65532' } })).toEqual([
      {
        ruleId: 'container/healthcheck-missing',
        message: 'the image config declares no HEALTHCHECK: nothing tells a hung service from a working one',
        location: 'config:Healthcheck',
        key: 'config:Healthcheck',
      },
    ]);
  });

  it('accepts HEALTHCHECK NONE, the explicit opt-out the Dockerfile rule recommends', async () => {
    const none = { Healthcheck: { Test: ['NONE'] } };
    expect(await run({ base: DEBIAN, config: none, steps: ['HEALTHCHECK NONE'] })).toEqual([]);
  });

  it('passes an image that declares one', async () => {
    expect(await run({ base: DISTROLESS, config: HEALTHY })).toEqual([]);
    const shell = { Healthcheck: { Test: ['CMD-SHELL', 'curl -fsS localhost:8080/healthz || exit 1'] } };
    expect(await run({ base: DEBIAN, config: shell })).toEqual([]);
  });

  it('says nothing about a root filesystem, which has no config', async () => {
    const { config: _, ...rootfs } = await input({ base: DEBIAN });
    expect(healthcheckMissing.check(rootfs)).toEqual([]);
  });
});
