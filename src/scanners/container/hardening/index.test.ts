import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import {
  HARDENING_CHECKS,
  HARDENING_RULES,
  hardeningDraft,
  runHardeningChecks,
  wantsHardeningFile,
} from './index.js';
import { ALPINE, DEBIAN, DISTROLESS, HEALTHY, imagesFor } from './testing/images.js';

const NIST = JSON.parse(readFileSync(join(packageRoot(), 'data/nist-800-53-rev5.json'), 'utf8')) as Record<
  string,
  string
>;
const { input } = imagesFor(HARDENING_CHECKS[0]!);

describe('hardening rule metadata', () => {
  it('has unique ids', () => {
    const ids = HARDENING_RULES.map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it.each(HARDENING_RULES.map((r) => [r.id, r] as const))(
    '%s is complete, with its check and tests beside it',
    (id, r) => {
      const slug = id.slice('container/'.length);
      expect(id).toMatch(/^container\/[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(existsSync(join(import.meta.dirname, `${slug}.ts`))).toBe(true);
      expect(existsSync(join(import.meta.dirname, `${slug}.test.ts`))).toBe(true);
      expect(r.scanner).toBe('container');
      expect(r.description.length).toBeGreaterThan(100);
      expect(r.remediation).toMatch(/```(dockerfile|sh)\n/);
      expect(r.references.length).toBeGreaterThan(0);
      const nist = r.controls.filter((c) => c.startsWith('nist-800-53:'));
      expect(nist.length).toBeGreaterThan(0);
      for (const c of nist)
        expect(NIST[c.slice('nist-800-53:'.length)], `unknown control ${c}`).toBeDefined();
      for (const c of r.controls.filter((c) => !c.startsWith('nist-800-53:')))
        expect(c).toMatch(/^cis-docker:\d+\.\d+$/);
    },
  );
});

describe('the typical safe images', () => {
  it('distroless nonroot with a health check: nothing to report', async () => {
    expect(
      runHardeningChecks(await input({ base: DISTROLESS, config: { User: '65532', ...HEALTHY } })),
    ).toEqual([]);
  });

  it('Alpine and Debian with a user and a health check: only their package manager', async () => {
    const config = { User: '10001', ...HEALTHY };
    const ruleIds = async (base: typeof DEBIAN) =>
      runHardeningChecks(await input({ base, config })).map((r) => [r.ruleId, r.location]);
    expect(await ruleIds(ALPINE)).toEqual([['container/package-manager', 'sbin/apk']]);
    expect(await ruleIds(DEBIAN)).toEqual([['container/package-manager', 'usr/bin/apt-get']]);
  });
});

describe('an image that gets everything wrong', () => {
  const TOKEN = 'Zx8vQ2mL9pR4kT7w';
  const AWS_SECRET = '9dK2mQz7Lr4Vx1Np8TbW3cYh6Fs0GjUe5Ra/XoBi';
  const bad = () =>
    input({
      base: DEBIAN,
      layers: [
        {
          createdBy: `RUN |1 DEPLOY_TOKEN=${TOKEN} /bin/sh -c ./install.sh --token=${TOKEN} # buildkit`,
          files: {
            'usr/sbin/sshd': { content: 'ELF', mode: 0o755 },
            'usr/local/bin/helper': { content: 'ELF', mode: 0o4755 },
            'app/': { dir: true, mode: 0o777 },
          },
        },
      ],
      config: { Env: [`AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`], ExposedPorts: { '22/tcp': {} } },
      steps: [`ENV AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`],
      repoTags: ['app:latest'],
    });

  it('is reported by every check that applies, each once', async () => {
    const ids = runHardeningChecks(await bad()).map((r) => r.ruleId);
    expect(ids).toEqual([
      'container/runs-as-root',
      'container/secret-in-env',
      'container/secret-in-history',
      'container/setuid-binary',
      'container/world-writable',
      'container/ssh-server',
      'container/ssh-port-exposed',
      'container/image-tag-latest',
      'container/package-manager',
      'container/healthcheck-missing',
    ]);
  });

  it('never shows a secret value, in results or in the findings they become', async () => {
    const results = runHardeningChecks(await bad());
    const text = JSON.stringify([results, results.map(hardeningDraft)]);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(AWS_SECRET);
    expect(text).toContain('DEPLOY_TOKEN=Zx…');
  });
});

describe('hardeningDraft', () => {
  it('puts the image path in the location, the layer and its step in properties and the snippet', () => {
    const draft = hardeningDraft({
      ruleId: 'container/setuid-binary',
      message: 'm',
      location: 'usr/local/bin/helper',
      key: 'usr/local/bin/helper',
      layer: 3,
      createdBy: 'RUN /bin/sh -c chmod u+s /usr/local/bin/helper # buildkit',
      severity: 'low',
    });
    expect(draft).toEqual({
      ruleId: 'container/setuid-binary',
      message: 'm',
      location: {
        path: 'usr/local/bin/helper',
        snippet: 'RUN /bin/sh -c chmod u+s /usr/local/bin/helper # buildkit',
      },
      fingerprintContent: 'usr/local/bin/helper',
      severity: 'low',
      properties: { layer: 3, createdBy: 'RUN /bin/sh -c chmod u+s /usr/local/bin/helper # buildkit' },
    });
  });
});

describe('wantsHardeningFile', () => {
  it('asks the reader only for the files a check reads', () => {
    expect(wantsHardeningFile('etc/passwd')).toBe(true);
    expect(wantsHardeningFile('etc/shadow')).toBe(false);
    expect(wantsHardeningFile('usr/bin/su')).toBe(false);
  });
});
