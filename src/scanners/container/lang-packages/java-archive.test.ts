import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { readJavaArchive } from './java-archive.js';
import { buildZip, mavenJar } from './testing/build-zip.js';
import { ZIP_LIMITS } from './zip-archive.js';

const JARS = join(packageRoot(), 'test/fixtures/container/lang-packages/java');
const fixture = (name: string) => readFileSync(join(JARS, name));
const read = (path: string, content: Buffer) => readJavaArchive({ path, content });
const coordinates = (r: Awaited<ReturnType<typeof read>>) =>
  r.packages.map((p) => `${p.source.path} ${p.name}@${p.version} ${p.evidence}/${p.confidence}`);

describe('readJavaArchive on real jars, one per kind of evidence', () => {
  it('pom.properties: the Maven coordinates, high confidence', async () => {
    const result = await read('opt/lib/plexus.jar', fixture('plexus-component-annotations-2.2.0.jar'));
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toEqual([
      {
        ecosystem: 'Maven',
        name: 'org.codehaus.plexus:plexus-component-annotations',
        version: '2.2.0',
        resolved: true,
        purl: 'pkg:maven/org.codehaus.plexus/plexus-component-annotations@2.2.0',
        source: { path: 'opt/lib/plexus.jar' },
        key: 'org.codehaus.plexus:plexus-component-annotations@2.2.0',
        evidence: 'pom.properties',
        confidence: 'high',
      },
    ]);
  });

  it('falls back to the manifest: Implementation-*, else Bundle-*; then to the file name', async () => {
    const impl = await read('lib/apiguardian-api-1.1.2.jar', fixture('apiguardian-api-1.1.2.jar'));
    const bundle = await read('usr/share/java/guice-jmx.jar', fixture('guice-jmx.jar'));
    const named = await read('lib/jcip-annotations-1.0.jar', fixture('jcip-annotations-1.0.jar'));
    expect([impl, bundle, named].flatMap(coordinates)).toEqual([
      'lib/apiguardian-api-1.1.2.jar apiguardian-api@1.1.2 manifest/medium',
      'usr/share/java/guice-jmx.jar com.google.inject.tools.jmx@4.2.3 manifest/medium',
      'lib/jcip-annotations-1.0.jar jcip-annotations@1.0 file-name/low',
    ]);
    expect(named.packages[0]?.purl).toBe('pkg:generic/jcip-annotations@1.0');
  });

  it('says when nothing names the archive', async () => {
    const result = await read('lib/classes.jar', buildZip([{ name: 'A.class', data: 'x' }]));
    expect(result.packages).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        level: 'info',
        code: 'package-unidentified',
        path: 'lib/classes.jar',
        message: 'lib/classes.jar: no name or version found',
      },
    ]);
  });
});

describe('readJavaArchive on fat, shaded and nested archives', () => {
  it('reads a Spring Boot jar: its own coordinates and every BOOT-INF/lib jar, stored or deflated', async () => {
    const boot = mavenJar('com.example', 'app', '1.0.0', [
      { name: 'BOOT-INF/lib/', data: '' },
      {
        name: 'BOOT-INF/lib/plexus-component-annotations-2.2.0.jar',
        data: fixture('plexus-component-annotations-2.2.0.jar'),
        method: 'store',
      },
      { name: 'BOOT-INF/lib/jcip-annotations-1.0.jar', data: fixture('jcip-annotations-1.0.jar') },
    ]);
    const result = await read('app/app.jar', boot);
    expect(result.diagnostics).toEqual([]);
    expect(coordinates(result)).toEqual([
      'app/app.jar com.example:app@1.0.0 pom.properties/high',
      'app/app.jar!BOOT-INF/lib/plexus-component-annotations-2.2.0.jar org.codehaus.plexus:plexus-component-annotations@2.2.0 pom.properties/high',
      'app/app.jar!BOOT-INF/lib/jcip-annotations-1.0.jar jcip-annotations@1.0 file-name/low',
    ]);
  });

  it('lists every pom.properties of a shaded jar, once each', async () => {
    const pom = (g: string, a: string, v: string) => ({
      name: `META-INF/maven/${g}/${a}/pom.properties`,
      data: `groupId=${g}\nartifactId=${a}\nversion=${v}\n`,
    });
    const shaded = buildZip([
      pom('a', 'one', '1'),
      pom('b', 'two', '2'),
      { ...pom('b', 'two', '2'), name: 'x/META-INF/maven/b/two/pom.properties' },
    ]);
    expect(coordinates(await read('s.jar', shaded))).toEqual([
      's.jar a:one@1 pom.properties/high',
      's.jar b:two@2 pom.properties/high',
    ]);
  });

  it('reads an ear holding a war holding jars, naming each level', async () => {
    const war = buildZip([{ name: 'WEB-INF/lib/lib-1.0.jar', data: mavenJar('g', 'lib', '1.0') }]);
    const ear = buildZip([{ name: 'web.war', data: war, method: 'store' }]);
    expect(coordinates(await read('srv/app.ear', ear))).toEqual([
      'srv/app.ear!web.war!WEB-INF/lib/lib-1.0.jar g:lib@1.0 pom.properties/high',
    ]);
  });

  it('takes groupId and artifactId from the folder names when pom.properties leaves them out', async () => {
    const jar = buildZip([{ name: 'META-INF/maven/org.x/y/pom.properties', data: 'version = 2.0\n' }]);
    expect(coordinates(await read('y.jar', jar))).toEqual(['y.jar org.x:y@2.0 pom.properties/high']);
  });
});

