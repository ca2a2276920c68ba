import { describe, expect, it } from 'vitest';
import { LayeredFs } from '../image/index.js';
import { setuidBinary } from './setuid-binary.js';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run, input } = imagesFor(setuidBinary);
const CHMOD = 'RUN /bin/sh -c chmod u+s /usr/local/bin/tool # buildkit';

describe('container/setuid-binary', () => {
  it('reports a setuid-root program once, with the layer and step that made it', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [{ createdBy: CHMOD, files: { 'usr/local/bin/tool': { content: 'ELF', mode: 0o4755 } } }],
    });
    expect(results).toEqual([
      {
        ruleId: 'container/setuid-binary',
        message:
          "usr/local/bin/tool is setuid root (mode 4755), written by layer 1 (RUN chmod u+s /usr/local/bin/tool): whoever runs it gets its owner's privileges",
        location: 'usr/local/bin/tool',
        key: 'usr/local/bin/tool',
        layer: 1,
        createdBy: CHMOD,
      },
    ]);
  });

  it('reports setgid and setuid-to-another-user programs at low severity', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [
        {
          files: {
            'opt/app/report': { content: 'ELF', mode: 0o2755, gid: 50 },
            'opt/app/helper': { content: 'ELF', mode: 0o4750, uid: 1000 },
          },
        },
      ],
    });
    expect(results.map((r) => [r.location, r.severity, r.message.split(',')[0]])).toEqual([
      ['opt/app/report', 'low', 'opt/app/report is setgid gid 50 (mode 2755)'],
      ['opt/app/helper', 'low', 'opt/app/helper is setuid uid 1000 (mode 4750)'],
    ]);
  });

  it('reports a copy of su outside the place the distribution puts it', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [{ files: { 'usr/local/bin/su': { content: 'ELF', mode: 0o4755 } } }],
    });
    expect(results.map((r) => r.location)).toEqual(['usr/local/bin/su']);
  });

  it('passes Debian’s own setuid and setgid set, setgid directories included', async () => {
    expect(await run({ base: DEBIAN })).toEqual([]);
    const extras = {
      'usr/lib/openssh/ssh-keysign': { content: 'ELF', mode: 0o4755 },
      'usr/lib/x86_64-linux-gnu/utempter/utempter': { content: 'ELF', mode: 0o2755, gid: 43 },
      'usr/bin/ssh-agent': { content: 'ELF', mode: 0o2755, gid: 101 },
    };
    expect(await run({ base: DEBIAN, layers: [{ files: extras }] })).toEqual([]);
  });

  it('passes Alpine and distroless, and a setuid file a later layer deleted', async () => {
    expect(await run({ base: ALPINE })).toEqual([]);
    expect(await run({ base: DISTROLESS })).toEqual([]);
    const deleted = await run({
      base: DEBIAN,
      layers: [
        { files: { 'usr/local/bin/tool': { content: 'ELF', mode: 0o4755 } } },
        { files: { 'usr/local/bin/.wh.tool': '' } },
      ],
    });
    expect(deleted).toEqual([]);
  });

  it('judges a file with two names (hard links) once, under its first name', async () => {
    const fs = new LayeredFs();
    const meta = { mode: 0o4755, uid: 0, gid: 0, size: 3 };
    fs.put(0, 'usr/bin/chsh', { ...meta, type: 'file' });
    fs.put(0, 'usr/local/bin/chsh', { ...meta, type: 'hardlink', linkTarget: 'usr/bin/chsh' });
    fs.put(1, 'usr/local/bin/tool', { ...meta, type: 'file' });
    fs.put(1, 'usr/local/bin/tool-alias', { ...meta, type: 'hardlink', linkTarget: 'usr/local/bin/tool' });
    const results = setuidBinary.check({ ...(await input({ base: DISTROLESS })), fs });
    expect(results.map((r) => r.location)).toEqual(['usr/local/bin/tool']);
  });
});
