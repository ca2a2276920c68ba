import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from './open-image.js';
import { readImageFilesystem } from './read-image.js';
import { buildImage, type FileSpec, type Format, tempDir } from './testing/build-image.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

interface Real {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  content?: Buffer;
  target?: string;
}

/** Up to `limit` entries of a real tree, parents first, as lstat sees them. */
function walk(root: string, limit: number): Real[] {
  const out: Real[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (out.length >= limit) return;
      const full = join(dir, name);
      const st = lstatSync(full);
      const path = relative(root, full);
      const mode = st.mode & 0o7777;
      if (st.isSymbolicLink()) out.push({ path, type: 'symlink', mode, target: readlinkSync(full) });
      else if (st.isFile()) out.push({ path, type: 'file', mode, content: readFileSync(full) });
      else if (st.isDirectory()) {
        out.push({ path, type: 'dir', mode });
        visit(full);
      }
    }
  };
  visit(root);
  return out;
}

function spec(entries: Real[]): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {};
  for (const e of entries) {
    if (e.type === 'symlink') files[e.path] = { symlink: e.target! };
    else if (e.type === 'dir') files[`${e.path}/`] = { dir: true, mode: e.mode };
    else files[e.path] = { content: e.content!, mode: e.mode };
  }
  return files;
}

const trees = [
  {
    name: "this repo's node_modules/tar-stream",
    root: join(import.meta.dirname, '../../../../node_modules/tar-stream'),
  },
  { name: '/usr/share/doc', root: '/usr/share/doc' },
].filter((t) => existsSync(t.root));

describe.each(trees)('a real tree: $name', ({ root }) => {
  const real = walk(root, 400);

  it.each<Format>(['oci-tar', 'docker'])(
    'comes back whole, every file, mode and symlink, through %s',
    async (format) => {
      const { path } = await buildImage({ layers: [{ files: spec(real) }] }, format, tmp.dir);
      const read = await readImageFilesystem(await openImage(path), { contents: { match: () => true } });
      expect(read.diagnostics.filter((d) => d.code !== 'symlink-escape')).toEqual([]);
      expect(read.layers[0]).toMatchObject({ complete: true, trusted: true });
      expect(read.fs.size).toBe(real.length);
      for (const e of real) {
        const got = read.fs.get(e.path);
        expect(got, e.path).toMatchObject({ type: e.type });
        if (e.type === 'symlink') expect(got!.linkTarget).toBe(e.target);
        else expect(got!.mode, e.path).toBe(e.mode);
        if (e.type === 'file') expect(read.files.get(e.path)?.content.equals(e.content!), e.path).toBe(true);
      }
    },
  );

  it('reads the same from the folder itself as a root filesystem', async () => {
    const wanted = new Set(real.map((e) => e.path));
    const read = await readImageFilesystem(await openImage(root), {
      contents: { match: (p) => wanted.has(p) },
    });
    for (const e of real) {
      expect(read.fs.get(e.path), e.path).toMatchObject({
        type: e.type,
        ...(e.type === 'symlink' ? {} : { mode: e.mode }),
      });
      if (e.type === 'file') expect(read.files.get(e.path)?.content.equals(e.content!), e.path).toBe(true);
    }
  });
});