describe('readJavaArchive on hostile archives', () => {
  it('reports what is not a zip, or a truncated one, without throwing', async () => {
    const good = mavenJar('g', 'a', '1');
    for (const content of [
      Buffer.from('not a zip at all'),
      Buffer.alloc(0),
      good.subarray(0, good.length - 30),
    ]) {
      const result = await read('bad.jar', content);
      expect(result.packages).toEqual([]);
      expect(result.diagnostics[0]).toMatchObject({ code: 'archive-corrupt', path: 'bad.jar' });
    }
  });

  it('refuses a nested archive that would inflate far more than it weighs (a zip bomb)', async () => {
    const zeros = Buffer.alloc(64 << 20);
    const bomb = buildZip([{ name: 'lib/bomb.jar', data: zeros }]);
    expect(bomb.length).toBeLessThan(1 << 20);
    const result = await read('b.jar', bomb);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'archive-limit', message: expect.stringMatching(/zip bomb/) }),
    ]);
  });

  it('refuses metadata entries whose header claims more than the limit, and catches entries that lie', async () => {
    const big = buildZip([
      { name: 'META-INF/maven/g/a/pom.properties', data: 'x', claimedSize: ZIP_LIMITS.maxMetadataBytes + 1 },
    ]);
    const lying = buildZip([
      { name: 'META-INF/maven/g/a/pom.properties', data: 'version=1\n'.repeat(1000), claimedSize: 10 },
    ]);
    const [over, lie] = [await read('big.jar', big), await read('lie.jar', lying)];
    expect(over.diagnostics[0]).toMatchObject({
      code: 'archive-entry-unread',
      message: expect.stringMatching(/over the 1048576-byte limit/),
    });
    expect(lie.diagnostics[0]).toMatchObject({ code: 'archive-entry-unread' });
  });

  it('stops a jar-in-jar recursion at the depth limit', async () => {
    let jar = mavenJar('g', 'deepest', '1');
    for (let i = 0; i < ZIP_LIMITS.maxDepth + 2; i++)
      jar = buildZip([{ name: `lib/l${i}.jar`, data: jar, method: 'store' }]);
    const result = await read('deep.jar', jar);
    expect(result.packages).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['archive-limit']);
    expect(result.diagnostics[0]?.message).toMatch(/past the 4 read/);
  });

  describe('with the limits on entries and nested archives lowered to small numbers', () => {
    const inner = (n: number) => buildZip([{ name: `lib/x${n}.jar`, data: mavenJar('g', `a${n}`, '1') }]);
    const many = buildZip(
      [0, 1, 2].map((i) => ({ name: `lib/n${i}.jar`, data: inner(i), method: 'store' as const })),
    );
    const withLimits = async (limits: Partial<typeof ZIP_LIMITS>, path: string, content: Buffer) => {
      const saved = { ...ZIP_LIMITS };
      Object.assign(ZIP_LIMITS, limits);
      try {
        return await read(path, content);
      } finally {
        Object.assign(ZIP_LIMITS, saved);
      }
    };

    it('refuses an archive listing too many entries, or too many across the file', async () => {
      const wide = buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: '' })));
      const w = await withLimits({ maxEntries: 5 }, 'wide.jar', wide);
      expect(w.diagnostics[0]?.message).toBe('wide.jar: 6 entries, over the 5 read');
      const m = await withLimits({ maxTotalEntries: 4 }, 'many.jar', many);
      expect(m.packages).toEqual([]);
      expect(m.diagnostics[0]?.message).toBe(
        'many.jar!lib/n0.jar!lib/x0.jar: over 4 entries in this file and the archives nested in it',
      );
    });

    it('stops opening nested archives past the count', async () => {
      const m = await withLimits({ maxArchives: 2 }, 'many.jar', many);
      expect(m.packages.map((p) => p.name)).toEqual(['g:a0']);
      expect(m.diagnostics.map((d) => d.message)).toEqual([
        'many.jar!lib/n1.jar: over 2 nested archives',
        'many.jar!lib/n2.jar: over 2 nested archives',
      ]);
    });
  });

  it('treats zip-slip names as plain strings: nothing is written, the package is still read', async () => {
    const jar = buildZip([
      { name: '../../../../etc/passwd', data: 'root:x:0:0' },
      { name: '/abs/lib-2.0.jar', data: mavenJar('g', 'lib', '2.0'), method: 'store' },
    ]);
    const result = await read('slip.jar', jar);
    expect(coordinates(result)).toEqual(['slip.jar!/abs/lib-2.0.jar g:lib@2.0 pom.properties/high']);
  });

  it('reports an unsupported compression method and an encrypted entry', async () => {
    const jar = buildZip([{ name: 'META-INF/maven/g/a/pom.properties', data: 'version=1' }]);
    const methodAt = jar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10;
    const odd = Buffer.from(jar);
    odd.writeUInt16LE(99, methodAt);
    const encrypted = Buffer.from(jar);
    encrypted.writeUInt16LE(0x801, methodAt - 2);
    const results = [await read('odd.jar', odd), await read('enc.jar', encrypted)];
    expect(results.map((r) => r.diagnostics[0]?.message)).toEqual([
      expect.stringMatching(/compression method 99/),
      expect.stringMatching(/encrypted/),
    ]);
  });

  it('survives a deflate stream that is garbage', async () => {
    const jar = buildZip([
      { name: 'META-INF/maven/g/a/pom.properties', data: 'groupId=g\nartifactId=a\nversion=1\n' },
    ]);
    const body = jar.indexOf(deflateRawSync(Buffer.from('groupId=g\nartifactId=a\nversion=1\n')));
    jar.fill(0xff, body, body + 8);
    const result = await read('garbage.jar', jar);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'archive-entry-unread',
      message: expect.stringMatching(/damaged/),
    });
  });
});

