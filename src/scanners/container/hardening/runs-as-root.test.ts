import { describe, expect, it } from 'vitest';
import { runsAsRoot } from './runs-as-root.js';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run, input } = imagesFor(runsAsRoot);

describe('container/runs-as-root', () => {
  it('reports an image whose config sets no User', async () => {
    const results = await run({ base: DEBIAN });
    expect(results).toEqual([
      expect.objectContaining({
        ruleId: 'container/runs-as-root',
        location: 'config:User',
        key: 'config:User',
      }),
    ]);
    expect(results[0]!.message).toMatch(/^the image config sets no User, so the container runs as root/);
  });

  it('reports USER root and names the step that set it', async () => {
    const [result] = await run({ base: DEBIAN, config: { User: 'root' }, steps: ['USER root'] });
    expect(result!.message).toContain('User is root (set by USER root)');
    expect(result!.createdBy).toBe('USER root');
    expect(result!.layer).toBeUndefined();
  });

  it('reports uid 0 written numerically, with or without a group', async () => {
    for (const User of ['0', '0:0', '00'])
      expect(await run({ base: DEBIAN, config: { User } }), User).toHaveLength(1);
  });

  it('reports a name the image’s own etc/passwd maps to uid 0', async () => {
    const passwd = 'root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n';
    const [result] = await run({
      base: DEBIAN,
      layers: [{ files: { 'etc/passwd': passwd } }],
      config: { User: 'toor' },
    });
    expect(result!.message).toContain('etc/passwd gives toor uid 0');
  });

  it('passes distroless nonroot (65532) and a named unprivileged user', async () => {
    expect(await run({ base: DISTROLESS, config: { User: '65532' } })).toEqual([]);
    expect(await run({ base: DISTROLESS, config: { User: 'nonroot' } })).toEqual([]);
    const passwd = `${'root:x:0:0::/root:/bin/sh\n'}app:x:10001:10001::/home/app:/sbin/nologin\n`;
    expect(
      await run({ base: ALPINE, layers: [{ files: { 'etc/passwd': passwd } }], config: { User: 'app' } }),
    ).toEqual([]);
  });

  it('passes a non-root user in the root group (OpenShift style)', async () => {
    expect(await run({ base: DEBIAN, config: { User: '1001:0' } })).toEqual([]);
  });

  it('says nothing about a root filesystem, which has no config', async () => {
    const { config: _, ...rootfs } = await input({ base: DEBIAN });
    expect(runsAsRoot.check(rootfs)).toEqual([]);
  });

  it('asks for etc/passwd', () => {
    expect(runsAsRoot.wants?.('etc/passwd')).toBe(true);
    expect(runsAsRoot.wants?.('etc/shadow')).toBe(false);
  });
});
