import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { openImage, readImageFilesystem } from '../image/index.js';
import { buildImage, tempDir } from '../image/testing/build-image.js';
import { isLangPackageFile, LANG_PACKAGE_CONTENTS, readLangPackages } from './index.js';
import { buildZip, mavenJar } from './testing/build-zip.js';

const FIXTURES = join(packageRoot(), 'test/fixtures/container/lang-packages');
const goApp = readFileSync(join(FIXTURES, 'go/app'));
const rustApp = readFileSync(join(FIXTURES, 'rust/hello-auditable'));
const SITE = 'usr/local/lib/python3.12/site-packages';
const exec = { mode: 0o755, size: 1000 };
const plain = { mode: 0o644, size: 1000 };

describe('isLangPackageFile', () => {
  it('wants manifests, archives, and executables within the size limits', () => {
    expect(isLangPackageFile('/app/node_modules/a/package.json', plain)).toBe(true);
    expect(isLangPackageFile(`${SITE}/a-1.dist-info/METADATA`, plain)).toBe(true);
    expect(isLangPackageFile('./opt/app.WAR', plain)).toBe(true);
    expect(isLangPackageFile('usr/local/bin/kubectl', exec)).toBe(true);
    expect(isLangPackageFile('usr/local/bin/kubectl', plain)).toBe(true);
    expect(isLangPackageFile('app/server', exec)).toBe(true);
  });

  it('leaves out plain files, libraries, and executables too small or too large to be programs', () => {
    expect(isLangPackageFile('app/server', plain)).toBe(false);
    expect(isLangPackageFile('app/package.json', plain)).toBe(false);
    expect(isLangPackageFile('usr/lib/x86_64-linux-gnu/libssl.so.3', exec)).toBe(false);
    expect(isLangPackageFile('usr/bin/tiny', { mode: 0o755, size: 10 })).toBe(false);
    expect(isLangPackageFile('usr/bin/huge', { mode: 0o755, size: 300 << 20 })).toBe(false);
  });
});

describe('readLangPackages', () => {
  it('hands each file to its reader and keeps one package per site-packages distribution', async () => {
    const files = new Map<string, Buffer>([
      ['/app/node_modules/left-pad/package.json', Buffer.from('{"name":"left-pad","version":"1.3.0"}')],
      [`${SITE}/six-1.16.0.egg-info`, Buffer.from('Name: six\nVersion: 1.16.0\n')],
      [`${SITE}/six-1.16.0.dist-info/METADATA`, Buffer.from('Name: six\nVersion: 1.16.0\n')],
      ['opt/app.jar', mavenJar('g', 'a', '1.0')],
      ['usr/local/bin/app', goApp],
      ['usr/local/bin/run.sh', Buffer.from('#!/bin/sh\n')],
    ]);
    const { packages, diagnostics } = await readLangPackages(files);
    expect(diagnostics).toEqual([]);
    expect(packages.map((p) => `${p.ecosystem} ${p.name} ${p.source.path}`)).toEqual([
      `PyPI six ${SITE}/six-1.16.0.dist-info/METADATA`,
      'npm left-pad app/node_modules/left-pad/package.json',
      'Maven g:a opt/app.jar',
      'Go stdlib usr/local/bin/app',
      'Go example.com/app usr/local/bin/app',
      'Go example.com/greet usr/local/bin/app',
      'Go example.com/local usr/local/bin/app',
    ]);
  });

  it('names every bad file in a diagnostic and still reads the others', async () => {
    const files = new Map<string, Buffer>([
      ['node_modules/x/package.json', Buffer.from('{oops')],
      ['lib/x.jar', Buffer.from('PK\u0003\u0004 truncated')],
      ['bin/bad', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 7]), Buffer.alloc(100)])],
      ['node_modules/y/package.json', Buffer.from('{"name":"y","version":"2.0.0"}')],
    ]);
    const { packages, diagnostics } = await readLangPackages(files);
    expect(packages.map((p) => p.name)).toEqual(['y']);
    expect(diagnostics.map((d) => [d.path, d.code])).toEqual([
      ['node_modules/x/package.json', 'lang-package-invalid'],
      ['lib/x.jar', 'archive-corrupt'],
      ['bin/bad', 'binary-corrupt'],
    ]);
  });
});

describe('language packages of an image, end to end', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('reads what an image’s final filesystem holds, through the image reader and the predicate', async () => {
    const war = buildZip([
      { name: 'WEB-INF/lib/lib-2.0.jar', data: mavenJar('org.lib', 'lib', '2.0'), method: 'store' },
    ]);
    const { path } = await buildImage(
      {
        layers: [
          {
            files: {
              'usr/local/lib/node_modules/npm/package.json':
                '{"name":"npm","version":"10.2.4","license":"Artistic-2.0"}',
              'usr/local/lib/node_modules/npm/docs/package.json': '{"type":"module"}',
              [`${SITE}/requests-2.31.0.dist-info/METADATA`]:
                'Name: requests\nVersion: 2.31.0\nLicense: Apache 2.0\n',
              'app/old.jar': mavenJar('g', 'old', '0.1'),
            },
          },
          {
            files: {
              'app/.wh.old.jar': '',
              'app/web.war': war,
              'app/server': { content: goApp, mode: 0o755 },
              'usr/bin/hello': { content: rustApp, mode: 0o755 },
              'etc/not-a-program': { content: goApp, mode: 0o644 },
            },
          },
        ],
      },
      'oci-tar',
      tmp.dir,
    );
    const image = await openImage(path);
    const fs = await readImageFilesystem(image, { contents: LANG_PACKAGE_CONTENTS });
    expect(fs.diagnostics).toEqual([]);
    expect([...fs.files.keys()].sort()).toEqual([
      'app/server',
      'app/web.war',
      'usr/bin/hello',
      'usr/local/lib/node_modules/npm/package.json',
      `${SITE}/requests-2.31.0.dist-info/METADATA`,
    ]);
    const { packages, diagnostics } = await readLangPackages(
      new Map([...fs.files].map(([p, f]) => [p, f.content])),
    );
    expect(diagnostics).toEqual([]);
    const found = packages.map((p) => `${p.source.path} ${p.purl}`).sort();
    expect(found).toEqual(
      [
        'app/server pkg:golang/stdlib@v1.19.8',
        'app/server pkg:golang/example.com/app',
        'app/server pkg:golang/example.com/greet@v1.2.3',
        'app/server pkg:golang/example.com/local',
        'app/web.war!WEB-INF/lib/lib-2.0.jar pkg:maven/org.lib/lib@2.0',
        `${SITE}/requests-2.31.0.dist-info/METADATA pkg:pypi/requests@2.31.0`,
        'usr/bin/hello pkg:cargo/cc@1.0.83',
        'usr/bin/hello pkg:cargo/hello@0.1.0',
        'usr/bin/hello pkg:cargo/itoa@1.0.11',
        'usr/bin/hello pkg:cargo/shared@0.3.0',
        'usr/local/lib/node_modules/npm/package.json pkg:npm/npm@10.2.4',
      ].sort(),
    );
    expect(packages.find((p) => p.name === 'requests')?.licenses).toEqual(['Apache-2.0']);
  });
});