const M2 = join(homedir(), '.m2/repository');
const DEBIAN_JAVA = '/usr/share/java';

function jarsUnder(dir: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (out.length >= limit) return;
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile() && e.name.endsWith('.jar')) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(!existsSync(M2))('readJavaArchive on the local Maven repository', () => {
  it('names each jar by the artifact and version its repository folder has', async () => {
    const jars = jarsUnder(M2, 300);
    let full = 0;
    let named = 0;
    for (const jar of jars) {
      const result = await read(jar, readFileSync(jar));
      expect(
        result.diagnostics.filter((d) => d.level !== 'info'),
        jar,
      ).toEqual([]);
      const [version, artifact, ...group] = jar
        .slice(M2.length + 1)
        .split('/')
        .slice(0, -1)
        .reverse();
      const own = result.packages.filter(
        (p) => p.version === version && p.name.split(':').pop() === artifact,
      );
      if (own.length > 0) named++;
      if (own.some((p) => p.name === `${group.reverse().join('.')}:${artifact}`)) full++;
    }
    expect(named / jars.length).toBeGreaterThan(0.95);
    // The others have no pom.properties: named from their manifest or file name, without a group.
    expect(full / jars.length).toBeGreaterThan(0.5);
  });
});

describe.skipIf(!existsSync(DEBIAN_JAVA))('readJavaArchive on Debian’s /usr/share/java', () => {
  it('identifies nearly every jar', async () => {
    const jars = readdirSync(DEBIAN_JAVA).filter((f) => f.endsWith('.jar'));
    let named = 0;
    for (const jar of jars) {
      const result = await read(`usr/share/java/${jar}`, readFileSync(join(DEBIAN_JAVA, jar)));
      expect(
        result.diagnostics.filter((d) => d.level !== 'info'),
        jar,
      ).toEqual([]);
      if (result.packages.length > 0) named++;
    }
    expect(named / jars.length).toBeGreaterThan(0.9);
  });
});
