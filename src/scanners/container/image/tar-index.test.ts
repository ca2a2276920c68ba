import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBlob } from './blob-store.js';
import { indexTar } from './tar-index.js';
import { tempDir } from './testing/build-image.js';
import { END_OF_ARCHIVE, gnuLongNameFile, rawMember } from './testing/raw-tar.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

let n = 0;
function file(bytes: Buffer): string {
  const path = join(tmp.dir, `t${n++}.tar`);
  writeFileSync(path, bytes);
  return path;
}

async function packed(
  entries: [Parameters<ReturnType<typeof pack>['entry']>[0], string?][],
): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of p) chunks.push(c as Buffer);
  })();
  for (const [header, body] of entries) p.entry(header, body ?? '');
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

async function contentOf(path: string, name: string) {
  const index = await indexTar(path);
  const ref = index.members.get(name);
  return ref ? (await readBlob(ref, ref.size)).toString() : undefined;
}

describe('indexTar', () => {
  it('maps member names (./ stripped) to byte ranges it can read back', async () => {
    const path = file(
      await packed([
        [{ name: './manifest.json' }, '[]'],
        [{ name: 'blobs/', type: 'directory' }],
        [{ name: 'blobs/x' }, 'xx'],
      ]),
    );
    const index = await indexTar(path);
    expect(index.isTar).toBe(true);
    expect([...index.members.keys()]).toEqual(['manifest.json', 'blobs/x']);
    expect(await contentOf(path, 'blobs/x')).toBe('xx');
    expect(index.diagnostics).toEqual([]);
  });

  it('reads pax long names, GNU long names and base-256 sizes', async () => {
    const long = `${'dir/'.repeat(40)}blob-é`;
    const gnu = `${'gnu/'.repeat(40)}blob`;
    const pax = await packed([[{ name: long }, 'pax body']]);
    const base256 = rawMember({ name: 'b256', size: 5, type: '0', base256: true }, Buffer.from('fives'));
    const path = file(
      Buffer.concat([pax.subarray(0, 2048), gnuLongNameFile(gnu, 'gnu body'), base256, END_OF_ARCHIVE]),
    );
    expect(await contentOf(path, long)).toBe('pax body');
    expect(await contentOf(path, gnu)).toBe('gnu body');
    expect(await contentOf(path, 'b256')).toBe('fives');
  });

  it('follows symlinks and hard links between members, and reports dangling ones', async () => {
    const path = file(
      await packed([
        [{ name: 'a/layer.tar' }, 'layer'],
        [{ name: 'b/layer.tar', type: 'symlink', linkname: '../a/layer.tar' }],
        [{ name: 'c/layer.tar', type: 'link', linkname: 'b/layer.tar' }],
        [{ name: 'd/layer.tar', type: 'symlink', linkname: '../nowhere' }],
      ]),
    );
    expect(await contentOf(path, 'c/layer.tar')).toBe('layer');
    const index = await indexTar(path);
    expect(index.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/d\/layer\.tar links to \.\.\/nowhere/),
    ]);
  });

  it('says a file is not a tar when its first block is not a header', async () => {
    expect((await indexTar(file(Buffer.alloc(2048, 0x41)))).isTar).toBe(false);
  });

  it('reports a member that runs past the end, and a corrupt header mid-archive, keeping what came before', async () => {
    const whole = await packed([
      [{ name: 'first' }, 'one'],
      [{ name: 'second' }, 'x'.repeat(5000)],
    ]);
    const truncated = await indexTar(file(whole.subarray(0, 2000)));
    expect([...truncated.members.keys()]).toEqual(['first']);
    expect(truncated.diagnostics.map((d) => d.code)).toEqual(['corrupt-archive']);
    expect(truncated.diagnostics[0]!.message).toMatch(/second runs past the end/);

    const corrupt = Buffer.from(whole);
    corrupt.fill(0x41, 1024, 1100);
    const bad = await indexTar(file(corrupt));
    expect([...bad.members.keys()]).toEqual(['first']);
    expect(bad.diagnostics[0]!.message).toMatch(/corrupt tar header at byte 1024/);
  });

  it('refuses member names that climb out of the archive', async () => {
    const index = await indexTar(
      file(
        await packed([
          [{ name: '../../evil' }, 'x'],
          [{ name: 'ok' }, 'y'],
        ]),
      ),
    );
    expect([...index.members.keys()]).toEqual(['ok']);
    expect(index.diagnostics[0]!.message).toMatch(/\.\.\/\.\.\/evil escapes/);
  });

  it('refuses an extended header too big to be one', async () => {
    const huge = rawMember({ name: 'L', size: 2 << 20, type: 'L', gnu: true }, Buffer.alloc(2 << 20, 0x61));
    const index = await indexTar(file(Buffer.concat([huge, END_OF_ARCHIVE])));
    expect(index.diagnostics[0]!.message).toMatch(/extended header of 2097152 bytes/);
  });
});
